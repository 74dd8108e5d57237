package io.samokoder.maven;

import io.samokoder.engine.AuditException;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code check} goal's side of the {@link AuditDaemon}: finds the daemon for this JDK, plugin jar and JVM
 * options, starts one when none answers, and asks it for the audit. Whenever no daemon can serve (the first build,
 * which writes the class-data archive the daemon starts from; no Unix domain sockets or peer credentials; a socket
 * path too long; a daemon that does not come up or dies), it answers null and the goal forks as before.
 */
final class DaemonClient {

    /** How long a build waits for a daemon it started to listen; it comes up in about 0.1 s from the archive. */
    static final long START_WAIT_MILLIS = 5_000;
    /** A daemon's log (a line per build) is started afresh by the next daemon once it is this long. */
    private static final long MAX_LOG = 1L << 20;
    /** The longest socket path Linux and macOS accept, with a margin. */
    private static final int MAX_SOCKET_PATH = 100;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private DaemonClient() {
    }

    /**
     * The daemon's verdict, or null when no daemon can serve this build (the caller forks).
     *
     * @throws AuditException when the audit ends in an error, as a forked audit would
     */
    static CheckRun.Verdict run(CheckSettings settings, List<String> jvmArgs, Path cacheDir, long idleSeconds,
                                CheckRun.Output out) {
        Endpoint endpoint = endpoint(cacheDir, jvmArgs, idleSeconds, out);
        if (endpoint == null) {
            return null;
        }
        Path socket = endpoint.socket();
        SocketChannel channel = connect(socket);
        if (channel == null) {
            channel = start(endpoint, jvmArgs, idleSeconds, out);
            if (channel == null) {
                return null;
            }
        }
        try (SocketChannel open = channel) {
            CheckRun.Verdict verdict = ask(open, Path.of(System.getProperty("user.dir")).toAbsolutePath(),
                    System.getenv(), settings, out);
            if (verdict == null) {
                out.debug("samokoder: the audit daemon at " + socket + " ended before a result; forking instead");
            }
            return verdict;
        } catch (IOException e) {
            out.debug("samokoder: the audit daemon at " + socket + " failed (" + e.getMessage() + "); forking instead");
            return null;
        }
    }

    /**
     * Asks a daemon for one audit and replays its lines; null when it ended before a verdict.
     *
     * @throws AuditException when the audit ends in an error
     */
    static CheckRun.Verdict ask(SocketChannel channel, Path cwd, Map<String, String> env, CheckSettings settings,
                                CheckRun.Output out) throws IOException {
        PrintStream request = new PrintStream(new BufferedOutputStream(Channels.newOutputStream(channel)), false,
                StandardCharsets.UTF_8);
        new AuditDaemon.Request(cwd, env, settings).write(request);
        request.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8));
        AuditFork.Replay replay = AuditFork.replay(in, out, true);
        replay.stray().forEach(out::warn);
        if (replay.error() != null) {
            throw new AuditException(replay.error());
        }
        return replay.verdict();
    }

    /** Where the daemon listens, and the jar and class-data archive it is started from. */
    record Endpoint(Path socket, Path jar, Path archive) {
    }

    /**
     * The daemon's socket for this JDK, jar, JVM options, forwarded properties and idle timeout: a new plugin build
     * or other options get a daemon of their own. Null when no daemon can be used here.
     */
    static Endpoint endpoint(Path cacheDir, List<String> jvmArgs, long idleSeconds, CheckRun.Output out) {
        Path jar = AuditFork.shadedJar();
        if (jar == null || cacheDir == null || !supported()) {
            return null;
        }
        Path archive = AuditFork.archive(cacheDir, List.of(jar), jvmArgs);
        if (archive == null || !Files.isRegularFile(archive)) {
            return null; // the first build forks and writes the archive the daemon then starts from
        }
        Path folder = privateFolder(cacheDir.resolve("daemon"));
        if (folder == null) {
            out.debug("samokoder: no private folder for the audit daemon under " + cacheDir + "; forking");
            return null;
        }
        String key = archive.getFileName() + "\n" + AuditFork.forwardedProperties() + "\n" + idleSeconds + "\n"
                + System.getProperty("file.encoding");
        Path socket = folder.resolve(Long.toHexString(AuditFork.fnv1a(key)) + ".sock");
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            out.debug("samokoder: the audit daemon's socket path is too long (" + socket + "); forking");
            return null;
        }
        return new Endpoint(socket, jar, archive);
    }

    /** Unix domain sockets with peer credentials (Linux, macOS): the daemon answers only its own user. */
    static boolean supported() {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return probe.supportedOptions().contains(jdk.net.ExtendedSocketOptions.SO_PEERCRED);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * The folder of the daemons' sockets, created readable by its owner only; null when it cannot be made so or
     * belongs to someone else (another user could otherwise put a socket of theirs where the build looks).
     */
    static Path privateFolder(Path folder) {
        try {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory() || !attributes.owner().getName().equals(System.getProperty("user.name"))) {
                return null;
            }
            if (!attributes.permissions().equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
            }
            return folder;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private static SocketChannel connect(Path socket) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return null; // a socket left by a daemon that was killed: the new daemon replaces it
        }
    }

    /**
     * Starts a daemon detached from the build (its output goes to a log file next to its socket, so it holds none
     * of the build's streams) and connects to it once it listens; null if it does not come up.
     */
    private static SocketChannel start(Endpoint endpoint, List<String> jvmArgs, long idleSeconds,
                                       CheckRun.Output out) {
        Path socket = endpoint.socket();
        List<String> sharing = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + endpoint.archive()));
        sharing.addAll(AuditFork.QUIET_SHARING);
        List<String> command = AuditFork.command(sharing, jvmArgs, List.of(endpoint.jar()), AuditDaemon.class,
                List.of(socket.toString(), Long.toString(idleSeconds)));
        out.debug("samokoder: starting the audit daemon: " + AuditFork.printable(command));
        Process process;
        try {
            String name = socket.getFileName().toString();
            Path log = socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + ".log");
            if (Files.isRegularFile(log) && Files.size(log) > MAX_LOG) {
                Files.delete(log);
            }
            // appended to: two builds starting a daemon at once share the file, and the second must not cut the first
            process = new ProcessBuilder(command).directory(socket.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            out.debug("samokoder: cannot start the audit daemon (" + e.getMessage() + "); forking");
            return null;
        }
        long deadline = System.nanoTime() + START_WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            SocketChannel channel = connect(socket);
            if (channel != null) {
                return channel;
            }
            if (!process.isAlive()) {
                SocketChannel other = connect(socket); // another build's daemon won the socket, and this one left
                if (other != null) {
                    return other;
                }
                out.debug("samokoder: the audit daemon exited with code " + process.exitValue() + "; forking");
                return null;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        out.debug("samokoder: the audit daemon did not listen within " + START_WAIT_MILLIS + " ms; forking");
        return null;
    }

    /** Continuous integration runs each build on a fresh machine: a daemon would only outlive the job there. */
    static boolean inCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }
}
