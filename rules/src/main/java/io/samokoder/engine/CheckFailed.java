package io.samokoder.engine;

/** The engine's own finding when a rule fails on some input: the build goes on, the failure is visible. */
@RuleInfo(id = "config/check-failed", category = Category.CONFIG, severity = Severity.INFO,
        summary = "A check could not finish on this repository's input.",
        remediation = "Report the message to the samokoder maintainers; the rest of the audit is unaffected.")
public final class CheckFailed {
    public static final RuleMeta META = RuleMeta.of(CheckFailed.class);

    private CheckFailed() {
    }
}
