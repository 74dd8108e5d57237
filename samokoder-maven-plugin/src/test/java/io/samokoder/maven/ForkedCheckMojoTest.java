package io.samokoder.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code check} in a JVM of its own says and writes exactly what it says and writes in the build's JVM. */
class ForkedCheckMojoTest {

    @TempDir
    Path root;

    /** Outside the audited tree: the second audit must not see the first one's reports. */
    @TempDir
    Path build;

    @BeforeEach
    void repository() throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), """
                services:
                  db:
                    image: postgres:16
                    environment:
                      POSTGRES_PASSWORD: postgres
                  api:
                    image: a
                    image: b
                """);
        Files.writeString(root.resolve("README.md"), "# App\n\nSee [the guide](docs/guide.md).\n");
    }

    private CheckMojo mojo(boolean fork, Recording log) {
        CheckMojo mojo = new CheckMojo();
        mojo.dir = root.toFile();
        mojo.buildDirectory = build.toFile();
        mojo.fork = fork;
        mojo.cacheDir = "none";
        mojo.setLog(log);
        return mojo;
    }

    @Test
    void forkedAndInProcessAuditsPrintAndWriteTheSame() throws Exception {
        Recording inProcess = new Recording();
        CheckMojo local = mojo(false, inProcess);
        local.failOnViolation = false;
        local.junit = build.resolve("junit.xml").toString();
        local.execute();
        List<byte[]> localOutputs = outputs();

        Recording forked = new Recording();
        CheckMojo fork = mojo(true, forked);
        fork.failOnViolation = false;
        fork.junit = build.resolve("junit.xml").toString();
        fork.execute();

        assertThat(inProcess.lines).anyMatch(l -> l.startsWith("WARN samokoder gate failed"))
                .anyMatch(l -> l.contains("[secrets/weak-value]"));
        assertThat(forked.lines).isEqualTo(inProcess.lines);
        assertThat(outputs()).usingRecursiveComparison().isEqualTo(localOutputs);
    }

    private List<byte[]> outputs() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String name : List.of("samokoder/samokoder.sarif", "samokoder/samokoder.json",
                "samokoder/samokoder-report.html", "junit.xml")) {
            out.add(Files.readAllBytes(build.resolve(name)));
        }
        return out;
    }

    @Test
    void failingGateFailsTheBuildWithTheSameMessage() {
        CheckMojo local = mojo(false, new Recording());
        Throwable expected = org.assertj.core.api.Assertions.catchThrowable(local::execute);
        assertThat(expected).isInstanceOf(MojoFailureException.class);
        assertThat(expected.getMessage()).contains("samokoder gate failed").contains("\n");

        CheckMojo fork = mojo(true, new Recording());
        assertThatThrownBy(fork::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage(expected.getMessage());
    }

    @Test
    void errorsAreTheSameOneLine() {
        CheckMojo fork = mojo(true, new Recording());
        fork.failOnSeverity = "severe";
        assertThatThrownBy(fork::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("samokoder: unknown severity 'severe' (expected one of critical, high, medium, low, info)");
        fork.failOnSeverity = null;
        fork.dir = root.resolve("missing").toFile();
        assertThatThrownBy(fork::execute).hasMessageStartingWith("samokoder: not a directory");
    }

    @Test
    void aJvmThatDoesNotStartIsOneLine() {
        CheckMojo fork = mojo(true, new Recording());
        fork.jvmArgs = "-XX:+NoSuchSamokoderOption";
        assertThatThrownBy(fork::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("samokoder: the audit JVM ended with exit code 1 before a result")
                .hasMessageContaining("-XX:+NoSuchSamokoderOption").hasMessageNotContaining("\n");
    }

    /** What a JVM prints when it fails at start is kept for the retry's decision, not relayed as the build's warning. */
    @Test
    void linesBeforeTheProtocolAreKeptUntilItBegins() throws IOException {
        RecordingOutput out = new RecordingOutput();
        List<String> seen = out.lines;
        AuditFork.Attempt refused = AuditFork.attempt(List.of("sh", "-c",
                "echo 'Error occurred during initialization of VM'; echo 'Ignoring option X'; exit 1"), out, true);
        assertThat(refused.started()).isFalse();
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.verdict()).isNull();
        assertThat(refused.stray()).containsExactly("Error occurred during initialization of VM", "Ignoring option X");
        assertThat(seen).isEmpty();

        AuditFork.Attempt ran = AuditFork.attempt(List.of("sh", "-c",
                "echo 'a notice first'; printf 'I score\\nW finding\\nIgnore this\\nP passed\\n'"), out, true);
        assertThat(ran.started()).isTrue();
        assertThat(ran.stray()).isEmpty();
        assertThat(ran.verdict()).isEqualTo(new CheckRun.Verdict(true, false, "passed"));
        assertThat(seen).containsExactly("WARN a notice first", "INFO score", "WARN finding", "WARN Ignore this");

        // the first run's JVM writes its class-data archive while it exits: awaited, with its exit code
        AuditFork.Attempt awaited = AuditFork.attempt(List.of("sh", "-c", "printf 'V below the bar\\n'; exit 7"), out,
                true);
        assertThat(awaited.code()).isEqualTo(7);
        assertThat(awaited.verdict()).isEqualTo(new CheckRun.Verdict(false, false, "below the bar"));
        // otherwise the goal goes on at the verdict, the JVM's last line, while the JVM shuts down
        AuditFork.Attempt early = AuditFork.attempt(List.of("sh", "-c", "printf 'F failed\\n'; sleep 10"), out, false);
        assertThat(early.code()).isEqualTo(AuditFork.NOT_AWAITED);
        assertThat(early.verdict()).isEqualTo(new CheckRun.Verdict(false, true, "failed"));
    }

    @Test
    void archiveIsKeyedByJarsAndOptions(@TempDir Path cache) throws IOException {
        Path jar = Files.writeString(root.resolve("plugin.jar"), "one");
        Path first = AuditFork.archive(cache, List.of(jar), AuditFork.DEFAULT_JVM_ARGS);
        assertThat(first).isNotNull();
        assertThat(first.getParent()).isEqualTo(cache);
        assertThat(first.getFileName().toString()).matches("check-[0-9a-f]+\\.jsa");
        assertThat(AuditFork.archive(cache, List.of(jar), AuditFork.DEFAULT_JVM_ARGS)).isEqualTo(first);
        assertThat(AuditFork.archive(cache, List.of(jar), List.of("-Xmx1g"))).isNotEqualTo(first);
        Files.writeString(jar, "rebuilt"); // a new build of the plugin: the old archive does not match it
        assertThat(AuditFork.archive(cache, List.of(jar), AuditFork.DEFAULT_JVM_ARGS)).isNotEqualTo(first);
        assertThat(AuditFork.archive(cache, List.of(root), AuditFork.DEFAULT_JVM_ARGS))
                .as("a folder on the classpath cannot be archived").isNull();
    }

    @Test
    void onlyTheMostRecentlyUsedArchivesAreKept(@TempDir Path cache) throws IOException {
        for (int i = 0; i < 6; i++) {
            Path archive = Files.writeString(cache.resolve("check-" + i + "a.jsa"), "x");
            Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Files.writeString(cache.resolve("notes.txt"), "not ours");
        AuditFork.prune(cache);
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("check-2a.jsa", "check-3a.jsa", "check-4a.jsa", "check-5a.jsa", "notes.txt");
        }
    }

    /** In CI the default folder is written into from the second build of a machine that kept it; a fresh one never. */
    @Test
    void ciWritesTheArchiveOnlyWhereAFolderOutlivesTheBuild(@TempDir Path home) {
        Path fresh = home.resolve("cache/samokoder");
        assertThat(AuditFork.writesArchive(fresh, false, true)).as("a CI machine's first build").isFalse();
        assertThat(fresh).as("left for the next build on this machine").isDirectory();
        assertThat(AuditFork.writesArchive(fresh, false, true)).as("the second build: the machine kept it").isTrue();

        Path named = home.resolve("ci-cache");
        assertThat(AuditFork.writesArchive(named, true, true)).as("a folder named in cacheDir: the CI caches it")
                .isTrue();
        Path local = home.resolve("local");
        assertThat(AuditFork.writesArchive(local, false, false)).as("outside CI: the first build writes").isTrue();
        assertThat(local).as("created later, by the writing run").doesNotExist();
        assertThat(AuditFork.writesArchive(null, false, true)).as("no folder at all: nothing to decide").isTrue();
    }

    @Test
    void proxySettingsReachTheAuditJvmAndPasswordsDoNot() {
        System.setProperty("https.proxyHost", "proxy.example");
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit-secret");
        try {
            assertThat(AuditFork.forwardedProperties()).contains("-Dhttps.proxyHost=proxy.example")
                    .noneMatch(a -> a.contains("changeit-secret"));
        } finally {
            System.clearProperty("https.proxyHost");
            System.clearProperty("javax.net.ssl.trustStorePassword");
        }
        assertThat(AuditFork.forwardedProperties()).noneMatch(a -> a.startsWith("-Dhttps.proxyHost"));
    }

    @Test
    void aSecretInTheAuditJvmsOptionsIsNeverPrinted() {
        CheckMojo fork = mojo(true, new Recording());
        fork.jvmArgs = "-XX:+NoSuchSamokoderOption -Dapi.token=tok-123456789abc -Dcolour=blue";
        assertThatThrownBy(fork::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dapi.token=to***(16)").hasMessageContaining("-Dcolour=blue")
                .hasMessageNotContaining("tok-123456789abc");
        assertThat(AuditFork.printable(List.of("java", "-Djavax.net.ssl.keyStorePassword=hunter2hunter2")))
                .isEqualTo("java -Djavax.net.ssl.keyStorePassword=hu***(14)");
    }

    @Test
    void cacheFolderDefaultsAndNone() {
        CheckMojo mojo = new CheckMojo();
        mojo.cacheDir = "NONE";
        assertThat(mojo.cacheFolder()).isNull();
        mojo.cacheDir = "cds";
        assertThat(mojo.cacheFolder()).isEqualTo(Path.of("cds").toAbsolutePath());
        mojo.cacheDir = null;
        // compared as names: AssertJ's Path.endsWith resolves the real path, which needs the folder to exist
        assertThat(mojo.cacheFolder()).isEqualTo(
                CheckMojo.defaultCacheFolder(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home")));

        assertThat(CheckMojo.defaultCacheFolder("/var/cache/ci", "/home/dev"))
                .isEqualTo(Path.of("/var/cache/ci/samokoder"));
        assertThat(CheckMojo.defaultCacheFolder(null, "/home/dev")).isEqualTo(Path.of("/home/dev/.cache/samokoder"));
        assertThat(CheckMojo.defaultCacheFolder(" ", "/home/dev")).isEqualTo(Path.of("/home/dev/.cache/samokoder"));
        assertThat(CheckMojo.defaultCacheFolder("cache", "/home/dev")).as("relative: invalid, ignored")
                .isEqualTo(Path.of("/home/dev/.cache/samokoder"));
    }

    /** Maven's log, kept: level and text of each line. */
    static final class Recording extends SystemStreamLog {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(CharSequence content) {
            lines.add("INFO " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARN " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("ERROR " + content);
        }
    }
}
