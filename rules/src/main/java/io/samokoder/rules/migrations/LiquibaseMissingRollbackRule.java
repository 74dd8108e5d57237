package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.model.migrations.LiquibaseProject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Liquibase changeset with changes Liquibase cannot roll back by itself and no rollback block, in a repository whose
 * changelogs declare rollbacks elsewhere; one low finding for a repository that declares none (forward-only), one low
 * finding for a long migration stream that declares none, one info finding for the history a stream wrote before it
 * began declaring rollbacks.
 */
@RuleInfo(id = "migrations/liquibase-missing-rollback", category = Category.MIGRATIONS, severity = Severity.MEDIUM,
        summary = "A Liquibase changeset runs changes without automatic rollback (sql, sqlFile, loadData, dropTable,"
                + " dropColumn, update, delete, insert, modifyDataType, …) and declares no rollback.",
        remediation = "Add a <rollback> block (YAML/JSON: rollback:, formatted SQL: --rollback lines) with the reverse"
                + " statements; an empty <rollback/> states that nothing needs undoing.",
        description = "Liquibase generates the inverse of createTable, addColumn, createIndex, renameColumn and similar"
                + " changes; for raw SQL, data loads, drops and type changes it has none, and `liquibase rollback`"
                + " fails at that changeset. Every formatted-SQL changeset is raw SQL. Change types Liquibase does not"
                + " ship (extensions, customChange) are not judged. Changesets whose context the production"
                + " configuration excludes (spring.liquibase.contexts of the prod profile without `faker`, `test`, …)"
                + " are not deployed and not judged. When no changelog of the repository declares any rollback and"
                + " two or more changesets would need one, the project migrates forward only: one low finding with"
                + " the count instead of one per changeset. When other changelogs do declare rollbacks, each"
                + " migration stream (a root changelog and what it includes, in the order Liquibase runs them) is"
                + " judged by its own practice: a stream of ten or more changesets that declares none migrates forward"
                + " only (one low finding); in a stream that began declaring rollbacks after a history of ten or more"
                + " changesets without them (an early exception aside), the changesets of that history are applied"
                + " history (one info finding with the count and the changeset where rollbacks begin), while those"
                + " after it without rollback are reported.")
public final class LiquibaseMissingRollbackRule implements Rule {

    /** Changesets without rollback from which a repository that writes none reads as forward-only. */
    private static final int FORWARD_ONLY_AT = 2;

    /** Changesets from which a stream's habit of writing rollbacks or not reads as its practice, not as chance. */
    private static final int PRACTICE_AT = 10;

    /** Before the adoption point at most one changeset in this many lacking a rollback may declare one. */
    private static final int RARE_BEFORE = 10;

