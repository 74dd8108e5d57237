package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Rule;

import java.util.Set;

/** A check over the Flyway migrations: it applies when the project has some and reads what the model was built from. */
abstract class FlywayRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !FlywayRules.project(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return FlywayRules.project(context).inputs();
    }
}
