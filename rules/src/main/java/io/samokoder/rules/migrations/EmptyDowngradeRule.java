package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.AlembicModule;


/** A downgrade() that does nothing while upgrade() changes the schema. */
@RuleInfo(id = "migrations/empty-downgrade", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "An Alembic downgrade() is empty (pass, ..., a docstring, or raise NotImplementedError) while"
                + " upgrade() does work.",
        remediation = "Write the reverse operations in downgrade(). If the change truly cannot be reversed, say so in"
                + " the runbook and suppress this finding with the reason.",
        description = "An empty downgrade lets `alembic downgrade` report success while the schema stays as upgraded:"
                + " the rolled-back application then meets columns and tables it does not know. Comments do not count"
                + " as work. Revisions whose upgrade() is empty too (merge revisions, placeholders) are fine.")
public final class EmptyDowngradeRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicModule m : AlembicRules.analysable(context)) {
            AlembicModule.Function up = m.upgrade();
            AlembicModule.Function down = m.downgrade();
            if (down == null || !down.trivial() || up == null || up.trivial()) {
                continue;
            }
            int n = up.ops().size();
            String work = n == 0 ? "does work" : "performs " + n + (n == 1 ? " operation" : " operations");
            sink.report(Finding.of(this).at(m.path(), down.line())
                    .message("downgrade() of revision " + m.revisionId() + " only contains " + down.trivialKind()
                            + " while upgrade() " + work + ": a rollback leaves the upgraded schema in place")
                    .key(m.revisionId())
                    .build());
        }
    }
}
