package io.samokoder.rules.docs;

import io.samokoder.engine.Category;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

/** A #fragment link names no heading or HTML anchor of the target Markdown file. */
@RuleInfo(id = "docs/broken-anchor", category = Category.DOCS, severity = Severity.LOW,
        summary = "A #fragment link names no heading or HTML anchor of the target Markdown file.",
        remediation = "Use the anchor GitHub generates (lowercase, punctuation and emoji removed, spaces to '-', duplicates numbered -1, -2) or add an explicit `<a name=\"...\"></a>`.",
        description = "Anchors are computed with github-slugger's rules from the rendered heading text (inline code and link text included, images and HTML tags excluded), for ATX and setext headings, plus id/name attributes in HTML, footnotes, #top and GitHub's line anchors (#L10).")
public final class BrokenAnchorRule extends LinkIssueRule {

    public BrokenAnchorRule() {
        super(LinkAnalysis.Problem.BROKEN_ANCHOR, false);
    }
}
