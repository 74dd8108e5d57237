package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.AlembicModule;
import io.samokoder.model.migrations.DowngradeAnalysis;


/** An operation of upgrade() that downgrade() does not reverse. */
@RuleInfo(id = "migrations/incomplete-downgrade", category = Category.MIGRATIONS, severity = Severity.MEDIUM,
        summary = "An operation of an Alembic upgrade() is not reversed by its downgrade().",
        remediation = "Add the reverse operation to downgrade(), in reverse order: drop_column for add_column,"
                + " drop_table for create_table, drop_index for create_index, drop_constraint for create_*_constraint"
                + " and create_foreign_key, rename_table back, alter_column back.",
        description = "Operations are paired by name and object: create_table/drop_table, add_column/drop_column,"
                + " create_index/drop_index, create_foreign_key, create_unique_constraint, create_check_constraint and"
                + " create_primary_key/drop_constraint, rename_table(a, b)/rename_table(b, a), alter_column/alter_column;"
                + " batch_alter_table blocks are followed, op.f(\"name\") is unwrapped, and a drop_table in downgrade()"
                + " covers every change to that table. Names that are not literals match any name. Downgrades that"
                + " only call code from another module are not judged; empty and missing downgrades have their own"
                + " rules.")
public final class IncompleteDowngradeRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicModule m : AlembicRules.analysable(context)) {
            AlembicModule.Function up = m.upgrade();
            AlembicModule.Function down = m.downgrade();
            if (up == null || down == null || down.trivial() || down.opaque()) {
                continue;
            }
            java.util.List<DowngradeAnalysis.Gap> gaps = DowngradeAnalysis.unreversed(up, down);
            for (int i = 0; i < gaps.size(); i++) {
                DowngradeAnalysis.Gap g = gaps.get(i);
                if (i == AlembicRules.MAX_PER_REVISION) {
                    sink.report(Finding.of(this).at(m.path(), g.op().line())
                            .message("upgrade() of revision " + m.revisionId() + " has " + (gaps.size() - i)
                                    + " more operations that downgrade() does not reverse (first "
                                    + AlembicRules.MAX_PER_REVISION + " reported individually)")
                            .key(m.revisionId() + ":more")
                            .build());
                    break;
                }
                sink.report(Finding.of(this).at(m.path(), g.op().line())
                        .message("upgrade() of revision " + m.revisionId() + " " + g.does() + " but downgrade() "
                                + g.missing())
                        .key(m.revisionId() + ":" + g.key())
                        .build());
            }
        }
    }
}
