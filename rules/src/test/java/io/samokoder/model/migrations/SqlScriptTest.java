package io.samokoder.model.migrations;

import io.samokoder.model.migrations.SchemaChange.Act;
import io.samokoder.model.migrations.SchemaChange.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptTest {

    private static SchemaChange one(String sql) {
        List<SchemaChange> c = SqlScript.read(sql);
        assertThat(c).as(sql).hasSize(1);
        return c.get(0);
    }

    @Test
    void sessionSettingsReadsAndTransactionControlChangeNothing() {
        for (String sql : List.of("SET lock_timeout = '5s'", "SET statement_timeout = 0", "set local work_mem='1GB'",
                "RESET ALL", "COMMIT", "BEGIN", "SELECT count(*) FROM users", "select setval('s', 1)",
                "PRAGMA foreign_keys=OFF", "LOCK TABLE packages IN EXCLUSIVE MODE", "ANALYZE users", "VACUUM",
                "COMMENT ON TABLE users IS 'x'", "GRANT SELECT ON users TO reader",
                "ALTER TABLE t OWNER TO app", "ALTER TABLE t DISABLE TRIGGER consistent_timetable",
                "WITH x AS (SELECT 1) SELECT * FROM x", "ALTER SEQUENCE s RESTART WITH 10")) {
            assertThat(one(sql).act()).as(sql).isEqualTo(Act.NEUTRAL);
        }
    }

    @Test
    void rowChangesNameTheirTableAndTheColumnsAnUpdateSets() {
        SchemaChange u = one("UPDATE ONLY public.users u SET status = 'x', \"plan\" = lower(plan) WHERE id > 3");
        assertThat(u.act()).isEqualTo(Act.DATA);
        assertThat(u.table()).isEqualTo("users");
        assertThat(u.columns()).containsExactly("status", "plan");
        assertThat(u.shown()).isEqualTo("UPDATE users SET status");
        assertThat(one("UPDATE OR IGNORE t SET a = 1").table()).isEqualTo("t");
        assertThat(one("UPDATE t SET (a, b) = (1, 2)").columns()).containsExactly("a", "b");
        assertThat(one("DELETE FROM events.breaks WHERE id = 1").table()).isEqualTo("events.breaks");
        assertThat(one("INSERT INTO a (x) SELECT x FROM b JOIN c ON true").sources()).containsExactly("b", "c");
        assertThat(one("TRUNCATE TABLE audit").name()).isEqualTo("TRUNCATE");
        assertThat(one("WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved").table())
                .isEqualTo("b");
        assertThat(one("WITH x AS (UPDATE a SET v = 1 RETURNING id) SELECT * FROM x").act()).isEqualTo(Act.DATA);
    }

    @Test
    void backfillsCleanupsAndIdempotentInsertsAreRecognised() {
        assertThat(one("UPDATE users SET email = 'x' WHERE email IS NULL").ctype()).isEqualTo("fill");
        assertThat(one("UPDATE rooms SET comments = COALESCE(comments, '')").ctype()).isEqualTo("fill");
        assertThat(one("UPDATE users SET email = 'x' WHERE email IS NULL OR id = 1").ctype()).isNull();
        assertThat(one("UPDATE users SET email = 'x' WHERE email IS NOT NULL").ctype()).isNull();
        assertThat(one("UPDATE users SET email = 'x' WHERE other IS NULL").ctype()).isNull();
        assertThat(one("DELETE FROM seen WHERE journalist_id IS NULL").ctype()).isEqualTo("cleanup");
        assertThat(one("DELETE FROM t WHERE ref_id NOT IN (SELECT id FROM r)").ctype()).isEqualTo("cleanup");
        assertThat(one("DELETE FROM t WHERE name = 'x'").ctype()).isNull();
        assertThat(one("INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING").guarded()).isTrue();
        assertThat(one("INSERT IGNORE INTO t (a) VALUES (1)").guarded()).isTrue();
        assertThat(one("INSERT INTO t SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM t)").guarded()).isTrue();
        assertThat(one("INSERT INTO ip (a) SELECT l.a FROM l LEFT JOIN ip ON ip.a = l.a WHERE ip.id IS NULL")
                .guarded()).isTrue();
        assertThat(one("INSERT INTO t (a) VALUES (1)").guarded()).isFalse();
    }

    @Test
    void structureChangesNameTheirObjects() {
        SchemaChange c = one("ALTER TABLE \"attachments\".\"folder_principals\" DROP CONSTRAINT IF EXISTS ck_x");
        assertThat(c).extracting(SchemaChange::act, SchemaChange::kind, SchemaChange::table, SchemaChange::name,
                SchemaChange::guarded).containsExactly(Act.DROP, Kind.CONSTRAINT, "attachments.folder_principals",
                "ck_x", true);
        List<SchemaChange> multi = SqlScript.read("ALTER TABLE t ADD COLUMN a int, DROP COLUMN b, "
                + "ALTER COLUMN c SET NOT NULL, RENAME COLUMN d TO e");
        assertThat(multi).extracting(SchemaChange::act, SchemaChange::kind, SchemaChange::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Act.CREATE, Kind.COLUMN, "a"),
                org.assertj.core.groups.Tuple.tuple(Act.DROP, Kind.COLUMN, "b"),
                org.assertj.core.groups.Tuple.tuple(Act.ALTER, Kind.COLUMN, "c"),
                org.assertj.core.groups.Tuple.tuple(Act.RENAME, Kind.COLUMN, "d"));
        assertThat(multi.get(2).ctype()).isEqualTo("notnull");
        assertThat(multi.get(3).newName()).isEqualTo("e");
        SchemaChange fk = one("ALTER TABLE p ADD CONSTRAINT p_o_fkey FOREIGN KEY (owner_id) REFERENCES u (id)");
        assertThat(fk).extracting(SchemaChange::kind, SchemaChange::name, SchemaChange::ctype)
                .containsExactly(Kind.CONSTRAINT, "p_o_fkey", "foreignkey");
        assertThat(fk.columns()).containsExactly("owner_id");
        SchemaChange ix = one("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_a ON ONLY s.t USING gin (lower(a))");
        assertThat(ix).extracting(SchemaChange::kind, SchemaChange::name, SchemaChange::table, SchemaChange::ctype,
                SchemaChange::guarded).containsExactly(Kind.INDEX, "ix_a", "s.t", "unique", true);
        assertThat(ix.columns()).containsExactly("a");
        assertThat(one("ALTER INDEX s.ix_a RENAME TO ix_b")).extracting(SchemaChange::act, SchemaChange::newName)
                .containsExactly(Act.RENAME, "ix_b");
        assertThat(one("ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'archived'"))
                .extracting(SchemaChange::kind, SchemaChange::table, SchemaChange::name)
                .containsExactly(Kind.ENUM_VALUE, "status", "archived");
        assertThat(one("CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $body$ BEGIN; RETURN NEW; END; $body$"
                + " LANGUAGE plpgsql")).extracting(SchemaChange::act, SchemaChange::kind, SchemaChange::name)
                .containsExactly(Act.REPLACE, Kind.FUNCTION, "f");
        assertThat(one("CREATE TRIGGER tr BEFORE UPDATE OF name ON projects FOR EACH ROW EXECUTE PROCEDURE f()"))
                .extracting(SchemaChange::kind, SchemaChange::name, SchemaChange::table)
                .containsExactly(Kind.TRIGGER, "tr", "projects");
        assertThat(SqlScript.read("DROP TABLE IF EXISTS a, b CASCADE")).extracting(SchemaChange::name)
                .containsExactly("a", "b");
        assertThat(one("CREATE TEMPORARY TABLE merge_map AS SELECT 1").ctype()).isEqualTo("temporary");
        assertThat(one("CREATE EXTENSION IF NOT EXISTS pg_trgm").guarded()).isTrue();
        assertThat(one("DO $$ BEGIN NULL; END $$").act()).isEqualTo(Act.UNKNOWN);
    }

    @Test
    void usingIndexHandsTheIndexToTheConstraint() {
        List<SchemaChange> c = SqlScript.read("ALTER TABLE \"user\" ADD CONSTRAINT uq_email UNIQUE USING INDEX ix_e");
        assertThat(c).extracting(SchemaChange::act, SchemaChange::kind, SchemaChange::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Act.DROP, Kind.INDEX, "ix_e"),
                org.assertj.core.groups.Tuple.tuple(Act.CREATE, Kind.CONSTRAINT, "uq_email"));
    }

    @Test
    void statementsSplitOutsideQuotesCommentsAndBodies() {
        List<SchemaChange> c = SqlScript.read("-- a; comment\nUPDATE t SET a = 'x;y'; /* b; */ DELETE FROM u;\n"
                + "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;");
        assertThat(c).extracting(SchemaChange::shown).containsExactly("UPDATE t SET a", "DELETE FROM u",
                "CREATE FUNCTION f");
    }

    @Test
    void interpolatedNamesAreUnknownAndTextIsNeverQuotedBeyondNames() {
        SchemaChange d = one("DELETE FROM " + SqlScript.HOLE + " WHERE journalist_id IS NULL");
        assertThat(d.table()).isNull();
        assertThat(d.shown()).isEqualTo("DELETE FROM …");
        assertThat(one("INSERT INTO api_keys (token) VALUES ('sk_live_51Habcdefghijkl')").shown())
                .doesNotContain("sk_live");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hostileTextIsBoundedAndNeverThrows() {
        assertThat(SqlScript.read(null)).isEmpty();
        assertThat(SqlScript.read("")).isEmpty();
        for (String s : List.of("'", "\"", "$$", "$tag$ never closed", "/* open", "((((((", "ALTER", "ALTER TABLE",
                "CREATE", "DROP", "UPDATE", "INSERT INTO", "ALTER TYPE x ADD VALUE", "ALTER TABLE t ADD CONSTRAINT",
                "ALTER TABLE t RENAME", ";;;;", "[x", "UPDATE t SET a =")) {
            SqlScript.read(s);
        }
        String big = "UPDATE t SET a = 1, ".repeat(200_000);
        assertThat(SqlScript.read(big)).hasSize(1);
        assertThat(SqlScript.read("SELECT 1;".repeat(100_000))).hasSizeLessThanOrEqualTo(2000);
    }
}
