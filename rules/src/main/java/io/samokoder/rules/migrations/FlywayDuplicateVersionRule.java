package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.FlywayProject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Two Flyway migrations with the same version (or two repeatables with the same description). */
@RuleInfo(id = "migrations/flyway-duplicate-version", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "Two Flyway migrations of one configuration share a version (1.1 = 1_1 = 1.1.0), or two repeatable"
                + " migrations share a description.",
        remediation = "Renumber one of the migrations to the next free version; if one was already applied somewhere,"
                + " keep that one and move the other.",
        description = "Flyway refuses to migrate when two versioned (or two undo) migrations resolve to the same"
                + " version, across SQL and Java migrations and across all configured locations (\"Found more than"
                + " one migration with version\"). Versions are compared as Flyway does: numerically, part by part,"
                + " '_' read as '.', trailing zero parts ignored. A baseline migration (B<version>__…) may share its"
                + " version with a versioned one, not with another baseline migration. When the configured suffix"
                + " holds a placeholder (spring.flyway.sql-migration-suffixes=${spring.jpa.database}.sql), each run"
                + " loads only the files of one value (…__H2.sql, …__MYSQL.sql), so files that differ only there never"
                + " meet; a location with Spring Boot's {vendor} is one run per vendor folder. With Spring Modulith's module-aware migrations"
                + " (spring.modulith.runtime.flyway-enabled=true) each first-level subfolder of a location (__root,"
                + " one per module) is its own Flyway run with its own history table, and is checked apart.")
public final class FlywayDuplicateVersionRule extends FlywayRule {

    @Override
    public void check(AuditContext context, FindingSink out) {
        FindingSink sink = FlywayRules.once(out);
        for (FlywayProject.Group g : FlywayRules.project(context).groups()) {
            Map<String, List<FlywayProject.Migration>> byKey = new TreeMap<>();
            Map<String, Text> what = new TreeMap<>();
            for (FlywayProject.Migration m : g.migrations()) {
                String key = switch (m.kind()) {
                    case VERSIONED -> "version " + m.version();
                    case UNDO -> "undo version " + m.version();
                    // a baseline migration may share its version with a versioned one, not with another baseline
                    case BASELINE -> "baseline version " + m.version();
                    case REPEATABLE -> "repeatable description '" + m.description() + "'";
                    default -> null;
                };
                if (key != null) {
                    what.putIfAbsent(key, switch (m.kind()) {
                        case VERSIONED -> Text.of("migrations.flyway.version", m.version());
                        case UNDO -> Text.of("migrations.flyway.undoVersion", m.version());
                        case BASELINE -> Text.of("migrations.flyway.baselineVersion", m.version());
                        default -> Text.of("migrations.flyway.repeatable", m.description());
                    });
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                }
            }
            byKey.forEach((key, list) -> {
                for (int i = 1; i < list.size(); i++) {
                    sink.report(Finding.of(this).at(list.get(i).path(), 0)
                            .message(Text.of("migrations.flyway.duplicate", what.get(key), list.get(0).path()))
                            .key(key)
                            .build());
                }
            });
        }
    }
}
