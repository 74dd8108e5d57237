package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.model.migrations.AlembicModule;
import io.samokoder.model.migrations.AlembicProject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** More than one head in one Alembic history (per branch label). */
@RuleInfo(id = "migrations/multiple-heads", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "An Alembic history has more than one head: `alembic upgrade head` fails.",
        remediation = "Create a merge revision (`alembic merge -m \"merge heads\" heads`) whose down_revision names"
                + " every head, or rebase one branch onto the other.",
        description = "Two revisions naming the same down_revision (typically two feature branches merged in git)"
                + " leave two heads; `alembic upgrade head` then stops with \"Multiple head revisions are present\"."
                + " Heads on different labelled branches (branch_labels) are intentional and not reported. One finding"
                + " per history lists every head.")
public final class MultipleHeadsRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicProject.Environment env : AlembicRules.project(context).environments()) {
            AlembicProject.Graph g = env.graph();
            Map<String, List<AlembicModule>> byBranch = new TreeMap<>();
            for (AlembicModule h : g.heads()) {
                byBranch.computeIfAbsent(g.branchOf(h), k -> new ArrayList<>()).add(h);
            }
            byBranch.forEach((branch, heads) -> {
                if (heads.size() < 2) {
                    return;
                }
                AlembicModule last = heads.get(heads.size() - 1);
                String list = heads.stream().map(h -> h.revisionId() + " (" + h.path() + ")")
                        .collect(Collectors.joining(", "));
                sink.report(Finding.of(this).at(last.path(), AlembicRules.revisionLine(last))
                        .message(branch.isEmpty() ? Text.of("migrations.heads", heads.size(), env.label(), list)
                                : Text.of("migrations.heads.branch", heads.size(), env.label(), branch, list))
                        .key(env.label() + ":" + branch + ":" + heads.stream().map(AlembicModule::revisionId)
                                .collect(Collectors.joining(",")))
                        .build());
            });
        }
    }
}
