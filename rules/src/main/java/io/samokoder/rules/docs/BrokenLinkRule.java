package io.samokoder.rules.docs;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

/** A relative link or image in Markdown points to a file or folder that does not exist. */
@RuleInfo(id = "docs/broken-link", category = Category.DOCS, severity = Severity.MEDIUM,
        summary = "A relative link or image in Markdown points to a file or folder that does not exist.",
        remediation = "Fix the path (it is resolved from the Markdown file's folder, or from the repository root when it starts with '/'), create the missing file, or remove the link.",
        description = "Checks inline links, images, reference definitions and HTML href/src in every Markdown file as GitHub resolves them: percent-decoded, ?query and #fragment stripped. Links in code spans and code blocks are not links. GitHub pages of the repository such as ../../issues or ../../actions are recognised. Suggests the closest existing path when one is close."
                + " Where the project would not edit the link, lower: vendored third-party code and test data info, changelogs,"
                + " files marked linguist-generated and sections a tool generates (a START comment saying do not edit) low.")
public final class BrokenLinkRule extends LinkIssueRule {

    public BrokenLinkRule() {
        super(LinkAnalysis.Problem.BROKEN_LINK, true);
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        super.check(context, sink);
        for (LinkAnalysis.Issue i : LinkAnalysis.of(context).issues(LinkAnalysis.Problem.NOT_CHECKED)) {
            // said, so that a hostile file neither stalls the audit nor passes silently
            sink.report(finding(i).severity(Severity.INFO).build());
        }
    }
}
