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
import io.samokoder.model.migrations.DowngradeAnalysis;

import java.util.ArrayList;
import java.util.List;


/** A downgrade() that raises: a revision `alembic downgrade` cannot step back over. */
@RuleInfo(id = "migrations/raising-downgrade", category = Category.MIGRATIONS, severity = Severity.MEDIUM,
        summary = "An Alembic downgrade() raises instead of undoing its upgrade(), in a history whose other revisions"
                + " do downgrade.",
        remediation = "Write the reverse operations in downgrade() when the upgrade only adds or alters structure."
                + " When the project is forward-only by policy, keep every downgrade() raising and document the"
                + " roll-forward and backup procedure.",
        description = "A raising downgrade stops `alembic downgrade` at that revision with the exception; nothing is"
                + " half-undone, but a rollback past it is impossible. When the upgrade destroys data (drops a table"
                + " or column, deletes or overwrites rows) no downgrade could restore it and raising is the honest"
                + " choice: reported low, as when it only changes rows. When it adds or alters structure that a"
                + " downgrade could undo: medium."
                + " A history where two or more revisions raise and no revision newer than the first of them"
                + " downgrades is forward-only by policy: one info finding for the whole history instead.")
public final class RaisingDowngradeRule extends AlembicRule {

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlembicProject.Environment env : AlembicRules.project(context).environments()) {
            List<AlembicModule> raising = new ArrayList<>();
            List<AlembicModule> working = new ArrayList<>();
            for (AlembicModule m : AlembicRules.analysable(env)) {
                AlembicModule.Function up = m.upgrade();
                AlembicModule.Function down = m.downgrade();
                if (up == null || up.trivial() || down == null) {
                    continue;
                }
                if (down.alwaysRaises()) {
                    raising.add(m);
                } else if (!down.trivial()) {
                    working.add(m);
                }
            }
            if (raising.isEmpty()) {
                continue;
            }
            AlembicProject.Graph g = env.graph();
            int oldestRaising = raising.stream().mapToInt(g::depth).min().orElse(0);
            boolean policy = raising.size() >= 2 && working.stream().allMatch(w -> g.depth(w) < oldestRaising);
            if (policy) {
                AlembicModule first = raising.stream().filter(m -> g.depth(m) == oldestRaising).findFirst()
                        .orElse(raising.get(0));
                int analysed = raising.size() + working.size();
                Finding.Builder b = env.ini() != null ? Finding.of(this).at(env.ini(), Math.max(1, env.iniLine()))
                        : Finding.of(this).at(first.path(), first.downgrade().line());
                sink.report(b.severity(Severity.INFO)
                        .message(Text.of("migrations.raising.policy", env.label(), raising.size(), analysed,
                                first.revisionId(), first.downgrade().raises()))
                        .key(env.label() + ":forward-only")
                        .build());
                continue;
            }
            for (AlembicModule m : raising) {
                DowngradeAnalysis.Result r = AlembicRules.project(context).analysis(m);
                Text others = Text.of(working.size() == 1 ? "migrations.raising.otherOne" : "migrations.raising.others",
                        working.size());
                Finding.Builder b = Finding.of(this).at(m.path(), m.downgrade().line()).key(m.revisionId());
                Text head = Text.of("migrations.raising.head", m.revisionId(), m.downgrade().raises());
                List<DowngradeAnalysis.Gap> undoable = r == null ? List.of()
                        : r.gaps().stream().filter(x -> !x.lowImpact()).toList();
                Text destroys = destroys(r);
                if (destroys != null) {
                    sink.report(b.severity(Severity.LOW).message(Text.of("migrations.raising.destroys", head, destroys,
                            others)).build());
                } else if (undoable.isEmpty()) {
                    sink.report(b.severity(Severity.LOW).message(Text.of("migrations.raising.honest", head, others))
                            .build());
                } else {
                    Text does = undoable.size() > 1
                            ? Text.of("migrations.raising.andMore", undoable.get(0).shortText(), undoable.size() - 1)
                            : undoable.get(0).shortText();
                    sink.report(b.message(Text.of("migrations.raising.undoable", head, does, others)).build());
                }
            }
        }
    }

    /** What the upgrade destroys that no downgrade can bring back, in words; null when it destroys nothing. */
    private static Text destroys(DowngradeAnalysis.Result r) {
        if (r == null) {
            return null;
        }
        for (DowngradeAnalysis.Gap g : r.gaps()) {
            if (g.does().startsWith("drops table") || g.does().startsWith("drops column")) {
                return g.shortText();
            }
        }
        for (DowngradeAnalysis.DataGap d : r.data()) {
            if (d.destructive()) {
                return Text.of("migrations.raising.changesData", d.what());
            }
        }
        return null;
    }
}
