package io.samokoder.model.migrations;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlembicGraphTest {

    @TempDir
    Path dir;

    private void rev(String folder, String id, String down, String extra) throws IOException {
        Path f = dir.resolve(folder).resolve(id + "_rev.py");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "revision = '" + id + "'\ndown_revision = " + down + "\n" + extra
                + "def upgrade():\n    pass\ndef downgrade():\n    pass\n");
    }

    private AlembicProject load() throws IOException {
        Workspace ws = Workspace.scan(dir);
        return AlembicProject.of(new AuditContext(ws, AuditConfig.forRoot(dir)));
    }

    private static List<String> ids(List<AlembicModule> mods) {
        return mods.stream().map(AlembicModule::revisionId).toList();
    }

    @Test
    void headsBasesAndMerges() throws IOException {
        rev("alembic/versions", "a", "None", "");
        rev("alembic/versions", "b", "'a'", "");
        rev("alembic/versions", "c", "'a'", "");
        rev("alembic/versions", "d", "('b', 'c')", "");
        rev("alembic/versions", "e", "'d'", "");
        AlembicProject.Graph g = load().environments().get(0).graph();
        assertThat(ids(g.heads())).containsExactly("e");
        assertThat(ids(g.bases())).containsExactly("a");
        assertThat(g.dangling()).isEmpty();
        assertThat(g.cycles()).isEmpty();
    }

    @Test
    void aRevisionTupleOverTheCapIsLeftOutAndSaidSoNotWalked() throws IOException {
        // issue 25, F8: 100,000 names in down_revision took 86 s and 5.3 GB and made 100,001 findings
        StringBuilder names = new StringBuilder("(");
        for (int i = 0; i < 100_000; i++) {
            names.append(i == 0 ? "" : ", ").append("'r").append(i).append("'");
        }
        rev("alembic/versions", "a", "None", "");
        rev("alembic/versions", "big", names.append(")").toString(), "depends_on = " + names + "\n");
        AlembicProject.Environment env = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(120), this::load).environments().get(0);
        assertThat(env.problems()).extracting(p -> p.line() + " " + p.blocking() + " " + p.message()).containsExactly(
                "2 true `down_revision` names 100000 revisions, more than the 1000 this audit reads: the module was"
                        + " left out of the revision graph and not analysed",
                "3 true `depends_on` names 100000 items, more than the 1000 this audit reads: they were left out of"
                        + " the revision graph");
        assertThat(env.graph().dangling()).isEmpty();
        assertThat(ids(env.graph().heads())).containsExactly("a");
        // at the cap, every name is read
        StringBuilder atCap = new StringBuilder("(");
        for (int i = 0; i < AlembicModule.MAX_NAMES; i++) {
            atCap.append(i == 0 ? "" : ", ").append("'r").append(i).append("'");
        }
        rev("alembic/versions", "big", atCap.append(")").toString(), "");
        assertThat(load().environments().get(0).graph().dangling()).hasSize(AlembicModule.MAX_NAMES);
    }

    @Test
    void danglingDuplicatesAndCycles() throws IOException {
        rev("migrations/versions", "a", "None", "");
        rev("migrations/versions", "b", "'zzz'", "depends_on = 'nope'\n");
        rev("migrations/versions", "c", "'d'", "");
        rev("migrations/versions", "d", "'c'", "");
        rev("migrations/versions", "s", "'s'", "");
        Files.writeString(dir.resolve("migrations/versions/a_copy.py"),
                "revision = 'a'\ndown_revision = None\ndef upgrade():\n    pass\ndef downgrade():\n    pass\n");
        AlembicProject.Graph g = load().environments().get(0).graph();
        assertThat(g.dangling()).extracting(d -> d.missing() + (d.dependency() ? "(dep)" : ""))
                .containsExactly("zzz", "nope(dep)");
        assertThat(g.duplicates()).containsOnlyKeys("a");
        assertThat(g.cycles()).extracting(AlembicGraphTest::ids).containsExactly(List.of("c", "d"), List.of("s"));
    }

    @Test
    void dependenciesMayNameBranchLabelsAndUniquePrefixes() throws IOException {
        rev("alembic/versions", "a", "None", "");
        rev("alembic/versions", "n1", "None", "branch_labels = ('networking',)\n");
        rev("alembic/versions", "b", "'a'", "depends_on = ['networking', 'n1']\n");
        rev("alembic/versions", "abcdef12", "'b'", "");
        rev("alembic/versions", "c", "'abcdef12'", "depends_on = 'abcd'\n");
        AlembicProject.Graph g = load().environments().get(0).graph();
        assertThat(g.dangling()).isEmpty();
        assertThat(ids(g.heads())).containsExactlyInAnyOrder("c", "n1");
        assertThat(g.branchOf(g.byId().get("n1"))).isEqualTo("networking");
        assertThat(g.branchOf(g.byId().get("c"))).isEmpty();
    }

    @Test
    void iniFilesLocateScriptDirectoriesAndVersionLocations() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/alembic.ini"), "[alembic]\nscript_location = %(here)s/migrate\n"
                + "version_locations = %(here)s/migrate/versions %(here)s/extra\n\n[reporting]\n"
                + "script_location = reporting_migrations\n");
        rev("db/migrate/versions", "a", "None", "");
        rev("db/extra", "b", "'a'", "");
        rev("db/reporting_migrations/versions", "r", "None", "");
        List<AlembicProject.Environment> envs = load().environments();
        assertThat(envs).extracting(AlembicProject.Environment::scriptLocation)
                .containsExactly("db/migrate", "db/reporting_migrations");
        assertThat(envs.get(0).versionDirs()).containsExactly("db/migrate/versions", "db/extra");
        assertThat(ids(envs.get(0).graph().heads())).containsExactly("b");
        assertThat(envs.get(1).label()).isEqualTo("db/alembic.ini [reporting]");
    }

    @Test
    void aMissingScriptLocationIsAProblem() throws IOException {
        Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = nowhere\n");
        AlembicProject.Environment env = load().environments().get(0);
        assertThat(env.problems()).extracting(AlembicProject.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'nowhere' does not exist"));
    }

    @Test
    void longHistoriesDoNotOverflowTheStack() throws IOException {
        Path v = dir.resolve("alembic/versions");
        Files.createDirectories(v);
        for (int i = 0; i < 5_000; i++) {
            Files.writeString(v.resolve(String.format("r%05d.py", i)), "revision = 'r" + i + "'\ndown_revision = "
                    + (i == 0 ? "None" : "'r" + (i - 1) + "'") + "\n");
        }
        Files.writeString(v.resolve("zloop.py"), "revision = 'r0'\ndown_revision = 'r4999'\n");
        AlembicProject.Graph g = load().environments().get(0).graph();
        assertThat(g.cycles()).hasSize(1);
        assertThat(g.cycles().get(0)).hasSize(5_000);
    }

    @Test
    void emptyDownRevisionsAreBasesAsAlembicReadsThem() throws IOException {
        rev("alembic/versions", "a", "()", "");
        rev("alembic/versions", "b", "''", "");
        rev("alembic/versions", "c", "('b',)", "");
        AlembicProject.Graph g = load().environments().get(0).graph();
        assertThat(ids(g.bases())).containsExactly("a", "b");
        assertThat(g.dangling()).isEmpty();
        assertThat(ids(g.heads())).containsExactly("a", "c");
    }

    @Test
    void pyprojectTomlLocatesTheScriptDirectory() throws IOException {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"app\"\n\n[tool.alembic]\n"
                + "script_location = \"%(here)s/db\"\nversion_locations = [\n  \"%(here)s/db/versions\",\n"
                + "  \"%(here)s/db/extra\",\n]\n");
        rev("db/versions", "a", "None", "");
        rev("db/extra", "b", "'a'", "");
        List<AlembicProject.Environment> envs = load().environments();
        assertThat(envs).hasSize(1);
        assertThat(envs.get(0).ini()).isEqualTo("pyproject.toml");
        assertThat(envs.get(0).versionDirs()).containsExactly("db/versions", "db/extra");
        assertThat(ids(envs.get(0).graph().heads())).containsExactly("b");
    }
}
