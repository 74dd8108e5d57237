package io.samokoder.maven;

import io.samokoder.engine.AuditException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit daemon answers a build exactly as the build's own JVM would, in the build's folder and environment, serves
 * builds side by side, and goes away when idle, when its socket goes, or after an internal error.
 */
class AuditDaemonTest {

    @TempDir
    Path root;
    @TempDir
    Path build;
    @TempDir
    Path sockets;

    private final List<Thread> running = new ArrayList<>();
    private final List<AuditDaemon> daemons = new ArrayList<>();

    @BeforeEach
    void repository() throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), """
                services:
                  db:
                    image: postgres:16
                    environment:
                      POSTGRES_PASSWORD: postgres
                  api:
                    image: app:${APP_TAG}
                """);
        Files.writeString(root.resolve("README.md"), "# App\n\nSee [the guide](docs/guide.md).\n");
    }

    @AfterEach
    void stop() throws InterruptedException {
        daemons.forEach(AuditDaemon::stop);
        for (Thread t : running) {
            t.join(10_000);
        }
    }

    private Path socket() {
        return sockets.resolve("d.sock");
    }

    private AuditDaemon start(long idleMillis) throws IOException {
        return start(AuditDaemon.open(socket(), idleMillis));
    }

    private AuditDaemon start(AuditDaemon daemon) {
        assertThat(daemon).isNotNull();
        daemons.add(daemon);
        Thread t = new Thread(daemon::run);
        t.start();
        running.add(t);
        return daemon;
    }

    private CheckSettings settings() {
        CheckSettings s = new CheckSettings();
        s.dir = root.toFile();
        s.buildDirectory = build.toFile();
        s.failOnViolation = false;
        return s;
    }

    private CheckSettings withoutReports() {
        CheckSettings s = settings();
        s.sarif = "none";
        s.json = "none";
        s.report = "none";
        return s;
    }

    private CheckRun.Verdict ask(CheckSettings settings, Path cwd, Map<String, String> env, RecordingOutput out)
            throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            return DaemonClient.ask(channel, cwd, env, settings, out);
        }
    }

    @Test
    void answersWithTheLinesAndReportsOfTheBuildsOwnJvm() throws Exception {
        start(60_000);
        CheckSettings local = settings();
        local.json = build.resolve("local.json").toString();
        local.sarif = build.resolve("local.sarif").toString();
        RecordingOutput inProcess = new RecordingOutput();
        CheckRun.Verdict expected = CheckRun.run(local, Map.of(), null, inProcess);

        CheckSettings remote = settings();
        remote.json = build.resolve("daemon.json").toString();
        remote.sarif = build.resolve("daemon.sarif").toString();
        RecordingOutput daemon = new RecordingOutput();
        CheckRun.Verdict verdict = ask(remote, build, Map.of(), daemon);

        assertThat(verdict).isEqualTo(expected);
        assertThat(verdict.passed()).isFalse();
        assertThat(daemon.lines).isEqualTo(inProcess.lines).anyMatch(l -> l.contains("[secrets/weak-value]"));
        assertThat(Files.readAllBytes(build.resolve("daemon.json"))).isEqualTo(
                Files.readAllBytes(build.resolve("local.json")));
        assertThat(Files.readAllBytes(build.resolve("daemon.sarif"))).isEqualTo(
                Files.readAllBytes(build.resolve("local.sarif")));

        // a second build of the same JVM: the same answer again
        RecordingOutput again = new RecordingOutput();
        assertThat(ask(remote, build, Map.of(), again)).isEqualTo(expected);
        assertThat(again.lines).isEqualTo(inProcess.lines);
    }

    @Test
    void resolvesRelativePathsAgainstTheBuildsFolder() throws Exception {
        start(60_000);
        CheckSettings s = withoutReports();
        s.json = "reports/out.json";
        ask(s, build, Map.of(), new RecordingOutput());
        assertThat(build.resolve("reports/out.json")).isRegularFile();
        assertThat(Path.of("reports/out.json").toAbsolutePath()).doesNotExist();
    }

    @Test
    void readsTheBuildsEnvironmentNotItsOwn() throws Exception {
        start(60_000);
        CheckSettings s = withoutReports();
        s.useEnvironment = true;
        RecordingOutput github = new RecordingOutput();
        ask(s, build, Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", root.toString(), "APP_TAG", "1.0"),
                github);
        assertThat(github.lines).anyMatch(l -> l.startsWith("RAW ::error file=docker-compose.yml,line=5"));

        RecordingOutput plain = new RecordingOutput();
        ask(s, build, Map.of(), plain);
        assertThat(plain.lines).noneMatch(l -> l.startsWith("RAW "));
    }

    @Test
    void servesTwoBuildsAtOnce() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        start(AuditDaemon.open(socket(), 60_000, (request, lines) -> {
            started.add(request.settings().dir.getName());
            release.join(); // both requests must be inside the audit before either ends
            lines.info("audited " + request.settings().dir.getName());
            return new CheckRun.Verdict(true, false, "passed");
        }));
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> askNamed("a"));
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> askNamed("b"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (started.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(started).containsExactlyInAnyOrder("a", "b");
        release.complete(null);
        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("INFO audited a");
        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly("INFO audited b");
    }

    private List<String> askNamed(String name) {
        CheckSettings s = new CheckSettings();
        s.dir = root.resolve(name).toFile();
        RecordingOutput out = new RecordingOutput();
        try {
            assertThat(ask(s, build, Map.of(), out).passed()).isTrue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.lines;
    }

    @Test
    void answersAMalformedRequestWithAnErrorLine() throws Exception {
        start(60_000);
        for (String request : List.of("GET / HTTP/1.1\n\n", AuditDaemon.HELLO + "\nC relative/folder\n.\n",
                AuditDaemon.HELLO + "\nC /tmp\nA option=novalue\n.\n", AuditDaemon.HELLO + "\nC /tmp\nA nope=1\n.\n",
                AuditDaemon.HELLO + "\nC /tmp\n")) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
                PrintStream out = new PrintStream(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
                out.print(request);
                out.flush();
                channel.shutdownOutput();
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                        StandardCharsets.UTF_8));
                String line = in.readLine();
                assertThat(line).as(request).startsWith("E audit daemon: ");
                assertThat(in.readLine()).isNull();
            }
        }
    }

    @Test
    void anAuditErrorFailsTheBuildAsAForkedOneDoes() throws Exception {
        start(60_000);
        CheckSettings s = settings();
        s.failOnSeverity = "catastrophic";
        assertThatThrownBy(() -> ask(s, build, Map.of(), new RecordingOutput())).isInstanceOf(AuditException.class)
                .hasMessageContaining("catastrophic");
    }

    @Test
    void exitsWhenIdleAndRemovesItsSocket() throws Exception {
        start(300);
        ask(settings(), build, Map.of(), new RecordingOutput());
        running.get(0).join(10_000);
        assertThat(running.get(0).isAlive()).isFalse();
        assertThat(socket()).doesNotExist();
    }

    @Test
    void exitsWhenItsSocketIsRemoved() throws Exception {
        start(60_000);
        Files.delete(socket());
        running.get(0).join(10_000);
        assertThat(running.get(0).isAlive()).isFalse();
    }

    @Test
    void stopsAfterAnInternalErrorOnceTheBuildHasItsAnswer() throws Exception {
        BiFunction<AuditDaemon.Request, CheckRun.Output, CheckRun.Verdict> broken = (request, lines) -> {
            throw new OutOfMemoryError("Java heap space");
        };
        start(AuditDaemon.open(socket(), 60_000, broken));
        assertThatThrownBy(() -> ask(settings(), build, Map.of(), new RecordingOutput()))
                .isInstanceOf(AuditException.class).hasMessage("internal error: java.lang.OutOfMemoryError: Java heap space");
        running.get(0).join(10_000);
        assertThat(running.get(0).isAlive()).isFalse();
        assertThat(socket()).doesNotExist();
    }

    @Test
    void aDaemonProcessKilledLeavesNoSocketBehind() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process daemon = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AuditDaemon.class.getName(), socket().toString(), "600")
                .redirectErrorStream(true).redirectOutput(sockets.resolve("daemon.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            CheckRun.Verdict verdict = null;
            while (verdict == null && System.nanoTime() < deadline) {
                try { // its socket file appears at bind, a moment before it listens
                    verdict = ask(settings(), build, Map.of(), new RecordingOutput());
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            assertThat(verdict).isNotNull();
            assertThat(verdict.passed()).isFalse();
            daemon.destroy(); // SIGTERM, as a Ctrl-C or a kill
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(socket()).doesNotExist();
            assertThat(Files.readString(sockets.resolve("daemon.log"))).contains("serving " + socket())
                    .containsPattern("audited \\S+ in \\d+ ms \\(exit 0\\)");
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void replacesASocketNobodyAnswersAndLeavesALiveOne() throws Exception {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket())); // a killed daemon leaves its file behind
        }
        assertThat(socket()).exists();
        start(60_000);
        assertThat(AuditDaemon.open(socket(), 60_000)).isNull();
        assertThat(ask(settings(), build, Map.of(), new RecordingOutput())).isNotNull();
    }

    @Test
    void knowsItsOwnUser() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket()));
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket()));
                 SocketChannel accepted = server.accept()) {
                assertThat(client.isConnected()).isTrue();
                assertThat(AuditDaemon.samePeer(accepted)).isTrue();
            }
        }
        assertThat(DaemonClient.supported()).isTrue();
    }

    @Test
    void keepsItsSocketsInAFolderOnlyItsUserCanEnter() throws Exception {
        Path made = DaemonClient.privateFolder(sockets.resolve("cache/daemon"));
        assertThat(made).isNotNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");

        Path open = Files.createDirectories(sockets.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(DaemonClient.privateFolder(open)).isEqualTo(open);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwx------");

        Path link = Files.createSymbolicLink(sockets.resolve("link"), open);
        assertThat(DaemonClient.privateFolder(link)).isNull();
        Path file = Files.writeString(sockets.resolve("file"), "x");
        assertThat(DaemonClient.privateFolder(file)).isNull();
    }

    @Test
    void staysOffInContinuousIntegration() {
        assertThat(DaemonClient.inCi(Map.of("CI", "true"))).isTrue();
        assertThat(DaemonClient.inCi(Map.of("CI", "1"))).isTrue();
        assertThat(DaemonClient.inCi(Map.of("CI", "false"))).isFalse();
        assertThat(DaemonClient.inCi(Map.of("CI", ""))).isFalse();
        assertThat(DaemonClient.inCi(Map.of())).isFalse();
    }

    @Test
    void noDaemonWithoutTheShadedJarOrACacheFolder() {
        // the plugin's own tests run from classes folders: there is no jar for a daemon to start from
        assertThat(DaemonClient.endpoint(sockets, AuditFork.DEFAULT_JVM_ARGS, 600, new RecordingOutput())).isNull();
        assertThat(DaemonClient.run(settings(), AuditFork.DEFAULT_JVM_ARGS, null, 600, new RecordingOutput())).isNull();
    }
}
