package io.samokoder.rules.docs;

import io.samokoder.engine.Category;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

/**
 * A #fragment link names no heading or HTML anchor of the target Markdown file. Medium like a missing file: the reader
 * who follows it lands at the top of the page instead of the section, and remark-validate-links, markdown-link-check
 * and lychee ({@code --include-fragments}) report a missing heading and a missing file alike.
 */
@RuleInfo(id = "docs/broken-anchor", category = Category.DOCS, severity = Severity.MEDIUM,
        summary = "A #fragment link names no heading or HTML anchor of the target Markdown file.",
        remediation = "Use the anchor GitHub generates (lowercase, punctuation and emoji removed, spaces to '-', duplicates numbered -1, -2) or add an explicit `<a name=\"...\"></a>`.",
        description = "A link to a missing heading is as broken for the reader as a link to a missing file, so both are"
                + " medium. Anchors are computed with github-slugger's rules from the rendered heading text (inline"
                + " code and link text included, images and HTML tags excluded), for ATX and setext headings and for"
                + " raw HTML <h1>..<h6> headings (GitHub anchors them too, numbered with the others in page order),"
                + " plus id/name attributes in HTML, footnotes, #top and GitHub's line anchors (#L10). A fragment that"
                + " names an attribute list's id ({#id}, which Jekyll, MkDocs, Hugo, Docusaurus and Pandoc honour and"
                + " GitHub shows as text) is info: the link works on the generated site."
                + " Where the project would not edit the link, lower: vendored third-party code and test data info, changelogs,"
                + " files marked linguist-generated and sections a tool generates (a START comment saying do not edit) low.")
public final class BrokenAnchorRule extends LinkIssueRule {

    public BrokenAnchorRule() {
        super(LinkAnalysis.Problem.BROKEN_ANCHOR, false);
    }
}
