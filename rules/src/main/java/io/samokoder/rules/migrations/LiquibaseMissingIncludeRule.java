package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.LiquibaseProject;

import java.util.Set;

/** include / includeAll pointing at nothing. */
@RuleInfo(id = "migrations/liquibase-missing-include", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "A Liquibase changelog includes a file (include) or folder (includeAll) that does not exist.",
        remediation = "Fix the path (relativeToChangelogFile=\"true\" resolves against the including changelog,"
                + " otherwise against the classpath root such as src/main/resources), or add the missing file.",
        description = "Liquibase stops with \"… does not exist\" before running any changeset. Paths are resolved the"
                + " way Liquibase does: relative to the changelog when relativeToChangelogFile is true, else against"
                + " the classpath (the repository root and every src/main/resources). Includes marked"
                + " errorIfMissing=\"false\" (errorIfMissingOrEmpty for includeAll) and paths with ${properties} are"
                + " skipped. A classpath path found in another module's src/main/resources resolves when the including"
                + " module's build declares that module as a dependency (Gradle project(':x'), Maven artifactId);"
                + " when it does not, the finding is info: the module may still come in transitively.")
public final class LiquibaseMissingIncludeRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !FlywayRules.liquibase(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return Set.of("**");
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (LiquibaseProject.Changelog c : FlywayRules.liquibase(context).changelogs()) {
            for (LiquibaseProject.Include inc : c.includes()) {
                if (inc.resolved() != null || inc.optional()) {
                    continue;
                }
                Text missing = Text.of(inc.all() ? "migrations.liquibase.includeAllMissing"
                        : "migrations.liquibase.includeMissing", inc.target());
                Finding.Builder f = Finding.of(this).at(c.path(), inc.line()).key(inc.target());
                if (inc.elsewhere() != null) {
                    // on the classpath only if the module reaches it through a dependency the tool does not see
                    String module = inc.elsewhereModule().isEmpty() ? "." : inc.elsewhereModule();
                    f.message(Text.of("migrations.liquibase.includeInOtherModule", inc.target(), inc.elsewhere(),
                            module)).severity(Severity.INFO);
                } else {
                    f.message(missing);
                }
                sink.report(f.build());
            }
        }
    }
}
