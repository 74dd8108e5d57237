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
import io.samokoder.model.migrations.DowngradeAnalysis;

import java.util.List;


/** Rows changed by upgrade() with nothing in downgrade() to undo it. */
@RuleInfo(id = "migrations/irreversible-data-change", category = Category.MIGRATIONS, severity = Severity.MEDIUM,
        summary = "An Alembic upgrade() changes rows (UPDATE, INSERT, DELETE, bulk_insert, table.update()) and"
                + " downgrade() has no counterpart.",
        remediation = "Add the reverse statement to downgrade() (restore the old values, delete the inserted rows),"
                + " or keep a backup of the touched rows; document data changes that cannot be undone, or make"
                + " downgrade() raise.",
        description = "Raw SQL and bulk inserts are invisible to schema reversal: a downgrade that drops and re-adds"
                + " structures does not bring back overwritten values. Each statement of op.execute and"
                + " connection.execute is read: session settings (SET, PRAGMA), reads (SELECT), transaction control and"
                + " structure changes (judged by migrations/incomplete-downgrade) are not data changes. A row change"
                + " counts as undone when downgrade() changes rows of the same table, or when the rows vanish anyway:"
                + " downgrade() drops the table the upgrade created or the columns it filled, or the rows were copied"
                + " into a rebuilt table. A downgrade() that raises undoes nothing and is judged by"
                + " migrations/raising-downgrade. Medium when the downgrade undoes the revision's structure but not"
                + " its data; low when the downgrade is empty (a data migration its authors chose not to undo)"
                + " unless the upgrade overwrites one literal value of a column with another in place (SET s = 'b'"
                + " WHERE s = 'a': the converted rows can no longer be told apart, medium),"
                + " for backfills (rows where the column is NULL, or columns added by this revision or the three"
                + " before it), for changes that make rows fit a rule the revision then adds (a constraint, a unique"
                + " index, NOT NULL) or delete rows selected by a NULL or a missing reference, and for inserts that"
                + " skip existing rows. SQL that cannot be read (built at run time, DO blocks) is info. SQL"
                + " text is never quoted beyond its verb and table.")
public final class IrreversibleDataChangeRule extends AlembicRule {

    /** How far back a column counts as new: add it, backfill it, make it NOT NULL is the usual cadence. */
    private static final int RECENT = 3;

    @Override
    public void check(AuditContext context, FindingSink sink) {
        AlembicProject project = AlembicRules.project(context);
        for (AlembicProject.Environment env : project.environments()) {
            for (AlembicModule m : AlembicRules.analysable(env)) {
                check(project, env, m, sink);
            }
        }
    }

    private void check(AlembicProject project, AlembicProject.Environment env, AlembicModule m, FindingSink sink) {
        AlembicModule.Function up = m.upgrade();
        AlembicModule.Function down = m.downgrade();
        if (up == null || (down != null && (down.opaque() || down.alwaysRaises()))) {
            return;
        }
        List<DowngradeAnalysis.DataGap> gaps = project.analysis(m).data();
        Text where = Text.of(down == null ? "migrations.data.noDowngrade" : "migrations.data.noUndo");
        List<Finding> findings = new java.util.ArrayList<>();
        java.util.Map<String, String> addedByCache = new java.util.HashMap<>();
        Severity worstOfRest = null;
        int rest = 0;
        for (DowngradeAnalysis.DataGap g : gaps) {
            // a column that already holds the value the UPDATE selects on is not being backfilled
            String addedBy = g.fill() || g.rewrite() || !"UPDATE".equals(g.verb()) ? null
                    : addedByCache.computeIfAbsent(g.table() + "|" + g.columns(),
                    k -> java.util.Objects.requireNonNullElse(addedBy(project, env, m, g), ""));
            addedBy = addedBy == null || addedBy.isEmpty() ? null : addedBy;
            if (findings.size() == AlembicRules.MAX_PER_REVISION) {
                // beyond the ones reported one by one only the worst severity is needed
                Severity sev = g.unknown() ? Severity.INFO : g.fill() || addedBy != null || g.cleanup()
                        || (down != null && down.trivial() && !g.rewrite())
                        || (g.idempotent() && "INSERT".equals(g.verb()))
                        ? Severity.LOW : Severity.MEDIUM;
                worstOfRest = worstOfRest == null || sev.compareTo(worstOfRest) < 0 ? sev : worstOfRest;
                rest++;
                continue;
            }
            Finding.Builder b = Finding.of(this).at(m.path(), g.op().line()).key(m.revisionId() + ":" + g.what());
            if (g.unknown()) {
                b.severity(Severity.INFO).message(Text.of("migrations.data.unknown", m.revisionId(), g.what(), where));
            } else if (g.fill() || addedBy != null) {
                b.severity(Severity.LOW).message(Text.of("migrations.data.backfill", m.revisionId(),
                        addedBy != null ? Text.of("migrations.data.addedBy", addedBy) : Text.of("migrations.data.nulls"),
                        g.what(), where));
            } else if (g.cleanup()) {
                b.severity(Severity.LOW).message(Text.of("migrations.data.cleanup", m.revisionId(), g.what(), where));
            } else if (down != null && down.trivial() && g.rewrite()) {
                b.message(Text.of("migrations.data.rewrite", m.revisionId(), String.join(", ", g.columns()), g.what()));
            } else if (down != null && down.trivial()) {
                b.severity(Severity.LOW).message(Text.of("migrations.data.emptyDowngrade", m.revisionId(), g.what()));
            } else if (g.idempotent() && "INSERT".equals(g.verb())) {
                b.severity(Severity.LOW).message(Text.of("migrations.data.idempotentInsert", m.revisionId(), g.what(),
                        where));
            } else {
                b.message(Text.of("migrations.data.change", m.revisionId(), g.what(), where));
            }
            findings.add(b.build());
        }
        findings.forEach(sink::report);
        if (rest > 0) {
            sink.report(Finding.of(this).at(m.path(), gaps.get(AlembicRules.MAX_PER_REVISION).op().line())
                    .severity(worstOfRest)
                    .message(Text.of("migrations.data.more", m.revisionId(), rest, AlembicRules.MAX_PER_REVISION))
                    .key(m.revisionId() + ":more")
                    .build());
        }
    }

    /**
     * The revision (this one or an ancestor at most {@link #RECENT} steps back) that added every column an UPDATE
     * sets, or null.
     */
    private static String addedBy(AlembicProject project, AlembicProject.Environment env, AlembicModule m,
                                  DowngradeAnalysis.DataGap g) {
        if (g.table() == null || g.columns().isEmpty()) {
            return null;
        }
        String table = g.table().substring(g.table().lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        java.util.Set<String> wanted = new java.util.TreeSet<>();
        g.columns().forEach(c -> wanted.add(table + "." + c.toLowerCase(java.util.Locale.ROOT)));
        java.util.List<AlembicModule> level = java.util.List.of(m);
        String found = null;
        for (int step = 0; step <= RECENT && !level.isEmpty() && !wanted.isEmpty(); step++) {
            java.util.List<AlembicModule> next = new java.util.ArrayList<>();
            for (AlembicModule x : level) {
                DowngradeAnalysis.Result r = x.upgrade() == null || x.error() != null ? null : project.analysis(x);
                if (r != null && wanted.removeIf(r.addedColumns()::contains)) {
                    found = x.revisionId();
                }
                for (String down : x.downRevision().ids()) {
                    AlembicModule d = env.graph().byId().get(down);
                    if (d != null) {
                        next.add(d);
                    }
                }
            }
            level = next;
        }
        return wanted.isEmpty() ? found : null;
    }
}
