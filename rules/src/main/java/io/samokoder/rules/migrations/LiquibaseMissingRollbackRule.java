package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.model.migrations.LiquibaseProject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Liquibase changeset with changes Liquibase cannot roll back by itself and no rollback block, in a repository whose
 * changelogs declare rollbacks elsewhere; one low finding for a repository that declares none (forward-only).
 */
@RuleInfo(id = "migrations/liquibase-missing-rollback", category = Category.MIGRATIONS, severity = Severity.MEDIUM,
        summary = "A Liquibase changeset runs changes without automatic rollback (sql, sqlFile, loadData, dropTable,"
                + " dropColumn, update, delete, insert, modifyDataType, …) and declares no rollback.",
        remediation = "Add a <rollback> block (YAML/JSON: rollback:, formatted SQL: --rollback lines) with the reverse"
                + " statements; an empty <rollback/> states that nothing needs undoing.",
        description = "Liquibase generates the inverse of createTable, addColumn, createIndex, renameColumn and similar"
                + " changes; for raw SQL, data loads, drops and type changes it has none, and `liquibase rollback`"
                + " fails at that changeset. Every formatted-SQL changeset is raw SQL. Change types Liquibase does not"
                + " ship (extensions, customChange) are not judged. Changesets whose context the production"
                + " configuration excludes (spring.liquibase.contexts of the prod profile without `faker`, `test`, …)"
                + " are not deployed and not judged. When no changelog of the repository declares any rollback and"
                + " two or more changesets would need one, the project migrates forward only: one low finding with"
                + " the count instead of one per changeset.")
public final class LiquibaseMissingRollbackRule implements Rule {

    /** Changesets without rollback from which a repository that writes none reads as forward-only. */
    private static final int FORWARD_ONLY_AT = 2;

    private record Missing(LiquibaseProject.Changelog log, LiquibaseProject.ChangeSet set, Set<String> types) {
    }

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
        LiquibaseProject project = FlywayRules.liquibase(context);
        boolean anyRollback = false;
        List<Missing> missing = new ArrayList<>();
        for (LiquibaseProject.Changelog c : project.changelogs()) {
            for (LiquibaseProject.ChangeSet cs : c.changeSets()) {
                if (cs.hasRollback()) {
                    anyRollback = true;
                    continue;
                }
                Set<String> types = new LinkedHashSet<>();
                for (LiquibaseProject.Change ch : cs.changes()) {
                    if (LiquibaseProject.NO_AUTO_ROLLBACK.contains(ch.type())) {
                        types.add(ch.type());
                    }
                }
                if (!types.isEmpty() && project.notDeployed(c, cs) == null) {
                    missing.add(new Missing(c, cs, types));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!anyRollback && missing.size() >= FORWARD_ONLY_AT) {
            forwardOnly(project, missing, sink);
            return;
        }
        for (Missing m : missing) {
            LiquibaseProject.ChangeSet cs = m.set();
            String id = id(cs);
            sink.report(Finding.of(this).at(m.log().path(), cs.line())
                    .message(Text.of("migrations.liquibase.noRollback", id, String.join(", ", m.types())))
                    .key(id)
                    .build());
        }
    }

    private static String id(LiquibaseProject.ChangeSet cs) {
        return (cs.author() == null ? "?" : cs.author()) + ":" + (cs.id() == null ? "?" : cs.id());
    }

    /** One finding for the repository, at its root changelog: the one that includes others and nobody includes. */
    private void forwardOnly(LiquibaseProject project, List<Missing> missing, FindingSink sink) {
        LiquibaseProject.Changelog at = null;
        for (LiquibaseProject.Changelog c : project.changelogs()) {
            if (!c.includes().isEmpty() && !project.isIncluded(c) && (at == null || c.path().compareTo(at.path()) < 0)) {
                at = c;
            }
        }
        int line = at == null ? missing.get(0).set().line() : at.includes().get(0).line();
        String path = at == null ? missing.get(0).log().path() : at.path();
        Set<String> types = new TreeSet<>();
        missing.forEach(m -> types.addAll(m.types()));
        Missing first = missing.get(0);
        sink.report(Finding.of(this).at(path, line).severity(Severity.LOW)
                .message(Text.of("migrations.liquibase.forwardOnly", missing.size(), String.join(", ", types),
                        id(first.set()), first.log().path()))
                .key("forward-only")
                .build());
    }
}
