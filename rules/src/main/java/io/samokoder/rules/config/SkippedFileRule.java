package io.samokoder.rules.config;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.Workspace;

import java.util.Set;

/** Files the audit could not read: too large, unreadable, links out of the tree or in loops. Informational. */
@RuleInfo(id = "config/skipped-file", category = Category.CONFIG, severity = Severity.INFO,
        summary = "A file was not audited: too large, unreadable, or a symbolic link out of the repository or in a loop.",
        remediation = "Nothing, if the file is not a configuration; otherwise raise the size limit, fix permissions, or"
                + " replace the link with the file.")
public final class SkippedFileRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !context.workspace().skipped().isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return Set.of();
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (Workspace.Skipped s : context.workspace().skipped()) {
            sink.report(Finding.of(this).at(s.path(), 0).message(Text.of("config.skipped", s.text()))
                    .key(s.reason()).build());
        }
    }
}
