package io.samokoder.engine;

/** The engine's own finding for an entry of the suppressions file that matched no finding: stale, can go. */
@RuleInfo(id = "config/unused-suppression", category = Category.CONFIG, severity = Severity.INFO,
        summary = "An entry of the suppressions file matched no finding of this audit.",
        remediation = "Remove the entry: what it suppressed is gone, and a stale entry would hide a new finding that"
                + " comes to match it.",
        description = "Reported after a full audit for each entry of the suppressions file (not inline comments) whose"
                + " rule ran and that matched no finding. Entries for rules that did not run are left alone.")
public final class UnusedSuppression {
    public static final RuleMeta META = RuleMeta.of(UnusedSuppression.class);

    private UnusedSuppression() {
    }
}
