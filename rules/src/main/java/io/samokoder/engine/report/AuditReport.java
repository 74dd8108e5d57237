package io.samokoder.engine.report;

import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Baseline;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Gate;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;
import io.samokoder.engine.Version;

import java.text.MessageFormat;
import java.util.ArrayList;
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

    /** One category row. */
    public record CategoryRow(Category category, String name, Integer score, Map<Severity, Integer> counts,
                              String reason, List<String> rules) {
    }

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
        return ResourceBundle.getBundle("io.samokoder.engine.report.AuditReport", locale,
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
        for (Category c : Category.values()) {
            Integer score = result.score().categoryScores().get(c);
            Map<Severity, Integer> counts = result.score().counts().getOrDefault(c, Map.of());
            Map<String, Integer> byRule = new LinkedHashMap<>();
            for (Finding f : result.findings()) {
                if (f.isActive() && f.category() == c && f.severity() != Severity.INFO) {
                    byRule.merge(f.ruleId(), 1, Integer::sum);
                }
            }
            String reason;
            List<String> ruleLines = new ArrayList<>();
            if (score == null) {
                reason = t("reason.notApplicable");
            } else if (byRule.isEmpty()) {
                reason = t("reason.none");
            } else {
                reason = t("reason.counts", counts(counts));
                new TreeMap<>(byRule).forEach((id, n) -> {
                    RuleMeta m = rules.get(id);
                    ruleLines.add(id + " \u00d7" + n + (m == null ? "" : " \u2014 " + summary(m)));
                });
            }
            rows.add(new CategoryRow(c, categoryName(c), score, counts, reason, ruleLines));
        }
        // applicable categories first, by score ascending (worst first), then not applicable
        rows.sort((a, b) -> {
            if ((a.score() == null) != (b.score() == null)) {
                return a.score() == null ? 1 : -1;
            }
            if (a.score() != null && !a.score().equals(b.score())) {
                return Integer.compare(a.score(), b.score());
            }
            return a.category().compareTo(b.category());
        });
        return rows;
    }

    /** Active findings by severity, most severe first; severities without findings are left out. */
    Map<Severity, List<Finding>> bySeverity() {
        Map<Severity, List<Finding>> map = new EnumMap<>(Severity.class);
        for (Finding f : result.findings()) {
            if (f.isActive()) {
                map.computeIfAbsent(f.severity(), k -> new ArrayList<>()).add(f);
            }
        }
        return map;
    }

    List<Finding> suppressed() {
        return result.findings().stream().filter(f -> !f.isActive()).toList();
    }

    List<Finding> newSinceBaseline() {
        return result.findings().stream().filter(f -> f.status() == Finding.Status.NEW).toList();
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
