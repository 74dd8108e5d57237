package io.samokoder.rules.docs;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

import java.util.Set;

/** A Markdown link's target exists only with different letter case: it works on macOS and Windows, and is a 404 on GitHub and Linux CI. */
@RuleInfo(id = "docs/case-mismatch", category = Category.DOCS, severity = Severity.HIGH,
        summary = "A Markdown link's target exists only with different letter case: it works on macOS and Windows, and is a 404 on GitHub and Linux CI.",
        remediation = "Write the path with the exact letter case of the file or folder in the repository.",
        description = "GitHub and Linux file systems are case-sensitive; macOS and Windows are not, so the author never sees the broken link.")
public final class CaseMismatchRule implements Rule {

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
        for (LinkAnalysis.Issue i : LinkAnalysis.of(context).issues(LinkAnalysis.Problem.CASE_MISMATCH)) {
            sink.report(Finding.of(this).at(i.path(), i.line(), i.column()).message(i.message()).key(i.key())
                    .build());
        }
    }
}
