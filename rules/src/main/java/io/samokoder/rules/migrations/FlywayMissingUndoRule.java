package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.FlywayProject;

import java.util.HashSet;
import java.util.Set;

/** Undo is in use but a versioned migration has no undo migration. */
@RuleInfo(id = "migrations/flyway-missing-undo", category = Category.MIGRATIONS, severity = Severity.MEDIUM,
        summary = "The project uses Flyway undo migrations, but a versioned migration has no matching U<version>.",
        remediation = "Add U<version>__<description>.sql reversing the versioned migration, or document why it"
                + " cannot be undone and suppress the finding.",
        description = "Undo is in use when any U file exists in the configuration's locations or undoSqlMigrationPrefix"
                + " is configured. `flyway undo` stops at the first versioned migration without an undo. Repeatable"
                + " migrations (R__) are never undone and are never gaps.")
public final class FlywayMissingUndoRule extends FlywayRule {

    @Override
    public void check(AuditContext context, FindingSink out) {
        FindingSink sink = FlywayRules.once(out);
        for (FlywayProject.Group g : FlywayRules.project(context).groups()) {
            Set<String> undone = new HashSet<>();
            String firstUndo = null;
            for (FlywayProject.Migration m : g.migrations()) {
                if (m.kind() == FlywayProject.Kind.UNDO) {
                    undone.add(m.version());
                    if (firstUndo == null) {
                        firstUndo = m.path();
                    }
                }
            }
            if (undone.isEmpty() && !g.undoConfigured()) {
                continue;
            }
            Text why = firstUndo != null ? Text.of("migrations.flyway.undoInUse", firstUndo)
                    : Text.of("migrations.flyway.undoConfigured", g.undoConfigSource());
            for (FlywayProject.Migration m : g.migrations()) {
                if (m.kind() == FlywayProject.Kind.VERSIONED && !undone.contains(m.version())) {
                    sink.report(Finding.of(this).at(m.path(), 0)
                            .message(Text.of("migrations.flyway.noUndo", m.versionText(), why))
                            .key("undo:" + m.version())
                            .build());
                }
            }
        }
    }
}
