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


/** A downgrade() that does nothing while upgrade() changes the schema. */
@RuleInfo(id = "migrations/empty-downgrade", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "An Alembic downgrade() is empty (pass, ..., a docstring) while upgrade() changes the schema.",
        remediation = "Write the reverse operations in downgrade(). If the change truly cannot be reversed, make"
                + " downgrade() raise with the reason, so that `alembic downgrade` stops instead of lying.",
        description = "An empty downgrade lets `alembic downgrade` report success while the schema stays as upgraded:"
                + " the rolled-back application then meets columns and tables it does not know. Comments do not count"
                + " as work. Judged on what the upgrade changes in structure, SQL through op.execute included:"
                + " revisions whose upgrade only changes rows (their data changes are reported on their own), only"
                + " sets session options, or does nothing (merge revisions) are fine; one that only adds enum values"
                + " is low, since PostgreSQL cannot drop them; one whose upgrade runs code this audit cannot read is"
                + " info. A downgrade() that raises is judged by migrations/raising-downgrade.")
public final class EmptyDowngradeRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicModule m : AlembicRules.analysable(context)) {
            AlembicModule.Function up = m.upgrade();
            AlembicModule.Function down = m.downgrade();
            if (down == null || !down.trivial() || down.alwaysRaises() || up == null || up.trivial()) {
                continue;
            }
            DowngradeAnalysis.Result r = AlembicRules.project(context).analysis(m);
            Finding.Builder b = Finding.of(this).at(m.path(), down.line()).key(m.revisionId());
            Text head = Text.of("migrations.empty.head", m.revisionId(),
                    io.samokoder.model.migrations.AlembicModule.trivialKindText(down.trivialKind()));
            if (r.schemaWork()) {
                int n = up.ops().size();
                Text work = n == 0 ? Text.of("migrations.empty.doesWork")
                        : Text.of(n == 1 ? "migrations.empty.operation" : "migrations.empty.operations", n);
                sink.report(b.message(Text.of("migrations.empty.schema", head, work)).build());
            } else if (!r.gaps().isEmpty()) {
                DowngradeAnalysis.Gap g = r.gaps().get(0);
                sink.report(b.severity(Severity.LOW)
                        .message(g.missing().startsWith("never removes it: ")
                                ? Text.of("migrations.empty.gapEnum", head, g.doesText())
                                : Text.of("migrations.empty.gap", head, g.doesText(), g.missingText()))
                        .build());
            } else if (r.unseenWork() && r.data().stream().allMatch(DowngradeAnalysis.DataGap::unknown)) {
                sink.report(b.severity(Severity.INFO)
                        .message(Text.of("migrations.empty.unseen", head))
                        .build());
            }
        }
    }
}
