package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.AlembicModule;
import io.samokoder.model.migrations.AlembicProject;

import java.util.List;
import java.util.stream.Collectors;

/** A revision graph Alembic cannot build: unknown down_revision or depends_on, duplicate ids, cycles. */
@RuleInfo(id = "migrations/broken-chain", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "The Alembic revision chain is broken: a down_revision or depends_on names an unknown revision, a"
                + " revision id is defined twice, or revisions form a cycle.",
        remediation = "Point down_revision at an existing revision id (see `alembic history`), give each revision a"
                + " unique id (`alembic revision` generates one), and break cycles so the history is a DAG.",
        description = "Alembic builds its revision map from every module of the version locations. A down_revision"
                + " naming a revision that is not there stops every command (\"Revision X referenced from Y is not"
                + " present\"); a duplicate id silently hides one of the two modules; a cycle is rejected with"
                + " CycleDetected. Dependencies (depends_on) may name a revision, a unique id prefix or a branch label.")
public final class BrokenChainRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicProject.Environment env : AlembicRules.project(context).environments()) {
            AlembicProject.Graph g = env.graph();
            long unread = env.problems().stream().filter(AlembicProject.Problem::blocking).count();
            Text note = unread == 0 ? Text.verbatim("") : Text.of("migrations.chain.unread", unread);
            for (AlembicProject.Dangling d : g.dangling()) {
                AlembicModule m = d.module();
                String field = d.dependency() ? "depends_on" : "down_revision";
                int line = d.dependency() ? m.dependsOn().line() : m.downRevision().line();
                sink.report(Finding.of(this).at(m.path(), Math.max(1, line))
                        .message(Text.of("migrations.chain.unknown", field, m.revisionId(), d.missing(), note))
                        .key(m.revisionId() + ":" + field + ":" + d.missing())
                        .build());
            }
            g.duplicates().forEach((id, mods) -> {
                for (int i = 1; i < mods.size(); i++) {
                    AlembicModule m = mods.get(i);
                    sink.report(Finding.of(this).at(m.path(), AlembicRules.revisionLine(m))
                            .message(Text.of("migrations.chain.duplicate", id, mods.get(0).path()))
                            .key("duplicate:" + id)
                            .build());
                }
            });
            for (List<AlembicModule> cycle : g.cycles()) {
                AlembicModule first = cycle.get(0);
                String ids = cycle.stream().map(AlembicModule::revisionId).collect(Collectors.joining(", "));
                sink.report(Finding.of(this).at(first.path(), Math.max(1, first.downRevision().line()))
                        .message(Text.of("migrations.chain.cycle", ids))
                        .key("cycle:" + ids)
                        .build());
            }
        }
    }
}
