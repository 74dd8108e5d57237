package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.model.migrations.AlembicModule;
import io.samokoder.model.migrations.DowngradeAnalysis;

import java.util.List;


/** A change of upgrade() that downgrade() does not undo. */
@RuleInfo(id = "migrations/incomplete-downgrade", category = Category.MIGRATIONS, severity = Severity.MEDIUM,
        summary = "A change made by an Alembic upgrade() is not undone by its downgrade().",
        remediation = "Add the reverse operation to downgrade(), in reverse order: drop_column for add_column,"
                + " drop_table for create_table, drop_index for create_index, drop_constraint for create_*_constraint"
                + " and create_foreign_key, rename_table back, alter_column back, DROP TRIGGER/FUNCTION for what SQL"
                + " created.",
        description = "Both functions are run symbolically over the objects they name, Alembic operations and the SQL"
                + " of op.execute alike (tables, columns, indexes, constraints, enum types and values, functions,"
                + " triggers, views, sequences, extensions): after the downgrade every object the upgrade touched must"
                + " exist or not as before, under its old name, with its alterations undone. Dropping a table or"
                + " column drops what depends on it, objects created and dropped within the upgrade leave nothing,"
                + " tables rebuilt under the same name keep their identity, IF [NOT] EXISTS means the author did not"
                + " know whether the object existed; batch_alter_table blocks, helper functions of the module (with"
                + " their arguments) and loops over literal names are followed. Names that cannot be evaluated match"
                + " any name. An enum value left behind is low (PostgreSQL cannot drop one). Downgrades that only call"
                + " code from another module are not judged; empty, raising and missing downgrades have their own"
                + " rules.")
public final class IncompleteDowngradeRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicModule m : AlembicRules.analysable(context)) {
            AlembicModule.Function up = m.upgrade();
            AlembicModule.Function down = m.downgrade();
            if (up == null || down == null || down.trivial() || down.opaque() || down.alwaysRaises()) {
                continue;
            }
            List<DowngradeAnalysis.Gap> gaps = AlembicRules.project(context).analysis(m).gaps();
            for (int i = 0; i < gaps.size(); i++) {
                DowngradeAnalysis.Gap g = gaps.get(i);
                if (i == AlembicRules.MAX_PER_REVISION) {
                    sink.report(Finding.of(this).at(m.path(), g.op().line())
                            .message(Text.of("migrations.incomplete.more", m.revisionId(), gaps.size() - i,
                                    AlembicRules.MAX_PER_REVISION))
                            .key(m.revisionId() + ":more")
                            .build());
                    break;
                }
                Finding.Builder b = Finding.of(this).at(m.path(), g.op().line())
                        .message(Text.of("migrations.incomplete.gap", m.revisionId(), g.doesText(), g.missingText()))
                        .key(m.revisionId() + ":" + g.key());
                if (g.lowImpact()) {
                    b.severity(Severity.LOW);
                }
                sink.report(b.build());
            }
        }
    }
}
