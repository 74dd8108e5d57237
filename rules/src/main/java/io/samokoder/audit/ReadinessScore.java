package io.samokoder.audit;

import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;
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
 */
public record ReadinessScore(int total, Map<Category, Integer> categoryScores, Set<Category> notApplicable,
                             Map<Category, Map<Severity, Integer>> counts, Map<Category, Double> weights) {

    public static ReadinessScore compute(Collection<Finding> findings, Set<Category> applicable,
                                         Map<Category, Double> weights) {
        Map<Category, Double> product = new EnumMap<>(Category.class);
        Map<Category, Map<Severity, Integer>> counts = new EnumMap<>(Category.class);
        for (Category c : applicable) {
            product.put(c, 1.0);
            counts.put(c, new EnumMap<>(Severity.class));
        }
        for (Finding f : findings) {
            // the engine counts a category with findings as applicable; here the given set is authoritative so that
            // adding a finding can never turn a category on and lift the average
            if (!f.isActive() || !product.containsKey(f.category())) {
                continue;
            }
            product.merge(f.category(), 1.0 - f.severity().penalty(), (a, b) -> a * b);
            counts.get(f.category()).merge(f.severity(), 1, Integer::sum);
        }
        Map<Category, Integer> scores = new EnumMap<>(Category.class);
        double weighted = 0;
        double weightSum = 0;
        for (Map.Entry<Category, Double> e : product.entrySet()) {
            int s = (int) Math.floor(100.0 * e.getValue() + 1e-9);
            scores.put(e.getKey(), s);
            double w = weights.getOrDefault(e.getKey(), 1.0);
            weighted += w * s;
            weightSum += w;
        }
        int total = weightSum == 0 ? 100 : (int) Math.floor(weighted / weightSum + 1e-9);
        Set<Category> na = EnumSet.allOf(Category.class);
        na.removeAll(scores.keySet());
        Map<Category, Double> w = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            w.put(c, weights.getOrDefault(c, 1.0));
        }
        return new ReadinessScore(total, Collections.unmodifiableMap(scores), Collections.unmodifiableSet(na),
                Collections.unmodifiableMap(counts), Collections.unmodifiableMap(w));
    }

    /**
     * The score these findings would give with this score's applicable categories and weights: what the total would
     * be if the findings left out were fixed (the report's "fix first" estimate uses the real formula, not its own).
     */
    public ReadinessScore with(Collection<Finding> findings) {
        return compute(findings, categoryScores.keySet(), weights);
    }

    /** Whether a category is applicable and its weight puts it in the total (readiness claims weigh 0 by default). */
    public boolean counted(Category category) {
        return categoryScores.containsKey(category) && weights.getOrDefault(category, 1.0) > 0;
    }
}
