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
import java.util.Set;
import java.util.stream.Collectors;

/** More than one unlabelled base (down_revision = None) in one Alembic history. */
@RuleInfo(id = "migrations/multiple-bases", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "An Alembic history has more than one base revision (down_revision = None) outside labelled"
                + " branches.",
        remediation = "Set down_revision of the accidental base to the revision it follows; if it starts an"
                + " independent branch on purpose, give it branch_labels.",
        description = "A second revision with down_revision = None (a copied initial migration, a history started"
                + " over) makes a second root: `alembic upgrade head` sees two heads or applies both initial schemas."
                + " A base that carries branch_labels starts an intentional independent branch (Alembic's"
                + " \"multiple bases\" pattern) and is not counted. One finding per history lists every base.")
public final class MultipleBasesRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicProject.Environment env : AlembicRules.project(context).environments()) {
            List<AlembicModule> bases = env.graph().bases().stream()
                    .filter(b -> b.branchLabels().ids().isEmpty()).toList();
            if (bases.size() < 2) {
                continue;
            }
            AlembicModule last = bases.get(bases.size() - 1);
            String list = bases.stream().map(b -> b.revisionId() + " (" + b.path() + ")")
                    .collect(Collectors.joining(", "));
            sink.report(Finding.of(this).at(last.path(), Math.max(1, last.downRevision().line()))
                    .message(Text.of("migrations.bases", bases.size(), env.label(), list))
                    .key(env.label() + ":" + bases.stream().map(AlembicModule::revisionId)
                            .collect(Collectors.joining(",")))
                    .build());
        }
    }
}
