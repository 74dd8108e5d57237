package io.samokoder.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The build gate: fails when the total score is below {@code minScore} or when any new (not baselined, not
 * suppressed) finding is at or above {@code failOnSeverity}. Its message is a summary, not a list: the console and
 * the reports already show every finding, so it names the counts by severity and the rules that failed the gate.
 */
public record Gate(boolean passed, List<String> reasons, List<Finding> blocking, String message) {

    public static Gate evaluate(AuditResult result, int minScore, Severity failOnSeverity) {
        List<String> reasons = new ArrayList<>();
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
