package io.samokoder.rules.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Category;
import io.samokoder.engine.Workspace;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.model.migrations.AlembicModule;
import io.samokoder.model.migrations.AlembicProject;
import io.samokoder.testing.ExternalTools;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test against the real Alembic (Debian python3-alembic, run with /usr/bin/python3): on every fixture
 * with an alembic.ini, our heads, bases and missing revisions equal what `alembic heads` and `alembic history`
 * report; for every fixture this audit calls complete (no migrations finding), a real
 * upgrade head -> downgrade base -> upgrade head on a scratch SQLite database succeeds.
 *
 * <p>Alembic stops at the first missing down_revision; the test then adds a stub base revision under that id in a
 * scratch copy and asks again, until Alembic loads the history, so every missing id is compared and the heads of a
 * broken history can still be compared (the stubs become extra bases, never heads).
 */
class AlembicDifferentialTest {

    private static final Pattern MISSING = Pattern.compile("Revision (\\S+) referenced from");
    private static final Pattern BASE = Pattern.compile("^<base> -> ([^,\\s]+)", Pattern.MULTILINE);

    private static Path python() {
        Path python = ExternalTools.require("/usr/bin/python3");
        ExternalTools.Result r = ExternalTools.run(List.of(python.toString(), "-c", "import alembic, sqlalchemy"),
                Path.of("."), Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            ExternalTools.missing("python3-alembic and python3-sqlalchemy");
        }
        return python;
    }

    @TestFactory
    Stream<DynamicTest> alembicAgreesOnEveryFixture() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path fixture : Fixtures.all()) {
            Workspace ws = Workspace.scan(fixture, List.of("/expected.json"), Workspace.DEFAULT_MAX_FILE_SIZE);
            AlembicProject project = AlembicProject.of(new AuditContext(ws, Fixtures.config(fixture)));
            for (AlembicProject.Environment env : project.environments()) {
                if (env.ini() == null || !env.ini().endsWith(".ini")) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(fixture.getFileName() + ": " + env.label(),
                        () -> compare(fixture, env)));
            }
        }
        assertThat(tests).as("fixtures with an alembic.ini").hasSizeGreaterThanOrEqualTo(3);
        return tests.stream();
    }

    private void compare(Path fixture, AlembicProject.Environment env) throws IOException {
        Path python = python();
        Path copy = Files.createTempDirectory("alembic-diff");
        try {
            copyTree(fixture, copy);
            Path ini = copy.resolve(env.ini());
            Path versions = copy.resolve(env.versionDirs().get(0));
            List<String> alembic = List.of(python.toString(), "-m", "alembic", "-c", ini.toString());
            Set<String> missing = new TreeSet<>();
            ExternalTools.Result heads = null;
            for (int round = 0; round < 50; round++) {
                heads = ExternalTools.run(concat(alembic, "heads"), ini.getParent(), Duration.ofMinutes(2));
                Matcher m = MISSING.matcher(heads.stderr());
                if (heads.exitCode() == 0 || !m.find()) {
                    break;
                }
                String id = m.group(1);
                missing.add(id);
                Files.writeString(versions.resolve("zz_stub_" + missing.size() + ".py"),
                        "revision = " + pyString(id) + "\ndown_revision = None\n"
                                + "def upgrade():\n    pass\ndef downgrade():\n    pass\n");
            }
            assertThat(heads.exitCode()).as("alembic heads: " + heads.stderr()).isZero();
            Set<String> ourMissing = new TreeSet<>();
            env.graph().dangling().stream().filter(d -> !d.dependency()).forEach(d -> ourMissing.add(d.missing()));
            assertThat(ourMissing).as("missing revisions").isEqualTo(missing);

            Set<String> theirHeads = new TreeSet<>();
            for (String line : heads.stdout().split("\n")) {
                if (!line.isBlank()) {
                    theirHeads.add(line.strip().split("\\s+")[0]);
                }
            }
            assertThat(ids(env.graph().heads())).as("heads").isEqualTo(theirHeads);

            ExternalTools.Result history = ExternalTools.run(concat(alembic, "history"), ini.getParent(),
                    Duration.ofMinutes(2));
            assertThat(history.exitCode()).as("alembic history: " + history.stderr()).isZero();
            Set<String> theirBases = new TreeSet<>();
            Matcher b = BASE.matcher(history.stdout());
            while (b.find()) {
                theirBases.add(b.group(1));
            }
            Set<String> expectedBases = new TreeSet<>(ids(env.graph().bases()));
            expectedBases.addAll(missing); // the stubs
            assertThat(theirBases).as("bases").isEqualTo(expectedBases);

            if (complete(fixture, env)) {
                roundTrip(python, copy, ini);
            }
        } finally {
            deleteTree(copy);
        }
    }

    /** The audit reports no migrations finding for this environment's files. */
    private static boolean complete(Path fixture, AlembicProject.Environment env) {
        AuditResult result = Fixtures.audit(fixture);
        Set<String> files = new TreeSet<>();
        env.modules().forEach(m -> files.add(m.path()));
        files.add(env.ini());
        return result.active().stream().noneMatch(f -> f.category() == Category.MIGRATIONS
                && files.contains(f.path()));
    }

    private static void roundTrip(Path python, Path copy, Path ini) throws IOException {
        Path db = copy.resolve("roundtrip.sqlite");
        String text = Files.readString(ini);
        String url = "sqlalchemy.url = sqlite:///" + db.toAbsolutePath();
        text = text.matches("(?s).*^sqlalchemy\\.url\\s*=.*") || text.contains("sqlalchemy.url")
                ? text.replaceAll("(?m)^sqlalchemy\\.url\\s*=.*$", Matcher.quoteReplacement(url))
                : text.replaceFirst("(?m)^\\[alembic\\]\\s*$", Matcher.quoteReplacement("[alembic]\n" + url));
        Files.writeString(ini, text);
        List<String> alembic = List.of(python.toString(), "-m", "alembic", "-c", ini.toString());
        for (List<String> step : List.of(List.of("upgrade", "head"), List.of("downgrade", "base"),
                List.of("upgrade", "head"))) {
            List<String> cmd = new ArrayList<>(alembic);
            cmd.addAll(step);
            ExternalTools.Result r = ExternalTools.run(cmd, ini.getParent(), Duration.ofMinutes(3));
            assertThat(r.exitCode()).as(String.join(" ", step) + " on SQLite: " + r.stderr()).isZero();
        }
        ExternalTools.Result current = ExternalTools.run(concat(alembic, "current"), ini.getParent(),
                Duration.ofMinutes(2));
        assertThat(current.stdout()).contains("(head)");
    }

    private static Set<String> ids(List<AlembicModule> mods) {
        Set<String> out = new TreeSet<>();
        mods.forEach(m -> out.add(m.revisionId()));
        return out;
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
