package io.samokoder.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The build gate: fails when the total score is below {@code minScore}, when any new (not baselined, not suppressed)
 * finding is at or above {@code failOnSeverity}, or, unless the CI owner turns it off, when a check could not finish
 * ({@code config/check-failed}): a check that broke has judged nothing, and a repository must not pass by breaking it.
 */
public record Gate(boolean passed, List<String> reasons, List<Finding> blocking, String message) {

    public static final int TOP_FINDINGS = 10;

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
        List<Finding> unfinished = failOnCheckError ? result.findings().stream()
                .filter(f -> f.ruleId().equals(CheckFailed.META.id())).sorted(Finding.ORDER).toList() : List.of();
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
                .sorted(java.util.Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER))
                .toList();
        if (!blocking.isEmpty()) {
            reasons.add(blocking.size() + " new finding" + (blocking.size() == 1 ? "" : "s") + " at or above "
                    + failOnSeverity.id());
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
            List<Finding> top = new ArrayList<>(unfinished);
            top.addAll(!blocking.isEmpty() ? blocking : result.findings().stream()
                    .filter(f -> f.status() == Finding.Status.NEW && !unfinished.contains(f))
                    .sorted(java.util.Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER)).toList());
            for (Finding f : top.subList(0, Math.min(TOP_FINDINGS, top.size()))) {
                // one line per finding, whatever its path and message hold (the message is printed and logged)
                msg.append("\n").append(LineEscape.consoleLine("  " + f.location() + ": [" + f.ruleId() + "] "
                        + f.severity().id() + ": " + f.message()));
            }
            if (top.size() > TOP_FINDINGS) {
                msg.append("\n  … and ").append(top.size() - TOP_FINDINGS).append(" more");
            }
        }
        return new Gate(passed, List.copyOf(reasons), blocking, msg.toString());
    }
}
