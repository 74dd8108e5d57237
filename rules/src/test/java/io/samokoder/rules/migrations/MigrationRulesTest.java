package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations rules end to end on small repositories written per test. */
class MigrationRulesTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void writeBytes(String path, byte[] bytes) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    private List<Finding> audit() {
        return audit(AuditConfig.forRoot(dir));
    }

    private static List<Finding> audit(AuditConfig config) {
        AuditResult r = new Auditor().run(config);
        return r.active().stream().filter(f -> f.category() == Category.MIGRATIONS).toList();
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + "@" + f.path() + ":" + f.line()).toList();
    }

    private void rev(String id, String down, String upgrade, String downgrade, String extra) throws IOException {
        StringBuilder sb = new StringBuilder("from alembic import op\nimport sqlalchemy as sa\n\nrevision = '")
                .append(id).append("'\ndown_revision = ").append(down).append('\n').append(extra)
                .append("\n\ndef upgrade():\n").append(upgrade).append('\n');
        if (downgrade != null) {
            sb.append("\n\ndef downgrade():\n").append(downgrade).append('\n');
        }
        write("alembic/versions/" + id + ".py", sb.toString());
    }

    @Test
    void emptyDowngradeVariantsAndFineMerges() throws IOException {
        rev("a", "None", "    op.create_table('t')", "    raise NotImplementedError()", "");
        rev("b", "'a'", "    op.create_table('u')", "    '''No way back.'''\n    # op.drop_table('u')", "");
        rev("c", "'a'", "    op.create_table('v')", "    op.drop_table('v')", "");
        rev("m", "('b', 'c')", "    pass", "    pass", "");
        List<Finding> f = audit();
        assertThat(f).filteredOn(x -> x.ruleId().equals("migrations/empty-downgrade"))
                .extracting(Finding::path, Finding::message, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alembic/versions/b.py",
                        "downgrade() of revision b only contains a docstring while upgrade() performs 1"
                                + " operation: a rollback leaves the upgraded schema in place", Severity.HIGH));
        // a raising downgrade stops `alembic downgrade` instead of lying: its own rule, medium when the upgrade
        // could have been undone and other revisions do downgrade
        assertThat(f).filteredOn(x -> x.ruleId().equals("migrations/raising-downgrade"))
                .extracting(Finding::path, Finding::message, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alembic/versions/a.py",
                        "downgrade() of revision a raises NotImplementedError() although upgrade() only creates table"
                                + " t, which a downgrade could undo: `alembic downgrade` stops at this revision while 1"
                                + " other revision of this history downgrades", Severity.MEDIUM));
        assertThat(f).extracting(Finding::ruleId).doesNotContain("migrations/multiple-heads",
                "migrations/incomplete-downgrade");
    }

    @Test
    void aForwardOnlyHistoryIsOneInfoFindingAndAMixedOneIsJudgedPerRevision() throws IOException {
        rev("a", "None", "    op.create_table('t')", "    op.drop_table('t')", "");
        rev("b", "'a'", "    op.add_column('t', sa.Column('x'))", "    raise RuntimeError('irreversible')", "");
        rev("c", "'b'", "    op.create_index('ix', 't', ['x'])", "    raise RuntimeError('irreversible')", "");
        rev("m", "'c'", "    pass", "    pass", "");
        List<Finding> f = audit();
        assertThat(f).extracting(Finding::ruleId, Finding::severity, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("migrations/raising-downgrade", Severity.INFO,
                        "alembic/versions/b.py"));
        assertThat(f.get(0).message()).contains("is forward-only: downgrade() raises in 2 of 3 revisions",
                "every one since b");
        // a revision after the policy that downgrades again: each raising one is judged on its own
        rev("d", "'m'", "    op.create_table('u')", "    op.drop_table('u')", "");
        f = audit();
        assertThat(f).extracting(Finding::ruleId, Finding::severity, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("migrations/raising-downgrade", Severity.MEDIUM,
                        "alembic/versions/b.py"),
                org.assertj.core.groups.Tuple.tuple("migrations/raising-downgrade", Severity.MEDIUM,
                        "alembic/versions/c.py"));
        // a raising downgrade after a destructive upgrade is the honest choice
        rev("e", "'d'", "    op.drop_column('t', 'x')", "    raise RuntimeError('irreversible')", "");
        assertThat(audit()).filteredOn(x -> x.path().endsWith("e.py")).extracting(Finding::severity,
                Finding::message).containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.LOW,
                "downgrade() of revision e raises RuntimeError(\"irreversible\"): upgrade() drops column t.x, which"
                        + " no downgrade could restore, so `alembic downgrade` stops here (2 other revisions of this"
                        + " history downgrade)"));
    }

    @Test
    void dataChangeSeverityFollowsWhatTheDowngradeUndoes() throws IOException {
        rev("a", "None", "    op.add_column('p', sa.Column('changed_at'))\n"
                + "    op.execute(\"UPDATE p SET plan = 'free' WHERE plan = 'trial'\")",
                "    op.drop_column('p', 'changed_at')", "");
        rev("b", "'a'", "    op.execute(\"UPDATE p SET plan = 'free'\")", "    pass", "");
        rev("c", "'b'", "    op.add_column('u', sa.Column('flag'))", "    op.drop_column('u', 'flag')", "");
        rev("d", "'c'", "    op.execute('UPDATE u SET flag = false')\n    op.create_index('ix_q', 'q', ['a'])",
                "    op.drop_index('ix_q', table_name='q')", "");
        rev("e", "'d'", "    conn = op.get_bind()\n    conn.execute(build_sql())\n    op.create_index('ix_r', 'r', ['a'])",
                "    op.drop_index('ix_r', table_name='r')", "");
        List<Finding> f = audit().stream().filter(x -> x.ruleId().equals("migrations/irreversible-data-change"))
                .toList();
        assertThat(f).extracting(x -> x.path().replace("alembic/versions/", ""), Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.py", Severity.MEDIUM),  // the downgrade undoes the rest
                org.assertj.core.groups.Tuple.tuple("b.py", Severity.LOW),     // data-only, empty downgrade
                org.assertj.core.groups.Tuple.tuple("d.py", Severity.LOW),     // backfill of c's new column
                org.assertj.core.groups.Tuple.tuple("e.py", Severity.INFO));   // SQL built at run time
        assertThat(f.get(2).message()).contains("backfills columns added by revision c");
    }

    @Test
    void emptyDowngradesAreJudgedByWhatTheUpgradeChanges() throws IOException {
        rev("a", "None", "    op.execute('SET statement_timeout = 0')\n    op.execute('ANALYZE t')", "    pass", "");
        rev("b", "'a'", "    op.execute(\"ALTER TYPE state ADD VALUE IF NOT EXISTS 'CRASHED'\")",
                "    # removing enum values is not possible\n    pass", "");
        rev("c", "'b'", "    run_data_fix(op.get_bind())", "    pass", "from app.fixes import run_data_fix\n");
        rev("d", "'c'", "    op.drop_column('t', 'legacy')", "    pass", "");
        List<Finding> f = audit().stream().filter(x -> x.ruleId().equals("migrations/empty-downgrade")).toList();
        assertThat(f).extracting(x -> x.path().replace("alembic/versions/", ""), Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b.py", Severity.LOW),
                org.assertj.core.groups.Tuple.tuple("c.py", Severity.INFO),
                org.assertj.core.groups.Tuple.tuple("d.py", Severity.HIGH));
        assertThat(f.get(0).message()).contains("adds value 'CRASHED' to enum type state",
                "PostgreSQL cannot drop an enum value");
    }

    @Test
    void scriptLocationIsReadFromTheWorkingDirectoryAlembicRunsIn() throws IOException {
        write("conf/alembic.ini", "[alembic]\nscript_location = h/migrations\n");
        write("h/migrations/env.py", "");
        write("h/migrations/versions/a.py", "revision = 'a'\ndown_revision = None\n"
                + "def upgrade():\n    op.create_table('t')\ndef downgrade():\n    pass\n");
        assertThat(ids(audit())).containsExactly("migrations/empty-downgrade@h/migrations/versions/a.py:5");
    }

    @Test
    void anIniInsideItsEnvironmentIsReadWhenScriptLocationIsSetByTheApplication() throws IOException {
        write("src/app/migrations/alembic.ini", "[alembic]\nscript_location = ./migrations\n");
        write("src/app/migrations/env.py", "");
        write("src/app/migrations/versions/a.py", "revision = 'a'\ndown_revision = None\n"
                + "def upgrade():\n    op.create_table('t')\ndef downgrade():\n    op.drop_table('t')\n");
        write("prefect/alembic.ini", "[alembic]\nscript_location = pkg:server:database:_migrations\n");
        write("prefect/pkg/server/database/_migrations/versions/b.py", "revision = 'b'\ndown_revision = None\n"
                + "def upgrade():\n    pass\ndef downgrade():\n    pass\n");
        List<Finding> f = audit();
        assertThat(f).extracting(Finding::ruleId, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("migrations/unreadable-migration", Severity.LOW));
        assertThat(f.get(0).message()).contains("the env.py and versions/ beside it were analysed instead");
    }

    @Test
    void opaqueDowngradesAreNotJudgedButMissingOnesAlwaysAre() throws IOException {
        rev("a", "None", "    op.create_table('t')", "    drop_everything(op)",
                "from app.db import drop_everything\n");
        rev("b", "'a'", "    pass", null, "");
        List<Finding> f = audit();
        assertThat(ids(f)).containsExactly("migrations/missing-downgrade@alembic/versions/b.py:8");
    }

    @Test
    void labelledBranchesAreNotMultipleHeadsOrBases() throws IOException {
        rev("a", "None", "    pass", "    pass", "");
        rev("b", "'a'", "    pass", "    pass", "");
        rev("n1", "None", "    pass", "    pass", "branch_labels = ('networking',)\n");
        rev("n2", "'n1'", "    pass", "    pass", "");
        assertThat(audit()).isEmpty();
        rev("x", "None", "    pass", "    pass", "");
        rev("c", "'a'", "    pass", "    pass", "");
        assertThat(ids(audit())).containsExactlyInAnyOrder(
                "migrations/multiple-bases@alembic/versions/x.py:5",
                "migrations/multiple-heads@alembic/versions/x.py:4");
        assertThat(audit()).filteredOn(x -> x.ruleId().equals("migrations/multiple-heads"))
                .extracting(Finding::message).first().asString()
                .startsWith("3 heads in alembic: b (alembic/versions/b.py), c (alembic/versions/c.py), x");
    }

    @Test
    void brokenChainDuplicatesAndCycles() throws IOException {
        rev("a", "None", "    pass", "    pass", "");
        rev("b", "'c'", "    pass", "    pass", "");
        rev("c", "'b'", "    pass", "    pass", "");
        write("alembic/versions/a_again.py", "revision = 'a'\ndown_revision = None\n");
        rev("d", "'a'", "    pass", "    pass", "depends_on = 'gone'\n");
        List<Finding> f = audit().stream().filter(x -> x.ruleId().equals("migrations/broken-chain")).toList();
        assertThat(f).extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith(
                "revision id a is also defined in alembic/versions/a.py"))
                .anySatisfy(m -> assertThat(m).startsWith("revisions b, c form a cycle"))
                .anySatisfy(m -> assertThat(m).startsWith("depends_on of revision d names unknown revision 'gone'"));
    }

    @Test
    void unreadableModulesAreReportedAndNotGuessedAt() throws IOException {
        rev("a", "None", "    op.create_table('t')", "    op.drop_table('t')", "");
        write("alembic/versions/b.py", "revision = 'b'\ndown_revision = 'a'\n\ndef upgrade():\n"
                + "    op.execute('UPDATE t SET x = 1)\n");
        writeBytes("alembic/versions/c.py", new byte[]{'r', 0, 1, 2, (byte) 0xff, 0});
        write("alembic/versions/d.py", "# no identifiers at all\n");
        List<Finding> f = audit();
        assertThat(ids(f)).containsExactly(
                "migrations/unreadable-migration@alembic/versions/b.py:5",
                "migrations/unreadable-migration@alembic/versions/c.py:0",
                "migrations/unreadable-migration@alembic/versions/d.py:1");
        assertThat(f.get(0).message()).contains("unterminated string literal");
        assertThat(f.get(1).message()).contains("binary");
        assertThat(f.get(2).message()).contains("no module-level `revision`");
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void tenMegabyteFilesAreAnalysedWhenAllowedAndReportedWhenSkipped() throws IOException {
        StringBuilder huge = new StringBuilder("revision = 'big'\ndown_revision = None\n\ndef upgrade():\n"
                + "    op.add_column('t', sa.Column('padding'))\n");
        while (huge.length() < 10 * 1024 * 1024) {
            huge.append("    op.execute(\"UPDATE t SET padding = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\")\n");
        }
        huge.append("\ndef downgrade():\n    pass\n");
        write("alembic/versions/big.py", huge.toString());
        StringBuilder xml = new StringBuilder("<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n");
        int sets = 0;
        while (xml.length() < 10 * 1024 * 1024) {
            xml.append("<changeSet id=\"").append(sets++).append("\" author=\"a\"><createTable tableName=\"t")
                    .append(sets).append("\"><column name=\"id\" type=\"int\"/></createTable></changeSet>\n");
        }
        xml.append("<changeSet id=\"last\" author=\"a\"><sql>DELETE FROM t</sql></changeSet>\n</databaseChangeLog>\n");
        write("db/changelog/db.changelog-master.xml", xml.toString());
        StringBuilder sql = new StringBuilder();
        while (sql.length() < 10 * 1024 * 1024) {
            sql.append("INSERT INTO t VALUES ('a;b', 'it''s');\n");
        }
        write("db/migration/V1__big.sql", sql.toString());

        List<Finding> allowed = audit(AuditConfig.forRoot(dir).maxFileSize(32L * 1024 * 1024));
        assertThat(ids(allowed)).contains("migrations/empty-downgrade@alembic/versions/big.py:" + (huge.toString()
                .split("\n").length - 1), "migrations/liquibase-missing-rollback@db/changelog/db.changelog-master.xml:"
                + (xml.toString().split("\n").length - 1));
        assertThat(allowed).extracting(Finding::ruleId).doesNotContain("migrations/unreadable-migration");

        List<Finding> skipped = audit();
        assertThat(ids(skipped)).containsExactly("migrations/unreadable-migration@alembic/versions/big.py:0");
        assertThat(skipped.get(0).message()).contains("not analysed (larger than");
    }

    @Test
    void hostileChangelogsAndFlywayScripts() throws IOException {
        writeBytes("db/changelog/changelog-binary.xml", new byte[]{'<', 0, 0, 1, 2});
        write("db/changelog/a.json", "{\"databaseChangeLog\": [\n  {\"changeSet\": {\"id\": \"1\",\n");
        write("db/changelog/b.yaml", "databaseChangeLog:\n  - changeSet:\n      id: [unclosed\n");
        write("db/changelog/c.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 'unterminated;\n");
        write("db/changelog/d.xml", "<databaseChangeLog><changeSet id=\"1\" author=\"a\">\u0001</databaseChangeLog>");
        writeBytes("src/main/resources/db/migration/V1__bin.sql", new byte[]{0, 1, 2, 3});
        write("src/main/resources/db/migration/V2__quote.sql", "SELECT 1;\nSELECT 'x;\n");
        List<Finding> f = audit();
        assertThat(ids(f)).containsExactly(
                "migrations/unreadable-migration@db/changelog/a.json:3",
                "migrations/unreadable-migration@db/changelog/b.yaml:3",
                "migrations/liquibase-missing-rollback@db/changelog/c.sql:2",
                "migrations/unreadable-migration@db/changelog/c.sql:3",
                "migrations/unreadable-migration@db/changelog/changelog-binary.xml:0",
                "migrations/unreadable-migration@db/changelog/d.xml:1",
                "migrations/unreadable-migration@src/main/resources/db/migration/V1__bin.sql:0",
                "migrations/unreadable-migration@src/main/resources/db/migration/V2__quote.sql:2");
    }

    @Test
    void flywayUndoConfiguredWithoutUndoFiles() throws IOException {
        write("flyway.conf", "flyway.locations=filesystem:sql\nflyway.undoSqlMigrationPrefix=U\n");
        write("sql/V1__init.sql", "CREATE TABLE t (id int);\n");
        write("sql/R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
        assertThat(audit()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("migrations/flyway-missing-undo", "sql/V1__init.sql",
                        "versioned migration 1 has no undo migration U1__…: undo is configured in flyway.conf, and"
                                + " `flyway undo` stops here"));
    }

    @Test
    void flywayLocationsFromSpringYamlAndToml() throws IOException {
        write("svc/src/main/resources/application.yml", "spring:\n  flyway:\n    locations:\n"
                + "      - classpath:db/schema\n");
        write("svc/src/main/resources/db/schema/V1__a.sql", "SELECT 1;\n");
        write("svc/src/main/resources/db/schema/V1.0__b.sql", "SELECT 1;\n");
        write("tool/flyway.toml", "[environments.default]\nurl = \"jdbc:h2:mem:x\"\n\n[flyway]\n"
                + "locations = [\"filesystem:migrations\"]\n");
        write("tool/migrations/V1_first.sql", "SELECT 1;\n");
        assertThat(ids(audit())).containsExactly(
                "migrations/flyway-duplicate-version@svc/src/main/resources/db/schema/V1__a.sql:0",
                "migrations/flyway-invalid-name@tool/migrations/V1_first.sql:0");
    }

    @Test
    void valuesRewrittenInPlaceUnderAnEmptyDowngradeAreMedium() throws IOException {
        rev("a", "None", "    op.create_table('annotation')\n    op.add_column('annotation', sa.Column('status'))",
                "    op.drop_table('annotation')", "");
        rev("b", "'a'", "    conn = op.get_bind()\n"
                + "    conn.execute(sa.text(\"UPDATE annotation SET status = 'SPAM' WHERE annotation.status = 'DENIED'\"))\n"
                + "    op.execute(\"UPDATE annotation SET kind = 'note' WHERE kind = 'note' AND shared\")\n"
                + "    op.execute(\"UPDATE annotation SET status = 'SPAM' WHERE status = 'DENIED' OR flagged\")\n"
                + "    op.execute(\"UPDATE annotation SET shared = 'yes'\")", "    pass", "");
        List<Finding> f = audit();
        assertThat(f).filteredOn(x -> x.ruleId().equals("migrations/irreversible-data-change"))
                .extracting(Finding::line, Finding::severity).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10, Severity.MEDIUM),
                        org.assertj.core.groups.Tuple.tuple(11, Severity.LOW),
                        org.assertj.core.groups.Tuple.tuple(12, Severity.LOW),
                        org.assertj.core.groups.Tuple.tuple(13, Severity.LOW));
        assertThat(f.stream().filter(x -> x.line() == 10).findFirst().orElseThrow().message()).isEqualTo(
                "upgrade() of revision b overwrites one value of status with another in place"
                        + " (op.execute(UPDATE annotation SET status …)) and downgrade() is empty: the converted rows cannot be told from rows that"
                        + " already held the new value, so no downgrade can restore them");
    }

    @Test
    void aDialectGuardSqlalchemyNeverMatchesRunsNothing() throws IOException {
        String helper = "\ndef get_db_type():\n    return op.get_context().dialect.name\n";
        rev("a", "None", "    if get_db_type() == 'postgresql':\n        op.create_index('ix_a', 't', ['c'])",
                "    if get_db_type() == 'postgres':\n        op.drop_index('ix_a', table_name='t')\n    else:\n"
                        + "        pass", helper);
        rev("b", "'a'", "    if op.get_bind().dialect.name == 'postgresql':\n        op.create_index('ix_b', 't', ['d'])",
                "    if 'postgres' == op.get_bind().dialect.name:\n        op.drop_index('ix_b', table_name='t')", "");
        rev("c", "'b'", "    if get_db_type() == 'postgresql':\n        op.create_index('ix_c', 't', ['e'])",
                "    if get_db_type() == 'postgresql':\n        op.drop_index('ix_c', table_name='t')", helper);
        assertThat(ids(audit())).containsExactly(
                "migrations/incomplete-downgrade@alembic/versions/a.py:13",
                "migrations/incomplete-downgrade@alembic/versions/b.py:10");
    }

    @Test
    void flywayModulithMigratesEachModuleFolderWithItsOwnHistory() throws IOException {
        // module-aware: __root and each module folder are separate Flyway runs, V1 in each is fine
        write("shop/src/main/resources/application.properties", "spring.modulith.runtime.flyway-enabled=true\n");
        for (String sub : List.of("__root", "catalog", "orders")) {
            write("shop/src/main/resources/db/migration/" + sub + "/V1__create_" + sub + ".sql", "SELECT 1;\n");
        }
        write("shop/src/main/resources/db/migration/orders/V1.0__again.sql", "SELECT 1;\n");
        // the same layout without the switch is one Flyway run over every subfolder
        write("plain/src/main/resources/application.properties", "spring.modulith.events.jdbc.schema=events\n");
        for (String sub : List.of("__root", "catalog")) {
            write("plain/src/main/resources/db/migration/" + sub + "/V1__create_" + sub + ".sql", "SELECT 1;\n");
        }
        assertThat(ids(audit())).containsExactly(
                "migrations/flyway-duplicate-version@plain/src/main/resources/db/migration/catalog/V1__create_catalog.sql:0",
                "migrations/flyway-duplicate-version@shop/src/main/resources/db/migration/orders/V1__create_orders.sql:0");
    }

    @Test
    void flywaySuffixWithAPlaceholderLoadsOneDatabaseFolderPerRun() throws IOException {
        // a library module: its defaults file sets the suffix, a configuration class loads it
        write("store-flyway/src/main/resources/store-flyway-defaults.properties",
                "spring.flyway.sql-migration-suffixes=${spring.jpa.database}.sql\n");
        write("store-flyway/src/main/java/org/example/store/StoreFlywayConfiguration.java",
                "package org.example.store;\n\n@Configuration\n"
                        + "@PropertySource(\"classpath:/store-flyway-defaults.properties\")\n"
                        + "public class StoreFlywayConfiguration {}\n");
        for (String db : List.of("H2", "MYSQL", "POSTGRESQL")) {
            String dir = "store-flyway/src/main/resources/db/migration/" + db + "/";
            write(dir + "B1_0__baseline__" + db + ".sql", "SELECT 1;\n");
            write(dir + "V1_0__baseline_marker__" + db + ".sql", "SELECT 1;\n");
            write(dir + "V1_1__add_index__" + db + ".sql", "SELECT 1;\n");
        }
        write("store-flyway/src/main/resources/db/migration/MYSQL/V1_1_0__add_column__MYSQL.sql", "SELECT 1;\n");
        List<Finding> f = audit();
        assertThat(ids(f)).containsExactly(
                "migrations/flyway-duplicate-version@store-flyway/src/main/resources/db/migration/MYSQL/"
                        + "V1_1__add_index__MYSQL.sql:0");
        assertThat(f.get(0).message()).isEqualTo("Flyway version 1.1 is also used by store-flyway/src/main/"
                + "resources/db/migration/MYSQL/V1_1_0__add_column__MYSQL.sql: `flyway migrate` fails with"
                + " \"Found more than one migration\"");
    }

    @Test
    void flywaySuffixFileNobodyLoadsChangesNothing() throws IOException {
        // the same defaults file without a class that loads it: the default suffix, one run over every folder
        write("store-flyway/src/main/resources/store-flyway-defaults.properties",
                "spring.flyway.sql-migration-suffixes=${spring.jpa.database}.sql\n");
        write("store-flyway/src/main/java/org/example/store/StoreFlywayConfiguration.java",
                "package org.example.store;\n\npublic class StoreFlywayConfiguration {}\n");
        for (String db : List.of("H2", "MYSQL")) {
            write("store-flyway/src/main/resources/db/migration/" + db + "/V1__init__" + db + ".sql", "SELECT 1;\n");
        }
        assertThat(ids(audit())).containsExactly(
                "migrations/flyway-duplicate-version@store-flyway/src/main/resources/db/migration/MYSQL/"
                        + "V1__init__MYSQL.sql:0");
    }

    @Test
    void flywaySuffixFromApplicationYamlAppliesToTheDefaultLocation() throws IOException {
        write("src/main/resources/application.yml", "spring:\n  jpa:\n    database: ${DB:POSTGRESQL}\n"
                + "  flyway:\n    sql-migration-suffixes: _${spring.jpa.database}.sql\n");
        write("src/main/resources/db/migration/h2/V1__init_H2.sql", "SELECT 1;\n");
        write("src/main/resources/db/migration/postgresql/V1__init_POSTGRESQL.sql", "SELECT 1;\n");
        write("src/main/resources/db/migration/postgresql/V2__users_POSTGRESQL.sql", "SELECT 1;\n");
        write("src/main/resources/db/migration/postgresql/V2__roles_POSTGRESQL.sql", "SELECT 1;\n");
        assertThat(ids(audit())).containsExactly(
                "migrations/flyway-duplicate-version@src/main/resources/db/migration/postgresql/"
                        + "V2__users_POSTGRESQL.sql:0");
    }

    @Test
    void flywayVendorLocationsAreOneRunPerVendorFolder() throws IOException {
        write("src/main/resources/application.properties",
                "spring.flyway.locations=classpath:db/migration/{vendor},classpath:db/migration/common\n");
        write("src/main/resources/db/migration/common/V1__init.sql", "SELECT 1;\n");
        write("src/main/resources/db/migration/mysql/V2__users.sql", "SELECT 1;\n");
        write("src/main/resources/db/migration/postgresql/V2__users.sql", "SELECT 1;\n");
        write("src/main/resources/db/migration/postgresql/V1.0__again.sql", "SELECT 1;\n");
        assertThat(ids(audit())).containsExactly(
                "migrations/flyway-duplicate-version@src/main/resources/db/migration/postgresql/V1.0__again.sql:0");
    }

    @Test
    void flywayBaselineMayShareItsVersionWithAVersionedMigrationOnly() throws IOException {
        write("db/migration/B5__schema.sql", "SELECT 1;\n");
        write("db/migration/V5__last_change.sql", "SELECT 1;\n");
        write("db/migration/B5.0__schema_again.sql", "SELECT 1;\n");
        List<Finding> f = audit();
        assertThat(f).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("migrations/flyway-duplicate-version", "db/migration/B5__schema.sql",
                        "Flyway baseline version 5 is also used by db/migration/B5.0__schema_again.sql:"
                                + " `flyway migrate` fails with \"Found more than one migration\""));
    }

    @Test
    void flywayModulithSwitchedOnInTheProductionProfileOnly() throws IOException {
        write("src/main/resources/application.yml", "spring:\n  application:\n    name: shop\n---\nspring:\n"
                + "  config:\n    activate:\n      on-profile: prod\n  modulith:\n    runtime:\n"
                + "      flyway-enabled: true\n");
        write("src/main/resources/db/migration/__root/V1__a.sql", "SELECT 1;\n");
        write("src/main/resources/db/migration/billing/V1__b.sql", "SELECT 1;\n");
        assertThat(audit()).isEmpty();
    }

    @Test
    void liquibaseChangesetsOutsideTheProductionContextsAreNotJudged() throws IOException {
        write("src/main/resources/config/application-dev.yml", "spring:\n  liquibase:\n    contexts: dev, faker\n");
        write("src/main/resources/config/application-prod.yml", "spring:\n  liquibase:\n    contexts: prod\n");
        write("src/main/resources/config/liquibase/master.xml", "<databaseChangeLog>\n"
                + "  <include file=\"config/liquibase/changelog/entity.xml\"/>\n"
                + "  <include file=\"config/liquibase/changelog/demo.xml\" context=\"test\"/>\n"
                + "</databaseChangeLog>\n");
        write("src/main/resources/config/liquibase/changelog/entity.xml", "<databaseChangeLog>\n"
                + "  <changeSet id=\"1\" author=\"a\"><createTable tableName=\"t\"/></changeSet>\n"
                + "  <changeSet id=\"1-data\" author=\"a\" context=\"faker\"><loadData file=\"t.csv\""
                + " tableName=\"t\"/></changeSet>\n"
                + "  <changeSet id=\"2\" author=\"a\" contextFilter=\"!test\"><sql>UPDATE t SET x = 1</sql></changeSet>\n"
                + "  <changeSet id=\"3\" author=\"a\"><dropColumn tableName=\"t\" columnName=\"y\"/>"
                + "<rollback><addColumn tableName=\"t\"><column name=\"y\"/></addColumn></rollback></changeSet>\n"
                + "</databaseChangeLog>\n");
        write("src/main/resources/config/liquibase/changelog/demo.xml", "<databaseChangeLog>\n"
                + "  <changeSet id=\"demo\" author=\"a\"><sql>INSERT INTO t VALUES (1)</sql></changeSet>\n"
                + "</databaseChangeLog>\n");
        write("src/main/resources/config/liquibase/changelog/seed.sql", "--liquibase formatted sql\n"
                + "--changeset a:seed context:faker\nINSERT INTO t VALUES (2);\n"
                + "--changeset a:fix contextFilter:\"prod or dev\"\nUPDATE t SET x = 2;\n");
        assertThat(ids(audit())).containsExactly(
                "migrations/liquibase-missing-rollback@src/main/resources/config/liquibase/changelog/entity.xml:4",
                "migrations/liquibase-missing-rollback@src/main/resources/config/liquibase/changelog/seed.sql:4");
    }

    @Test
    void liquibaseContextsAreJudgedOnlyAgainstConfiguredContexts() throws IOException {
        // no spring.liquibase.contexts: Liquibase runs every changeset, whatever its context
        write("src/main/resources/application.properties", "spring.liquibase.change-log=classpath:db/master.xml\n");
        write("src/main/resources/db/master.xml", "<databaseChangeLog>\n"
                + "  <changeSet id=\"1\" author=\"a\" context=\"sample-data\"><insert tableName=\"t\"/></changeSet>\n"
                + "  <changeSet id=\"2\" author=\"a\"><sql>SELECT 1</sql><rollback/></changeSet>\n"
                + "</databaseChangeLog>\n");
        assertThat(ids(audit())).containsExactly("migrations/liquibase-missing-rollback@src/main/resources/db/master.xml:2");
    }

    @Test
    void liquibaseRepositoryWithoutAnyRollbackIsForwardOnly() throws IOException {
        write("schema/changelog-master.xml", "<databaseChangeLog>\n"
                + "  <include file=\"changelog-1.0.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "  <include file=\"changelog-1.1.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "</databaseChangeLog>\n");
        write("schema/changelog-1.0.xml", "<databaseChangeLog>\n"
                + "  <changeSet id=\"1.0\" author=\"a\"><createTable tableName=\"t\"/><insert tableName=\"t\"/></changeSet>\n"
                + "</databaseChangeLog>\n");
        write("schema/changelog-1.1.xml", "<databaseChangeLog>\n"
                + "  <changeSet id=\"1.1\" author=\"a\"><dropColumn tableName=\"t\" columnName=\"c\"/></changeSet>\n"
                + "  <changeSet id=\"1.1-idx\" author=\"a\"><createIndex tableName=\"t\" indexName=\"i\"/></changeSet>\n"
                + "</databaseChangeLog>\n");
        List<Finding> f = audit();
        assertThat(f).extracting(Finding::ruleId, Finding::path, Finding::line, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("migrations/liquibase-missing-rollback",
                        "schema/changelog-master.xml", 2, Severity.LOW));
        assertThat(f.get(0).message()).startsWith("no Liquibase changeset of this repository declares a rollback, and 2"
                + " run changes Liquibase cannot roll back by itself (dropColumn, insert; first a:1.0 in"
                + " schema/changelog-1.0.xml)");
    }

    /** A changeset of test changelogs: {@code R} declares a rollback, {@code M} lacks one, {@code A} rolls back itself. */
    private static String changeSets(String kinds) {
        StringBuilder x = new StringBuilder("<databaseChangeLog>\n");
        for (int i = 0; i < kinds.length(); i++) {
            x.append("  <changeSet id=\"").append(i + 1).append("\" author=\"a\">").append(switch (kinds.charAt(i)) {
                case 'R' -> "<sql>DELETE FROM t</sql><rollback/>";
                case 'M' -> "<sql>DELETE FROM t</sql>";
                default -> "<addColumn tableName=\"t\"/>";
            }).append("</changeSet>\n");
        }
        return x.append("</databaseChangeLog>\n").toString();
    }

    @Test
    void liquibaseHistoryBeforeRollbacksIsOneInfoFindingAndLaterGapsStayMedium() throws IOException {
        // ten changesets without rollback and one early exception, then rollbacks are the practice; line n+1 = set n
        write("db/schema.xml", changeSets("AMMRMMMMMAMMMM" + "RRAMR"));
        write("db/other.xml", changeSets("R"));
        List<Finding> f = audit();
        assertThat(f).extracting(Finding::line, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(3, Severity.INFO),
                org.assertj.core.groups.Tuple.tuple(19, Severity.MEDIUM));
        assertThat(f).filteredOn(x -> x.severity() == Severity.INFO).singleElement()
                .satisfies(x -> assertThat(x.message()).startsWith("11 changesets before a:15 (db/schema.xml:16)"));
    }

    @Test
    void liquibaseSporadicRollbacksOrAShortHistoryAreNoPractice() throws IOException {
        // rollbacks written now and then all along: every gap is a gap
        write("db/sporadic.xml", changeSets("MMMRMMMRMMMRMMMR"));
        // a short history before the first rollback
        write("db/short.xml", changeSets("AMMRR"));
        List<Finding> f = audit();
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.MEDIUM);
        assertThat(f).hasSize(14);
    }

    @Test
    void liquibaseLongStreamWithoutRollbackIsForwardOnlyWhenOthersWriteThem() throws IOException {
        write("core/db/schema.xml", changeSets("AMR"));
        // its own root changelog: eleven changesets, none with a rollback
        write("ee/db/ee-schema.xml", changeSets("MAAMAAAAAAM"));
        // a root including a short changelog without rollback: still judged per changeset
        write("pay/db/master.xml", "<databaseChangeLog>\n  <include file=\"part.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "</databaseChangeLog>\n");
        write("pay/db/part.xml", changeSets("MM"));
        List<Finding> f = audit();
        assertThat(f).extracting(Finding::path, Finding::line, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("core/db/schema.xml", 3, Severity.MEDIUM),
                org.assertj.core.groups.Tuple.tuple("ee/db/ee-schema.xml", 2, Severity.LOW),
                org.assertj.core.groups.Tuple.tuple("pay/db/part.xml", 2, Severity.MEDIUM),
                org.assertj.core.groups.Tuple.tuple("pay/db/part.xml", 3, Severity.MEDIUM));
        assertThat(f).filteredOn(x -> x.severity() == Severity.LOW).singleElement().satisfies(x -> assertThat(
                x.message()).startsWith("the changelog stream of ee/db/ee-schema.xml (11 changesets) declares no"
                + " rollback, while other changelogs of this repository do, and 3 of its changesets"));
    }

    @Test
    void liquibaseStreamFollowsIncludesInOrder() throws IOException {
        // the history is in the first included file, the rollbacks begin in the second
        write("db/master.xml", "<databaseChangeLog>\n"
                + "  <include file=\"old.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "  <include file=\"new.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "</databaseChangeLog>\n");
        write("db/old.xml", changeSets("MMMMMMMMMMAA"));
        write("db/new.xml", changeSets("RMRR"));
        List<Finding> f = audit();
        assertThat(f).extracting(Finding::path, Finding::line, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("db/old.xml", 2, Severity.INFO),
                org.assertj.core.groups.Tuple.tuple("db/new.xml", 3, Severity.MEDIUM));
    }

    @Test
    void liquibaseIncludesResolveLikeLiquibase() throws IOException {
        write("src/main/resources/db/master.yaml", "databaseChangeLog:\n"
                + "  - include:\n      file: db/parts/one.xml\n"
                + "  - include:\n      file: parts/two.xml\n      relativeToChangelogFile: true\n"
                + "  - include:\n      file: parts/three.xml\n"
                + "  - include:\n      file: ${env}/four.xml\n"
                + "  - includeAll:\n      path: db/parts/\n");
        write("src/main/resources/db/parts/one.xml", "<databaseChangeLog/>");
        write("src/main/resources/db/parts/two.xml", "<databaseChangeLog/>");
        List<Finding> f = audit();
        assertThat(ids(f)).containsExactly("migrations/liquibase-missing-include@src/main/resources/db/master.yaml:7");
        assertThat(f.get(0).message()).contains("'parts/three.xml'");
    }

    @Test
    void findingsAreDeterministic() throws IOException {
        rev("a", "None", "    op.add_column('t', sa.Column('x'))\n    op.add_column('t', sa.Column('y'))",
                "    op.drop_column('t', 'x')", "");
        rev("b", "'a'", "    pass", null, "");
        rev("c", "'a'", "    op.execute('DELETE FROM t')", "    pass", "");
        List<String> first = audit().stream().map(x -> x.fingerprint() + x.message()).toList();
        for (int i = 0; i < 3; i++) {
            assertThat(audit().stream().map(x -> x.fingerprint() + x.message()).toList()).isEqualTo(first);
        }
        assertThat(first).hasSize(4);
    }
}
