package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.FlywayProject;


/** A file in a Flyway location whose name Flyway ignores or rejects. */
@RuleInfo(id = "migrations/flyway-invalid-name", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "A file in a Flyway migration location is named so that Flyway silently ignores it or rejects it"
                + " (V1_desc.sql, __V1__x.sql, v1__x.sql, V1a__x.sql).",
        remediation = "Rename it to V<version>__<description>.sql (two underscores; version of numbers separated by"
                + " '.' or '_'), U<version>__… for undo, B<version>__… for a baseline migration,"
                + " R__<description>.sql for repeatable; set"
                + " validateMigrationNaming=true so Flyway fails instead of skipping.",
        description = "By default Flyway skips files whose names do not parse (validateMigrationNaming=false), so a"
                + " migration with one underscore or a lower-case prefix is never applied and nobody notices."
                + " Callbacks (beforeMigrate.sql, afterMigrate__x.sql, …) and other extensions are not migrations and"
                + " are left alone; Java classes are judged only when they look like migration names. Names are read"
                + " with the configured prefixes, separator and suffixes, also from a @PropertySource file of the"
                + " migrations' module; a suffix with a placeholder (${spring.jpa.database}.sql) takes the word the"
                + " file name carries in its place.")
public final class FlywayInvalidNameRule extends FlywayRule {

    @Override
    public void check(AuditContext context, FindingSink out) {
        FindingSink sink = FlywayRules.once(out);
        for (FlywayProject.Group g : FlywayRules.project(context).groups()) {
            for (FlywayProject.Migration m : g.migrations()) {
                if (m.kind() != FlywayProject.Kind.INVALID) {
                    continue;
                }
                String name = m.path().substring(m.path().lastIndexOf('/') + 1);
                sink.report(Finding.of(this).at(m.path(), 0)
                        .message(Text.of("migrations.flyway.invalidName", name, m.problemText()))
                        .key(name)
                        .build());
            }
        }
    }
}
