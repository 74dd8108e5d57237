package io.samokoder.rules.docs;

import io.samokoder.engine.Category;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

/**
 * A Markdown link's target exists only with different letter case: it works on macOS and Windows, and is a 404 on
 * GitHub and Linux CI. Medium like any other broken link: the reader's 404 is the same; the cause, which the author
 * cannot see locally, is why it is a rule of its own.
 */
@RuleInfo(id = "docs/case-mismatch", category = Category.DOCS, severity = Severity.MEDIUM,
        summary = "A Markdown link's target exists only with different letter case: it works on macOS and Windows, and is a 404 on GitHub and Linux CI.",
        remediation = "Write the path with the exact letter case of the file or folder in the repository.",
        description = "GitHub and Linux file systems are case-sensitive; macOS and Windows are not, so the author never"
                + " sees the broken link. The reader's 404 is the same as for a missing file, so the same severity."
                + " Where the project would not edit the link, lower: vendored third-party code and test data info, changelogs,"
                + " files marked linguist-generated and sections a tool generates (a START comment saying do not edit) low.")
public final class CaseMismatchRule extends LinkIssueRule {

    public CaseMismatchRule() {
        super(LinkAnalysis.Problem.CASE_MISMATCH, true);
    }
}
