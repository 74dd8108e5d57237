package io.samokoder.rules.docs;

import io.samokoder.engine.Category;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

/** A relative link in Markdown climbs above the repository root, where GitHub serves no file of this repository. */
@RuleInfo(id = "docs/link-outside-repo", category = Category.DOCS, severity = Severity.MEDIUM,
        summary = "A relative link in Markdown climbs above the repository root, where GitHub serves no file of this repository.",
        remediation = "Link inside the repository, or use an absolute https:// URL for other repositories and sites.",
        description = "The target is never read or checked on disk: only the path is computed. Exactly two levels above the root GitHub serves the repository's own pages (../../issues, ../../pulls, ../../actions, ../../wiki, ../../releases, ...); those are not findings."
                + " Where the project would not edit the link, lower: vendored third-party code and test data info, changelogs,"
                + " files marked linguist-generated and sections a tool generates (a START comment saying do not edit) low.")
public final class LinkOutsideRepoRule extends LinkIssueRule {

    public LinkOutsideRepoRule() {
        super(LinkAnalysis.Problem.OUTSIDE_REPO, false);
    }
}
