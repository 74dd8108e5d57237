package io.samokoder.rules.docs;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

import java.util.Set;

/** A #fragment link names no heading or HTML anchor of the target Markdown file. */
@RuleInfo(id = "docs/broken-anchor", category = Category.DOCS, severity = Severity.LOW,
        summary = "A #fragment link names no heading or HTML anchor of the target Markdown file.",
        remediation = "Use the anchor GitHub generates (lowercase, punctuation and emoji removed, spaces to '-', duplicates numbered -1, -2) or add an explicit `<a name=\"...\"></a>`.",
        description = "Anchors are computed with github-slugger's rules from the rendered heading text (inline code and link text included, images and HTML tags excluded), for ATX and setext headings, plus id/name attributes in HTML, footnotes, #top and GitHub's line anchors (#L10).")
public final class BrokenAnchorRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !LinkAnalysis.markdownFiles(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return LinkAnalysis.markdownPaths(context);
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (LinkAnalysis.Issue i : LinkAnalysis.of(context).issues(LinkAnalysis.Problem.BROKEN_ANCHOR)) {
            sink.report(Finding.of(this).at(i.path(), i.line(), i.column()).message(i.message()).key(i.key())
                    .build());
        }
    }
}
