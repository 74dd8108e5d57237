package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.model.migrations.AlembicModule;
import io.samokoder.model.migrations.AlembicProject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Shared access to the Alembic model for the Alembic rules. */
final class AlembicRules {

    /** Findings of one kind reported individually per revision; the rest are summed up in one finding. */
    static final int MAX_PER_REVISION = 50;

    private AlembicRules() {
    }

    static AlembicProject project(AuditContext ctx) {
        return AlembicProject.of(ctx);
    }

    static boolean applicable(AuditContext ctx) {
        return !project(ctx).isEmpty();
    }

    static Set<String> inputs(AuditContext ctx) {
        return project(ctx).inputs();
    }

    /** Modules whose functions can be analysed: parsed without error and with a revision id. */
    static List<AlembicModule> analysable(AuditContext ctx) {
        List<AlembicModule> out = new ArrayList<>();
        for (AlembicProject.Environment e : project(ctx).environments()) {
            for (AlembicModule m : e.modules()) {
                if (m.error() == null && m.revisionId() != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The analysable modules of one environment. */
    static List<AlembicModule> analysable(AlembicProject.Environment e) {
        List<AlembicModule> out = new ArrayList<>();
        for (AlembicModule m : e.modules()) {
            if (m.error() == null && m.revisionId() != null) {
                out.add(m);
            }
        }
        return out;
    }

    static String rev(AlembicModule m) {
        return m.revisionId();
    }

    static int revisionLine(AlembicModule m) {
        return Math.max(1, m.revision().line());
    }
}
