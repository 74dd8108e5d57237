package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.model.migrations.FlywayProject;
import io.samokoder.model.migrations.LiquibaseProject;

/** Shared access to the Flyway and Liquibase models. */
final class FlywayRules {

    private FlywayRules() {
    }

    static FlywayProject project(AuditContext ctx) {
        return ctx.model(FlywayProject.class, FlywayProject::load);
    }

    static LiquibaseProject liquibase(AuditContext ctx) {
        return ctx.model(LiquibaseProject.class, LiquibaseProject::load);
    }
}
