package io.samokoder.audit;

import io.samokoder.engine.CheckFailed;

import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.workspace.LineEscape;
import io.samokoder.engine.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The build gate: fails when the total score is below {@code minScore}, when any new (not baselined, not suppressed)
 * finding is at or above {@code failOnSeverity}, or, unless the CI owner turns it off, when a check could not finish
 * ({@code config/check-failed}): a check that broke has judged nothing, and a repository must not pass by breaking it.
 * Its message is a summary, not a list: the console and the reports already show every finding, so it names the
 * counts by severity and the rules that failed the gate.
 */
public record Gate(boolean passed, List<String> reasons, List<Finding> blocking, String message) {

    /** Fails closed: a check that could not finish fails the gate. */
    public static Gate evaluate(AuditResult result, int minScore, Severity failOnSeverity) {
        return evaluate(result, minScore, failOnSeverity, true);
    }

    /**
     * @param failOnCheckError whether a check that could not finish fails the gate; whatever its status: the
     *                         repository's own suppressions, baseline or severity settings cannot accept it
     */
    public static Gate evaluate(AuditResult result, int minScore, Severity failOnSeverity, boolean failOnCheckError) {
        return evaluate(result, minScore, failOnSeverity, failOnCheckError, Locale.ENGLISH);
    }

    /** As {@link #evaluate(AuditResult, int, Severity, boolean)}, with the message in the given language. */
    public static Gate evaluate(AuditResult result, int minScore, Severity failOnSeverity, boolean failOnCheckError,
                                Locale locale) {
        Locale lang = locale == null ? Locale.ENGLISH : locale;
        List<Text> reasons = new ArrayList<>();
        List<String> unfinished = failOnCheckError ? result.findings().stream()
                .filter(f -> f.ruleId().equals(CheckFailed.META.id()))
                .map(f -> f.fingerprintKey() == null ? f.message() : f.fingerprintKey()).sorted().toList() : List.of();
        if (!unfinished.isEmpty()) {
            reasons.add(Text.of(unfinished.size() == 1 ? "audit.gate.unfinished.one" : "audit.gate.unfinished",
                    unfinished.size()));
        }
        int total = result.score().total();
        if (total < minScore) {
            reasons.add(Text.of("audit.gate.score", total, minScore));
        }
        List<Finding> blocking = result.findings().stream()
                .filter(f -> f.status() == Finding.Status.NEW && f.severity().atLeast(failOnSeverity))
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER))
                .toList();
        if (!blocking.isEmpty()) {
            reasons.add(Text.of(blocking.size() == 1 ? "audit.gate.blocking.one" : "audit.gate.blocking",
                    blocking.size(), severity(failOnSeverity), counts(blocking)));
        }
        boolean passed = reasons.isEmpty();
        StringBuilder msg = new StringBuilder();
        if (passed) {
            msg.append(Text.of("audit.gate.passed", total, minScore, severity(failOnSeverity)).render(lang));
        } else {
            msg.append(Text.of("audit.gate.failed",
                    String.join("; ", reasons.stream().map(t -> t.render(lang)).toList()), total, minScore,
                    severity(failOnSeverity)).render(lang));
            if (!unfinished.isEmpty()) {
                String shown = String.join(", ", unfinished.subList(0, Math.min(10, unfinished.size())));
                Text list = unfinished.size() > 10 ? Text.of("audit.gate.more", shown, unfinished.size() - 10)
                        : Text.verbatim(shown);
                msg.append("\n").append(LineEscape.consoleLine("  "
                        + Text.of("audit.gate.couldNotFinish", list).render(lang)));
            }
            if (!blocking.isEmpty()) {
                msg.append("\n").append(LineEscape.consoleLine("  "
                        + Text.of("audit.gate.failedBy", byRule(blocking)).render(lang)));
            }
        }
        return new Gate(passed, reasons.stream().map(Text::english).toList(), blocking, msg.toString());
    }

    /** A finding's severity as the gate and the console name it: the id in English, a word in other languages. */
    public static Text severity(Severity s) {
        return Text.of("audit.severity." + s.id());
    }

    /** "critical 2, high 10": the counts of the severities present, most severe first. */
    static String bySeverity(List<Finding> findings) {
        return Text.of("audit.gate.list", counts(findings)).english();
    }

    private static List<Text> counts(List<Finding> findings) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> Text.of("audit.count." + e.getKey().id(), e.getValue())).toList();
    }

    /** "secrets/weak-value (5), alerting/unresolved-placeholder (4)": most findings first, then by rule id. */
    static String byRule(List<Finding> findings) {
        Map<String, Long> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.ruleId(), 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
}
