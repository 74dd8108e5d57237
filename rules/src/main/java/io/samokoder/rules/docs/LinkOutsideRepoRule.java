package io.samokoder.rules.docs;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

import java.util.Set;

/** A relative link in Markdown climbs above the repository root, where GitHub serves no file of this repository. */
@RuleInfo(id = "docs/link-outside-repo", category = Category.DOCS, severity = Severity.MEDIUM,
        summary = "A relative link in Markdown climbs above the repository root, where GitHub serves no file of this repository.",
        remediation = "Link inside the repository, or use an absolute https:// URL for other repositories and sites.",
        description = "The target is never read or checked on disk: only the path is computed. Exactly two levels above the root GitHub serves the repository's own pages (../../issues, ../../pulls, ../../actions, ../../wiki, ../../releases, ...); those are not findings.")
public final class LinkOutsideRepoRule implements Rule {

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
        for (LinkAnalysis.Issue i : LinkAnalysis.of(context).issues(LinkAnalysis.Problem.OUTSIDE_REPO)) {
            sink.report(Finding.of(this).at(i.path(), i.line(), i.column()).message(i.message()).key(i.key())
                    .build());
        }
    }
}
