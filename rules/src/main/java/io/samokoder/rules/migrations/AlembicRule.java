package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Rule;

import java.util.Set;

/** A check over the Alembic revision graph: it applies when the project has one and reads what the graph was built from. */
abstract class AlembicRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return AlembicRules.applicable(context);
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return AlembicRules.inputs(context);
    }
}
