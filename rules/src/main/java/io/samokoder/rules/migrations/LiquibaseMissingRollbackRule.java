package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.LiquibaseProject;

import java.util.LinkedHashSet;
import java.util.Set;

/** A Liquibase changeset with changes Liquibase cannot roll back by itself and no rollback block. */
@RuleInfo(id = "migrations/liquibase-missing-rollback", category = Category.MIGRATIONS, severity = Severity.MEDIUM,
        summary = "A Liquibase changeset runs changes without automatic rollback (sql, sqlFile, loadData, dropTable,"
                + " dropColumn, update, delete, insert, modifyDataType, …) and declares no rollback.",
        remediation = "Add a <rollback> block (YAML/JSON: rollback:, formatted SQL: --rollback lines) with the reverse"
                + " statements; an empty <rollback/> states that nothing needs undoing.",
        description = "Liquibase generates the inverse of createTable, addColumn, createIndex, renameColumn and similar"
                + " changes; for raw SQL, data loads, drops and type changes it has none, and `liquibase rollback`"
                + " fails at that changeset. Every formatted-SQL changeset is raw SQL. Change types Liquibase does not"
                + " ship (extensions, customChange) are not judged.")
public final class LiquibaseMissingRollbackRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !FlywayRules.liquibase(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return FlywayRules.liquibase(context).inputs();
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (LiquibaseProject.Changelog c : FlywayRules.liquibase(context).changelogs()) {
            for (LiquibaseProject.ChangeSet cs : c.changeSets()) {
                if (cs.hasRollback()) {
                    continue;
                }
                Set<String> types = new LinkedHashSet<>();
                for (LiquibaseProject.Change ch : cs.changes()) {
                    if (LiquibaseProject.NO_AUTO_ROLLBACK.contains(ch.type())) {
                        types.add(ch.type());
                    }
                }
                if (types.isEmpty()) {
                    continue;
                }
                String id = (cs.author() == null ? "?" : cs.author()) + ":" + (cs.id() == null ? "?" : cs.id());
                sink.report(Finding.of(this).at(c.path(), cs.line())
                        .message("changeset " + id + " runs " + String.join(", ", types) + ", which Liquibase cannot"
                                + " roll back automatically, and declares no rollback")
                        .key(id)
                        .build());
            }
        }
    }
}
