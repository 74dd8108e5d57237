package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.migrations.AlembicProject;
import io.samokoder.model.migrations.FlywayProject;
import io.samokoder.model.migrations.LiquibaseProject;

import java.util.Set;
import java.util.TreeSet;

/** A migration file its tool could not load (and this audit could not analyse). */
@RuleInfo(id = "migrations/unreadable-migration", category = Category.MIGRATIONS, severity = Severity.HIGH,
        summary = "A migration file cannot be loaded: an Alembic module that is not valid Python or lacks its"
                + " revision, a Liquibase changelog that does not parse, binary or oversized content.",
        remediation = "Fix the syntax error at the reported line (`python -m py_compile FILE`, an XML/YAML/JSON"
                + " validator); declare `revision`/`down_revision` as literals; remove binary files from migration"
                + " folders.",
        description = "The migration tool stops on such a file, so every later migration is blocked, and this audit"
                + " cannot check its downgrade. Modules whose revision or down_revision are computed instead of"
                + " literal are reported with low severity: Alembic may load them, but they are left out of the graph.")
public final class UnreadableMigrationRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return AlembicRules.applicable(context) || !FlywayRules.liquibase(context).isEmpty()
                || !FlywayRules.project(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> out = new TreeSet<>(AlembicRules.inputs(context));
        out.addAll(FlywayRules.liquibase(context).inputs());
        out.addAll(FlywayRules.project(context).inputs());
        return out;
    }

    @Override
    public void check(AuditContext context, FindingSink out) {
        FindingSink sink = FlywayRules.once(out);
        for (AlembicProject.Environment env : AlembicRules.project(context).environments()) {
            for (AlembicProject.Problem p : env.problems()) {
                sink.report(Finding.of(this).at(p.path(), p.line())
                        .severity(p.blocking() ? Severity.HIGH : Severity.LOW)
                        .message(Text.of("migrations.unreadable.alembic", p.text()))
                        .key(p.message().replaceAll("line \\d+", "line"))
                        .build());
            }
        }
        for (FlywayProject.Group g : FlywayRules.project(context).groups()) {
            for (FlywayProject.Migration m : g.migrations()) {
                if (m.contentProblem() != null) {
                    sink.report(Finding.of(this).at(m.path(), m.contentLine())
                            .message(Text.of("migrations.unreadable.flyway", m.contentText()))
                            .key("flyway:" + m.contentProblem())
                            .build());
                }
            }
        }
        for (LiquibaseProject.Changelog c : FlywayRules.liquibase(context).changelogs()) {
            if (c.error() != null) {
                sink.report(Finding.of(this).at(c.path(), c.errorLine())
                        .message(Text.of("migrations.unreadable.liquibase", c.errorText()))
                        .key("liquibase:" + c.error().replaceAll("\\d+", "#"))
                        .build());
            }
        }
    }
}
