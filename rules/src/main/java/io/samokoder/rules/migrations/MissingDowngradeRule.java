package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.model.migrations.AlembicModule;


/** An Alembic revision module without {@code downgrade()}. */
@RuleInfo(id = "migrations/missing-downgrade", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "An Alembic revision defines no downgrade(): rolling back through it fails.",
        remediation = "Add a downgrade() that reverses every operation of upgrade() (drop what it creates, re-create"
                + " what it drops), then run `alembic upgrade head && alembic downgrade base && alembic upgrade head`"
                + " against a scratch database.",
        description = "Alembic calls the module's downgrade() for every revision it steps back over; a module without"
                + " one stops `alembic downgrade` with an AttributeError in the middle of a rollback, usually during an"
                + " incident. Reported for every revision, merge revisions included.")
public final class MissingDowngradeRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicModule m : AlembicRules.analysable(context)) {
            if (m.downgrade() != null) {
                continue;
            }
            int line = m.upgrade() != null ? m.upgrade().line() : AlembicRules.revisionLine(m);
            sink.report(Finding.of(this).at(m.path(), line)
                    .message(Text.of("migrations.missingDowngrade", m.revisionId()))
                    .key(m.revisionId())
                    .build());
        }
    }
}
