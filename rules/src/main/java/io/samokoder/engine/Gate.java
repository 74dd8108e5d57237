package io.samokoder.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
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
        List<String> reasons = new ArrayList<>();
        List<String> unfinished = failOnCheckError ? result.findings().stream()
                .filter(f -> f.ruleId().equals(CheckFailed.META.id()))
                .map(f -> f.fingerprintKey() == null ? f.message() : f.fingerprintKey()).sorted().toList() : List.of();
        if (!unfinished.isEmpty()) {
            reasons.add(unfinished.size() + " check" + (unfinished.size() == 1 ? "" : "s")
                    + " could not finish (config/check-failed; failOnCheckError=false accepts that)");
        }
        int total = result.score().total();
        if (total < minScore) {
            reasons.add("readiness score " + total + " is below the minimum " + minScore);
        }
        List<Finding> blocking = result.findings().stream()
                .filter(f -> f.status() == Finding.Status.NEW && f.severity().atLeast(failOnSeverity))
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER))
                .toList();
        if (!blocking.isEmpty()) {
            reasons.add(blocking.size() + " new finding" + (blocking.size() == 1 ? "" : "s") + " at or above "
                    + failOnSeverity.id() + " (" + bySeverity(blocking) + ")");
        }
        boolean passed = reasons.isEmpty();
        StringBuilder msg = new StringBuilder();
        if (passed) {
            msg.append("samokoder gate passed: readiness ").append(total).append("/100 (minimum ").append(minScore)
                    .append("), no new finding at or above ").append(failOnSeverity.id());
        } else {
            msg.append("samokoder gate failed: ").append(String.join("; ", reasons)).append(" (score ")
                    .append(total).append("/100, minimum ").append(minScore).append(", failOnSeverity ")
                    .append(failOnSeverity.id()).append(")");
            if (!unfinished.isEmpty()) {
                msg.append("\n").append(LineEscape.consoleLine("  could not finish: "
                        + String.join(", ", unfinished.subList(0, Math.min(10, unfinished.size())))
                        + (unfinished.size() > 10 ? ", … and " + (unfinished.size() - 10) + " more" : "")));
            }
            if (!blocking.isEmpty()) {
                msg.append("\n").append(LineEscape.consoleLine("  failed by: " + byRule(blocking)));
            }
        }
        return new Gate(passed, List.copyOf(reasons), blocking, msg.toString());
    }

    /** "critical 2, high 10": the counts of the severities present, most severe first. */
    static String bySeverity(List<Finding> findings) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> e.getKey().id() + " " + e.getValue())
                .collect(Collectors.joining(", "));
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
