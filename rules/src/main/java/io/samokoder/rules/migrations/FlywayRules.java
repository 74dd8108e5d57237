package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.FindingSink;
import io.samokoder.model.migrations.FlywayProject;
import io.samokoder.model.migrations.LiquibaseProject;

/** Shared access to the Flyway and Liquibase models. */
final class FlywayRules {

    private FlywayRules() {
    }

    static FlywayProject project(AuditContext ctx) {
        return FlywayProject.of(ctx);
    }

    /**
     * A sink that drops repeats: a migration seen by two configurations (a Maven plugin location and Spring Boot's
     * default) is reported once.
     */
    static FindingSink once(FindingSink sink) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return f -> {
            if (seen.add(f.path() + "\u0000" + f.line() + "\u0000" + f.message())) {
                sink.report(f);
            }
        };
    }

    static LiquibaseProject liquibase(AuditContext ctx) {
        return LiquibaseProject.of(ctx);
    }
}
