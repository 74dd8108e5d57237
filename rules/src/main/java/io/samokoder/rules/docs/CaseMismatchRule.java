package io.samokoder.rules.docs;

import io.samokoder.engine.Category;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

/** A Markdown link's target exists only with different letter case: it works on macOS and Windows, and is a 404 on GitHub and Linux CI. */
@RuleInfo(id = "docs/case-mismatch", category = Category.DOCS, severity = Severity.HIGH,
        summary = "A Markdown link's target exists only with different letter case: it works on macOS and Windows, and is a 404 on GitHub and Linux CI.",
        remediation = "Write the path with the exact letter case of the file or folder in the repository.",
        description = "GitHub and Linux file systems are case-sensitive; macOS and Windows are not, so the author never sees the broken link.")
public final class CaseMismatchRule extends LinkIssueRule {

    public CaseMismatchRule() {
        super(LinkAnalysis.Problem.CASE_MISMATCH, true);
    }
}
