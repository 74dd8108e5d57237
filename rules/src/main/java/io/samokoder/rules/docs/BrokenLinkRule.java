package io.samokoder.rules.docs;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

import java.util.Set;

/** A relative link or image in Markdown points to a file or folder that does not exist. */
@RuleInfo(id = "docs/broken-link", category = Category.DOCS, severity = Severity.MEDIUM,
        summary = "A relative link or image in Markdown points to a file or folder that does not exist.",
        remediation = "Fix the path (it is resolved from the Markdown file's folder, or from the repository root when it starts with '/'), create the missing file, or remove the link.",
        description = "Checks inline links, images, reference definitions and HTML href/src in every Markdown file as GitHub resolves them: percent-decoded, ?query and #fragment stripped. Links in code spans and code blocks are not links. GitHub pages of the repository such as ../../issues or ../../actions are recognised. Suggests the closest existing path when one is close.")
public final class BrokenLinkRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !LinkAnalysis.markdownFiles(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return Set.of("**");
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (LinkAnalysis.Issue i : LinkAnalysis.of(context).issues(LinkAnalysis.Problem.BROKEN_LINK)) {
            sink.report(Finding.of(this).at(i.path(), i.line(), i.column()).message(i.message()).key(i.key())
                    .build());
        }
        for (LinkAnalysis.Issue i : LinkAnalysis.of(context).issues(LinkAnalysis.Problem.NOT_CHECKED)) {
            // said, so that a hostile file neither stalls the audit nor passes silently
            sink.report(Finding.of(this).at(i.path(), i.line(), i.column()).severity(io.samokoder.engine.Severity.INFO)
                    .message(i.message()).key(i.key()).build());
        }
    }
}
