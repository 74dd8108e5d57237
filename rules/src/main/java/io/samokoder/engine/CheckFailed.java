package io.samokoder.engine;

/**
 * The engine's own finding when a check could not finish (an exception, out of memory, the audit's time budget): the
 * other checks go on, and the gate fails unless the CI owner sets {@code failOnCheckError=false}. Its severity is
 * info so that it never moves the score; the gate looks for it by id, whatever its status.
 */
@RuleInfo(id = "config/check-failed", category = Category.CONFIG, severity = Severity.INFO,
        summary = "A check could not finish on this repository's input; the gate fails unless failOnCheckError=false.",
        remediation = "Find the input the message names (a file the check could not process in its budget) and"
                + " report it to the samokoder maintainers; failOnCheckError=false (goal) or"
                + " --fail-on-check-error=false (CLI) lets the gate pass regardless.")
public final class CheckFailed {
    public static final RuleMeta META = RuleMeta.of(CheckFailed.class);

    private CheckFailed() {
    }
}