    private record Missing(LiquibaseProject.Changelog log, LiquibaseProject.ChangeSet set, Set<String> types) {
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return !FlywayRules.liquibase(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return FlywayRules.liquibase(context).inputs();
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        LiquibaseProject project = FlywayRules.liquibase(context);
        boolean anyRollback = false;
        List<Missing> missing = new ArrayList<>();
        for (LiquibaseProject.Changelog c : project.changelogs()) {
            for (LiquibaseProject.ChangeSet cs : c.changeSets()) {
                anyRollback |= cs.hasRollback();
                Missing m = missing(project, c, cs);
                if (m != null) {
                    missing.add(m);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!anyRollback && missing.size() >= FORWARD_ONLY_AT) {
            forwardOnly(project, missing, sink);
            return;
        }
        for (List<LiquibaseProject.Entry> stream : project.streams()) {
            stream(project, stream, sink);
        }
    }

    /** The changeset as a missing rollback, or null when it declares one, needs none or never runs in production. */
    private static Missing missing(LiquibaseProject project, LiquibaseProject.Changelog c,
                                   LiquibaseProject.ChangeSet cs) {
        if (cs.hasRollback()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (LiquibaseProject.Change ch : cs.changes()) {
            if (LiquibaseProject.NO_AUTO_ROLLBACK.contains(ch.type())) {
                types.add(ch.type());
            }
        }
        return types.isEmpty() || project.notDeployed(c, cs) != null ? null : new Missing(c, cs, types);
    }

    /**
     * One migration stream of a repository that writes rollbacks somewhere. A long stream that declares none
     * migrates forward only (one low finding); a long history written before the stream began declaring rollbacks
     * is applied history (one info finding); every other changeset without rollback is reported.
     */
    private void stream(LiquibaseProject project, List<LiquibaseProject.Entry> stream, FindingSink sink) {
        List<Missing> all = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        int rollbacks = 0;
        for (int i = 0; i < stream.size(); i++) {
            LiquibaseProject.Entry e = stream.get(i);
            if (e.set().hasRollback() && project.notDeployed(e.log(), e.set()) == null) {
                rollbacks++;
            }
            Missing m = missing(project, e.log(), e.set());
            if (m != null) {
                all.add(m);
                at.add(i);
            }
        }
        if (all.isEmpty()) {
            return;
        }
        if (rollbacks == 0 && all.size() >= FORWARD_ONLY_AT && stream.size() >= PRACTICE_AT) {
            Missing first = all.get(0);
            Set<String> types = new TreeSet<>();
            all.forEach(m -> types.addAll(m.types()));
            LiquibaseProject.Entry root = stream.get(0);
            sink.report(Finding.of(this).at(first.log().path(), first.set().line()).severity(Severity.LOW)
                    .message(Text.of("migrations.liquibase.forwardOnlyStream", root.log().path(), stream.size(),
                            all.size(), String.join(", ", types)))
                    .key("forward-only:" + root.log().path())
                    .build());
            return;
        }
        int from = adoptedAt(project, stream);
        List<Missing> history = new ArrayList<>();
        if (from >= PRACTICE_AT) {
            for (int i = 0; i < all.size() && at.get(i) < from; i++) {
                history.add(all.get(i));
            }
        }
        if (history.size() < FORWARD_ONLY_AT) {
            history.clear();
        }
        if (!history.isEmpty()) {
            Missing first = history.get(0);
            LiquibaseProject.Entry adopted = stream.get(from);
            Set<String> types = new TreeSet<>();
            history.forEach(m -> types.addAll(m.types()));
            sink.report(Finding.of(this).at(first.log().path(), first.set().line()).severity(Severity.INFO)
                    .message(Text.of("migrations.liquibase.beforeRollbacks", history.size(), String.join(", ", types),
                            id(adopted.set()), adopted.log().path(), adopted.set().line()))
                    .key("history:" + first.log().path())
                    .build());
        }
        for (Missing m : all.subList(history.size(), all.size())) {
            LiquibaseProject.ChangeSet cs = m.set();
            String id = id(cs);
            sink.report(Finding.of(this).at(m.log().path(), cs.line())
                    .message(Text.of("migrations.liquibase.noRollback", id, String.join(", ", m.types())))
                    .key(id)
                    .build());
        }
    }

    /**
     * The index of the changeset from which the stream declares rollbacks as its practice, or -1: the changeset with
     * a rollback that best splits the stream into changesets lacking one before it and changesets declaring one from
     * it on (the earliest on a tie), provided that rollbacks before it are rare (an early exception) and that from it
     * on those declaring one are at least as many as those lacking one. Changesets that need no rollback count for
     * neither side.
     */
    private static int adoptedAt(LiquibaseProject project, List<LiquibaseProject.Entry> stream) {
        int n = stream.size();
        boolean[] with = new boolean[n];
        boolean[] without = new boolean[n];
        int withTotal = 0;
        int withoutTotal = 0;
        for (int i = 0; i < n; i++) {
            LiquibaseProject.Entry e = stream.get(i);
            with[i] = e.set().hasRollback() && project.notDeployed(e.log(), e.set()) == null;
            without[i] = missing(project, e.log(), e.set()) != null;
            withTotal += with[i] ? 1 : 0;
            withoutTotal += without[i] ? 1 : 0;
        }
        int best = -1;
        int bestScore = -1;
        int withBefore = 0;
        int withoutBefore = 0;
        int bestWithBefore = 0;
        int bestWithoutBefore = 0;
        for (int i = 0; i < n; i++) {
            if (with[i]) {
                int score = withoutBefore + (withTotal - withBefore);
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                    bestWithBefore = withBefore;
                    bestWithoutBefore = withoutBefore;
                }
                withBefore++;
            }
            withoutBefore += without[i] ? 1 : 0;
        }
        if (best < 0) {
            return -1;
        }
        boolean rareBefore = bestWithBefore * RARE_BEFORE <= bestWithoutBefore;
        boolean practiceAfter = withTotal - bestWithBefore >= withoutTotal - bestWithoutBefore;
        return rareBefore && practiceAfter ? best : -1;
    }

    private static String id(LiquibaseProject.ChangeSet cs) {
        return (cs.author() == null ? "?" : cs.author()) + ":" + (cs.id() == null ? "?" : cs.id());
    }

    /** One finding for the repository, at its root changelog: the one that includes others and nobody includes. */
    private void forwardOnly(LiquibaseProject project, List<Missing> missing, FindingSink sink) {
        LiquibaseProject.Changelog at = null;
        for (LiquibaseProject.Changelog c : project.changelogs()) {
            if (!c.includes().isEmpty() && !project.isIncluded(c) && (at == null || c.path().compareTo(at.path()) < 0)) {
                at = c;
            }
        }
        int line = at == null ? missing.get(0).set().line() : at.includes().get(0).line();
        String path = at == null ? missing.get(0).log().path() : at.path();
        Set<String> types = new TreeSet<>();
        missing.forEach(m -> types.addAll(m.types()));
        Missing first = missing.get(0);
        sink.report(Finding.of(this).at(path, line).severity(Severity.LOW)
                .message(Text.of("migrations.liquibase.forwardOnly", missing.size(), String.join(", ", types),
                        id(first.set()), first.log().path()))
                .key("forward-only")
                .build());
    }
}
