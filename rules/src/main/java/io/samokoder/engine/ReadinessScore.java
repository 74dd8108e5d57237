package io.samokoder.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Per-category scores and their weighted total, 0-100.
 *
 * <p>A category's score is {@code floor(100 × Π (1 − penalty(severity)))} over its active (not suppressed) findings,
 * with penalties critical 0.40, high 0.20, medium 0.08, low 0.03, info 0. Each finding removes a share of what is
 * left, so the score never goes below zero, never rises when a finding is added, and is 100 with none. Categories with
 * nothing to check are "not applicable" and leave the weighted average; with none applicable the total is 100.
 *
 * <p>A category that had nothing to check but still has findings (a README claiming a Grafana that no configuration
 * runs) is scored from its findings, but it does not join the average, where a category at 80 would lift a total of
 * 60: its loss {@code w × (100 − score) / (W + w)} is taken off the total instead ({@code W} the weight of the checked
 * categories). The term only grows with findings and never shrinks another, so adding a finding never raises the
 * total, as DESIGN promises.
 *
 * @param checked the categories whose checks found something to check (the others here are scored by findings only)
 */
public record ReadinessScore(int total, Map<Category, Integer> categoryScores, Set<Category> notApplicable,
                             Map<Category, Map<Severity, Integer>> counts, Map<Category, Double> weights,
                             Set<Category> checked) {

    public static ReadinessScore compute(Collection<Finding> findings, Set<Category> applicable,
                                         Map<Category, Double> weights) {
        Map<Category, Double> product = new EnumMap<>(Category.class);
        Map<Category, Map<Severity, Integer>> counts = new EnumMap<>(Category.class);
        for (Category c : applicable) {
            product.put(c, 1.0);
            counts.put(c, new EnumMap<>(Severity.class));
        }
        for (Finding f : findings) {
            // an info finding alone does not make a category with nothing to check look scored (at 100)
            if (!f.isActive() || !applicable.contains(f.category()) && f.severity().penalty() == 0) {
                continue;
            }
            product.merge(f.category(), 1.0 - f.severity().penalty(), (a, b) -> a * b);
            counts.computeIfAbsent(f.category(), c -> new EnumMap<>(Severity.class)).merge(f.severity(), 1,
                    Integer::sum);
        }
        Map<Category, Integer> scores = new EnumMap<>(Category.class);
        product.forEach((c, p) -> scores.put(c, (int) Math.floor(100.0 * p + 1e-9)));
        double weighted = 0;
        double checkedWeight = 0;
        for (Category c : applicable) {
            double w = weights.getOrDefault(c, 1.0);
            weighted += w * scores.get(c);
            checkedWeight += w;
        }
        double total = checkedWeight == 0 ? 100 : weighted / checkedWeight;
        for (Map.Entry<Category, Integer> e : scores.entrySet()) {
            double w = weights.getOrDefault(e.getKey(), 1.0);
            if (!applicable.contains(e.getKey()) && w > 0) {
                total -= w * (100 - e.getValue()) / (checkedWeight + w);
            }
        }
        Set<Category> na = EnumSet.allOf(Category.class);
        na.removeAll(scores.keySet());
        Map<Category, Double> w = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            w.put(c, weights.getOrDefault(c, 1.0));
        }
        Set<Category> checked = applicable.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(applicable);
        return new ReadinessScore(Math.max(0, (int) Math.floor(total + 1e-9)), Collections.unmodifiableMap(scores),
                Collections.unmodifiableSet(na), Collections.unmodifiableMap(counts), Collections.unmodifiableMap(w),
                Collections.unmodifiableSet(checked));
    }

    /**
     * The score these findings would give with this score's applicable categories and weights: what the total would
     * be if the findings left out were fixed (the report's "fix first" estimate uses the real formula, not its own).
     */
    public ReadinessScore with(Collection<Finding> findings) {
        return compute(findings, checked, weights);
    }

    /** Whether a category is applicable and its weight puts it in the total (readiness claims weigh 0 by default). */
    public boolean counted(Category category) {
        return categoryScores.containsKey(category) && weights.getOrDefault(category, 1.0) > 0;
    }
}
