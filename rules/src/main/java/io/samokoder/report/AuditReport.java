package io.samokoder.report;

import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Baseline;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.audit.Gate;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The audit report for people (tech leads): total and per-category scores with the reasons, findings grouped by
 * severity with {@code file:line} and remediation, the checks that ran and found nothing, and what is new or fixed
 * since the baseline. This class holds what the report says; {@link MarkdownAuditReport} and
 * {@link HtmlAuditReport} only lay it out. Every piece of text comes from the {@code AuditReport} resource bundle
 * (English, Russian); finding messages, rule summaries and remediations come in the report's language from the
 * rules' own bundles ({@link Finding#messageIn(Locale)}, {@link RuleMeta#summaryIn(Locale)}).
 */
public final class AuditReport {

    /** Report settings: language and, when known, the gate to show. */
    public record Options(Locale locale, Integer minScore, Severity failOnSeverity) {

        public static Options of(Locale locale) {
            return new Options(locale, null, null);
        }

        public Options {
            locale = locale == null ? Locale.ENGLISH : locale;
        }
    }

    /**
     * One category row. {@code score} is null when the category had nothing to check; {@code counted} is false when it
     * is not applicable or weighs 0 (readiness claims by default) and so does not move the total.
     */
    public record CategoryRow(Category category, String name, Integer score, boolean counted,
                              Map<Severity, Integer> counts, String reason, List<RuleGroup> rules) {
    }

    /**
     * One rule's active findings, shown as one card. {@code remediation} is the rule's own (general) text, used where
     * one line must stand for all of them (fix first).
     */
    public record RuleGroup(String ruleId, Category category, String summary, String remediation, Severity worst,
                            List<Finding> findings) {

        /** The fragment id of the rule's card in the report. */
        public String anchor() {
            return "rule-" + ruleId.replaceAll("[^A-Za-z0-9_-]", "-");
        }

        /**
         * The findings by their remediation, each text once: a rule's findings mostly share one, but some rules say
         * more precisely what to do per finding (which field to replace), and those texts repeat too.
         */
        public Map<String, List<Finding>> byRemediation() {
            return byRemediation(Locale.ENGLISH);
        }

        /** {@link #byRemediation()} with each finding's remediation in the given language. */
        public Map<String, List<Finding>> byRemediation(Locale locale) {
            Map<String, List<Finding>> map = new LinkedHashMap<>();
            for (Finding f : findings) {
                map.computeIfAbsent(f.remediation().isBlank() ? remediation : f.remediationIn(locale),
                        k -> new ArrayList<>()).add(f);
            }
            return map;
        }

        /** The findings that lower the score (info weighs nothing). */
        long scored() {
            return findings.stream().filter(f -> f.severity() != Severity.INFO).count();
        }
    }

    /**
     * A line of "Fix first": a rule whose findings cost score, how much fixing them adds once the rules above it are
     * fixed, and the total after that. The totals come from {@link io.samokoder.audit.ReadinessScore#with}.
     */
    public record FixItem(RuleGroup rule, int gain, int scoreAfter) {
    }

    /** What to fix first: the current total, the total once every listed rule is fixed, and what is left after. */
    public record FixFirst(int current, int expected, List<FixItem> items, int otherRules) {
    }

    /** About ten lines: more is a list nobody acts on; the full list follows in the findings. */
    static final int FIX_FIRST_MAX = 8;

    final AuditResult result;
    final Options options;
    final ResourceBundle bundle;
    final Gate gate;
    final Map<String, RuleMeta> rules = new TreeMap<>();

    AuditReport(AuditResult result, Options options) {
        this.result = result;
        this.options = options;
        this.bundle = bundle(options.locale());
        this.gate = options.minScore() == null ? null
                : Gate.evaluate(result, options.minScore(),
                options.failOnSeverity() == null ? Severity.HIGH : options.failOnSeverity());
        for (RuleMeta m : result.allRules()) {
            rules.put(m.id(), m);
        }
        for (RuleMeta m : result.rulesRun()) {
            rules.put(m.id(), m);
        }
    }

