package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.AlembicModule;
import io.samokoder.model.migrations.DowngradeAnalysis;


/** op.execute / bulk_insert in upgrade() with nothing in downgrade() to undo it. */
@RuleInfo(id = "migrations/irreversible-data-change", category = Category.MIGRATIONS, severity = Severity.MEDIUM,
        summary = "An Alembic upgrade() changes data (op.execute, bulk_insert, connection.execute) and downgrade()"
                + " has no counterpart.",
        remediation = "Add the reverse statement to downgrade() (restore the old values, delete the inserted rows),"
                + " or keep a backup of the touched rows; document data changes that cannot be undone.",
        description = "Raw SQL and bulk inserts are invisible to schema reversal: a downgrade that drops and re-adds"
                + " structures does not bring back overwritten values. The change counts as undone when downgrade()"
                + " runs its own op.execute/bulk_insert, or when the rows vanish anyway because downgrade() drops the"
                + " table created by this upgrade (or, for UPDATE … SET col, the column it added). SQL text is never"
                + " quoted beyond its verb and table.")
public final class IrreversibleDataChangeRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicModule m : AlembicRules.analysable(context)) {
            AlembicModule.Function up = m.upgrade();
            AlembicModule.Function down = m.downgrade();
            if (up == null || (down != null && down.opaque())) {
                continue;
            }
            java.util.List<DowngradeAnalysis.DataGap> gaps = DowngradeAnalysis.unreversedData(up, down);
            for (int i = 0; i < gaps.size(); i++) {
                DowngradeAnalysis.DataGap g = gaps.get(i);
                if (i == AlembicRules.MAX_PER_REVISION) {
                    sink.report(Finding.of(this).at(m.path(), g.op().line())
                            .message("upgrade() of revision " + m.revisionId() + " has " + (gaps.size() - i)
                                    + " more data changes without counterpart (first "
                                    + AlembicRules.MAX_PER_REVISION + " reported individually)")
                            .key(m.revisionId() + ":more")
                            .build());
                    break;
                }
                String where = down == null ? "there is no downgrade()" : "downgrade() has no data change undoing it";
                sink.report(Finding.of(this).at(m.path(), g.op().line())
                        .message("upgrade() of revision " + m.revisionId() + " changes data with " + g.what()
                                + " and " + where)
                        .key(m.revisionId() + ":" + g.what())
                        .build());
            }
        }
    }
}