    /** The bundle for a locale; English for any language without its own bundle (never the JVM's default). */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("io.samokoder.report.AuditReport", locale,
                AuditReport.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("report string '" + key + "' missing for " + options.locale(), e);
        }
        if (args.length == 0) {
            return pattern;
        }
        MessageFormat f = new MessageFormat(pattern.replace("'", "''"), options.locale());
        return f.format(args);
    }

    /** A finding's message in the report's language. */
    String message(Finding f) {
        return f.messageIn(options.locale());
    }

    /** A finding's remediation in the report's language. */
    String remediation(Finding f) {
        return f.remediationIn(options.locale());
    }

    /** A rule's summary in the report's language. */
    String summary(RuleMeta m) {
        return m.summaryIn(options.locale());
    }

    String language() {
        return bundle.getLocale().getLanguage().isEmpty() ? "en" : bundle.getLocale().getLanguage();
    }

    String repositoryName() {
        var name = result.root() == null ? null : result.root().getFileName();
        return name == null ? "." : name.toString();
    }

    String subtitle() {
        return t("subtitle", repositoryName(), String.valueOf(result.filesAudited()),
                String.valueOf(result.filesSkipped()), String.valueOf(result.rulesRun().size()), Version.get());
    }

    String categoryName(Category c) {
        return t("category." + c.id());
    }

    String severityName(Severity s) {
        return t("severity." + s.id());
    }

    /** "2 high, 1 medium" in the report's language. */
    String counts(Map<Severity, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int n = counts.getOrDefault(s, 0);
            if (n > 0) {
                parts.add(t("count", String.valueOf(n), t("severity." + s.id() + ".short")));
            }
        }
        return String.join(", ", parts);
    }

    List<CategoryRow> categories() {
        List<CategoryRow> rows = new ArrayList<>();
        Map<Category, List<RuleGroup>> groups = ruleGroups();
        for (Category c : Category.values()) {
            Integer score = result.score().categoryScores().get(c);
            Map<Severity, Integer> counts = result.score().counts().getOrDefault(c, Map.of());
            List<RuleGroup> lowering = groups.getOrDefault(c, List.of()).stream().filter(g -> g.scored() > 0)
                    .toList();
            String reason;
            if (score == null) {
                reason = t("reason.notApplicable");
            } else if (lowering.isEmpty()) {
                reason = t("reason.none");
            } else {
                reason = t("reason.counts", counts(counts));
            }
            boolean counted = result.score().counted(c);
            if (score != null && !counted) {
                reason = t("reason.notCounted") + " " + reason;
            }
            rows.add(new CategoryRow(c, categoryName(c), score, counted, counts, reason,
                    score == null ? List.of() : lowering));
        }
        // counted categories first, by score ascending (worst first), then those weighing 0, then not applicable
        rows.sort(Comparator.comparingInt((CategoryRow row) -> row.score() == null ? 2 : row.counted() ? 0 : 1)
                .thenComparingInt(row -> row.score() == null ? 0 : row.score())
                .thenComparing(CategoryRow::category));
        return rows;
    }

    /**
     * Active findings by category and rule: in each category the rules with the most severe finding first, then the
     * most findings, then by id; findings in their audit order. Categories without findings are left out.
     */
    Map<Category, List<RuleGroup>> ruleGroups() {
        Map<String, List<Finding>> byRule = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (f.isActive()) {
                byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<Category, List<RuleGroup>> map = new EnumMap<>(Category.class);
        byRule.forEach((id, list) -> {
            RuleMeta m = rules.get(id);
            Finding first = list.get(0);
            Severity worst = list.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElseThrow();
            Locale l = options.locale();
            String remediation = m != null && !m.remediation().isBlank() ? m.remediationIn(l) : first.remediationIn(l);
            map.computeIfAbsent(first.category(), k -> new ArrayList<>()).add(new RuleGroup(id, first.category(),
                    m == null ? "" : m.summaryIn(l), remediation, worst, List.copyOf(list)));
        });
        map.values().forEach(l -> l.sort(Comparator.comparing(RuleGroup::worst)
                .thenComparing(g -> -g.findings().size()).thenComparing(RuleGroup::ruleId)));
        return map;
    }

    /**
     * The rules to fix first, greedily: each step takes the rule whose findings, once fixed, raise the total the most
     * (ties: most severe, most findings, then id), as the real score computes it with the same categories and
     * weights. Stops at {@link #FIX_FIRST_MAX} rules or when no rule left raises the total.
     */
    FixFirst fixFirst() {
        List<RuleGroup> candidates = new ArrayList<>();
        ruleGroups().values().forEach(l -> l.stream().filter(g -> g.scored() > 0).forEach(candidates::add));
        candidates.sort(Comparator.comparing(RuleGroup::worst).thenComparing(g -> -g.scored())
                .thenComparing(RuleGroup::ruleId));
        List<Finding> remaining = new ArrayList<>(result.findings());
        int current = result.score().total();
        int now = current;
        List<FixItem> items = new ArrayList<>();
        while (items.size() < FIX_FIRST_MAX && !candidates.isEmpty()) {
            RuleGroup best = null;
            int bestTotal = now;
            for (RuleGroup g : candidates) {
                int total = result.score().with(without(remaining, g.ruleId())).total();
                if (total > bestTotal) {
                    best = g;
                    bestTotal = total;
                }
            }
            if (best == null) {
                break;
            }
            remaining = without(remaining, best.ruleId());
            candidates.remove(best);
            items.add(new FixItem(best, bestTotal - now, bestTotal));
            now = bestTotal;
        }
        return new FixFirst(current, now, items, candidates.size());
    }

    private static List<Finding> without(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> !f.ruleId().equals(ruleId)).toList();
    }

    List<Finding> suppressed() {
        return result.findings().stream().filter(f -> !f.isActive()).toList();
    }

    List<Finding> newSinceBaseline() {
        return result.findings().stream().filter(f -> f.status() == Finding.Status.NEW).toList();
    }

    /** A fixed baseline entry's text in the report's language. */
    String fixedMessage(Baseline.Entry e) {
        return ReportTexts.fixedMessage(result, e, options.locale());
    }

    List<Baseline.Entry> fixedSinceBaseline() {
        return result.fixedSinceBaseline();
    }

    List<RuleMeta> clean() {
        List<RuleMeta> out = new ArrayList<>();
        for (String id : result.cleanRules()) {
            RuleMeta m = rules.get(id);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    String gateLine() {
        if (gate == null) {
            return null;
        }
        List<String> why = new ArrayList<>();
        int total = result.score().total();
        if (total < options.minScore()) {
            why.add(t("gate.reason.score", String.valueOf(total), String.valueOf(options.minScore())));
        }
        if (!gate.blocking().isEmpty()) {
            why.add(t("gate.reason.blocking", String.valueOf(gate.blocking().size()),
                    t("severity." + failOn().id() + ".short")));
        }
        String head = gate.passed() ? t("gate.passed") : t("gate.failed");
        return head + (why.isEmpty() ? "" : ": " + String.join("; ", why)) + " ("
                + t("gate.settings", String.valueOf(options.minScore()), t("severity." + failOn().id() + ".short"))
                + ")";
    }

    Severity failOn() {
        return options.failOnSeverity() == null ? Severity.HIGH : options.failOnSeverity();
    }

    /** Renders by file extension: {@code .html}/{@code .htm} as HTML, anything else as Markdown. */
    public static byte[] render(String fileName, AuditResult result, Options options) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") ? HtmlAuditReport.render(result, options)
                : MarkdownAuditReport.render(result, options);
    }
}
