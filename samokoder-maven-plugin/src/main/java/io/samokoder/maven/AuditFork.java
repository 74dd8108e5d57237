package io.samokoder.maven;

import io.samokoder.engine.AuditException;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.LineEscape;
import io.samokoder.engine.Masking;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@code check} in a JVM of its own. In the build's JVM every class of the audit (about 1,800 with flexmark,
 * snakeyaml and Jackson) is loaded from the jar, verified and interpreted cold on every build; a JVM of its own maps
 * them from a class-data-sharing archive written by its first run, and runs the client compiler only, which a
 * seconds-long batch job never pays back C2 for (docs/benchmarks.md).
 */
final class AuditFork {

    /** The CLI launcher's settings (scripts/samokoder), without its heap cap: a build's tree may be any size. */
    static final List<String> DEFAULT_JVM_ARGS = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
            "-XX:+UseParallelGC", "-XX:NewRatio=5");

    private AuditFork() {
    }

    /**
     * Audits in a new JVM and replays its lines into {@code out}. Throws {@link IOException} when the JVM cannot be
     * started (the caller audits in its own JVM), {@link AuditException} when the audit ends in an error.
     */
    static CheckRun.Verdict run(CheckSettings settings, List<String> jvmArgs, Path cacheDir, boolean writeArchive,
                                CheckRun.Output out) throws IOException {
        Path jar = shadedJar();
        List<Path> classpath = jar != null ? List.of(jar) : javaClassPath();
        Path archive = cacheDir == null || jar == null ? null : archive(cacheDir, classpath, jvmArgs);
        Path dump = null;
        List<String> sharing = new ArrayList<>();
        if (archive != null && Files.isRegularFile(archive)) {
            sharing.add("-XX:SharedArchiveFile=" + archive);
            touch(archive);
        } else if (archive != null && !writeArchive) {
            out.debug("samokoder: no class-data archive in " + cacheDir + "; the audit JVM starts without one and"
                    + " writes none (a CI machine that kept no folder from an earlier build)");
        } else if (archive != null && writable(cacheDir)) {
            // modules of a parallel build audit at once in one build JVM: each dumps to a name of its own
            dump = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId() + "-" + System.nanoTime() + ".tmp");
            sharing.add("-XX:ArchiveClassesAtExit=" + dump);
        }
        if (!sharing.isEmpty()) {
            sharing.addAll(QUIET_SHARING);
        }
        Path dumpFile = dump; // removed at the end whatever happens: moved into place, or left by a failed run
        try {
            Attempt attempt = attempt(command(sharing, jvmArgs, classpath, settings), out, dump != null);
            if (!attempt.started() && !sharing.isEmpty()) {
                // a JVM that refuses class data sharing at start (a Java agent in jvmArgs or JAVA_TOOL_OPTIONS, or
                // -Xshare:off, cannot dump an archive) must not cost the audit: once more without it
                out.debug("samokoder: the audit JVM did not start with class data sharing (exit code " + attempt.code()
                        + ": " + String.join(" ", attempt.stray()) + "); starting it without");
                dump = null;
                attempt = attempt(command(List.of(), jvmArgs, classpath, settings), out, false);
            }
            attempt.stray().forEach(out::warn);
            if (attempt.error() != null) {
                throw new AuditException(attempt.error());
            }
            if (attempt.verdict() == null) {
                List<String> command = attempt.command();
                throw new AuditException("the audit JVM ended with exit code " + attempt.code() + " before a result ("
                        + printable(command.subList(0, command.indexOf("-cp"))) + ")");
            }
            if (dump != null && Files.isRegularFile(dump)) {
                try {
                    Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    prune(cacheDir);
                } catch (IOException e) {
                    // another build's JVM wrote the same archive, or the folder forbids it: the next run tries again
                }
            }
            return attempt.verdict();
        } finally {
            if (dumpFile != null) {
                Files.deleteIfExists(dumpFile);
            }
        }
    }

    /**
     * Whether a run that finds no archive writes one. Writing makes the audit JVM about 0.25 s slower than running
     * without (dumping 10 MB at exit), which pays back only on a machine that keeps the folder for later builds.
     * Outside CI: always. In CI, a folder the user named ({@code cacheDir}) is one the CI caches: at once. The default
     * folder only when an earlier build on this machine left it; this call leaves it for the next, so a runner that
     * keeps its home folder writes from its second build on, and a fresh machine per build (hosted runners,
     * containers) never pays for an archive nobody will read.
     */
    static boolean writesArchive(Path cacheDir, boolean named, boolean ci) {
        if (cacheDir == null || !ci || named || Files.isDirectory(cacheDir)) {
            return true;
        }
        writable(cacheDir);
        return false;
    }

    /** An archive the JVM cannot use is skipped, silently. */
    static final List<String> QUIET_SHARING = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private static List<String> command(List<String> sharing, List<String> jvmArgs, List<Path> classpath,
                                        CheckSettings settings) {
        return command(sharing, jvmArgs, classpath, ForkedCheck.class, settings.toArgs());
    }

    /** A JVM of this Java running {@code main} with the build's network settings and the user's options. */
    static List<String> command(List<String> sharing, List<String> jvmArgs, List<Path> classpath, Class<?> main,
                                List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(sharing);
        command.addAll(forwardedProperties());
        command.addAll(jvmArgs); // last, so that the user's options win
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /** The exit code of an attempt whose JVM was still exiting when its verdict was read. */
    static final int NOT_AWAITED = -1;

    /** One run of the audit JVM: its command, what its lines said ({@link Replay}) and its exit code. */
    record Attempt(List<String> command, boolean started, CheckRun.Verdict verdict, String error, int code,
                           List<String> stray) {
    }

    /**
     * @param awaitExit whether to wait for the JVM to end after its verdict: the first run writes its class-data
     *                  archive while it exits. Otherwise the build goes on at the verdict, the last line the JVM
     *                  writes (its reports are written before it), while the JVM shuts down, about 17 ms.
     */
    static Attempt attempt(List<String> command, CheckRun.Output out, boolean awaitExit) throws IOException {
        out.debug("samokoder: audit JVM: " + printable(command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .directory(new File(System.getProperty("user.dir"))); // user paths are relative to the build's folder
        Process process = builder.start();
        boolean ended = false;
        try {
            process.getOutputStream().close();
            Replay replay;
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                replay = replay(in, out, !awaitExit);
                ended = !awaitExit && replay.ended();
            }
            return new Attempt(command, replay.started(), replay.verdict(), replay.error(),
                    ended ? NOT_AWAITED : waitFor(process), replay.stray());
        } finally {
            if (!ended && process.isAlive()) { // failed before its verdict: a JVM that hangs must not outlive the goal
                process.destroyForcibly();
            }
        }
    }

    /**
     * What an audit JVM's lines said (see {@link ForkedCheck}). {@code started}: at least one line was ours. Lines
     * that are not ours (a library or the JVM wrote to standard output) are relayed as warnings once the protocol has
     * begun; before that they are kept in {@code stray}, since a JVM that fails at start writes its reason there.
     */
    record Replay(boolean started, CheckRun.Verdict verdict, String error, List<String> stray) {
        boolean ended() {
            return verdict != null || error != null;
        }
    }

    /** Replays the lines into {@code out} until the end of the stream, or the verdict or error if {@code untilVerdict}. */
    static Replay replay(BufferedReader in, CheckRun.Output out, boolean untilVerdict) throws IOException {
        CheckRun.Verdict verdict = null;
        String error = null;
        boolean started = false;
        List<String> stray = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            char kind = line.length() >= 2 && line.charAt(1) == ' ' && ForkedCheck.KINDS.indexOf(line.charAt(0)) >= 0
                    ? line.charAt(0) : '?';
            if (kind == '?') {
                if (started) {
                    out.warn(line);
                } else {
                    stray.add(line);
                }
                continue;
            }
            if (!started) {
                started = true;
                stray.forEach(out::warn);
                stray.clear();
            }
            String text = LineEscape.unescape(line.substring(2));
            switch (kind) {
                case 'I' -> out.info(text);
                case 'W' -> out.warn(text);
                case 'R' -> out.raw(text);
                case 'P' -> verdict = new CheckRun.Verdict(true, false, text);
                case 'V' -> verdict = new CheckRun.Verdict(false, false, text);
                case 'F' -> verdict = new CheckRun.Verdict(false, true, text);
                default -> error = text;
            }
            if ((verdict != null || error != null) && untilVerdict) {
                break;
            }
        }
        return new Replay(started, verdict, error, List.copyOf(stray));
    }

    /** Network settings of the build's JVM (MAVEN_OPTS), which the online link check must use in the audit JVM too. */
    static final List<String> FORWARDED_PROPERTIES = List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts",
            "https.proxyHost", "https.proxyPort", "socksProxyHost", "socksProxyPort", "java.net.useSystemProxies",
            "javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType"); // never a password: the command line is logged

    static List<String> forwardedProperties() {
        List<String> args = new ArrayList<>();
        for (String name : FORWARDED_PROPERTIES) {
            String value = System.getProperty(name);
            if (value != null) {
                args.add("-D" + name + "=" + value);
            }
        }
        return args;
    }

    private static final Pattern SECRET_PROPERTY = Pattern.compile("(-D[^=]*(?i:pass|secret|token|credential|key)[^=]*=)(.*)");

    /** The command for the log: a {@code -D} option whose name says it holds a secret shows its value masked. */
    static String printable(List<String> command) {
        List<String> shown = new ArrayList<>(command.size());
        for (String arg : command) {
            Matcher m = SECRET_PROPERTY.matcher(arg);
            shown.add(m.matches() ? m.group(1) + Masking.mask(m.group(2)) : arg);
        }
        return String.join(" ", shown);
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("audit interrupted");
        }
    }

    private static Path javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path windows = bin.resolve("java.exe");
        return Files.isRegularFile(windows) ? windows : bin.resolve("java");
    }

    /**
     * The plugin's shaded jar, which holds the engine and its libraries and alone is the audit JVM's classpath; none
     * in the plugin's own tests, where the engine comes from this JVM's classpath and no archive is written.
     */
    static Path shadedJar() {
        Path own = location(ForkedCheck.class);
        return own != null && own.equals(location(Auditor.class)) && Files.isRegularFile(own) ? own : null;
    }

    private static List<Path> javaClassPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        return entries;
    }

    private static Path location(Class<?> type) {
        try {
            URL url = type.getProtectionDomain().getCodeSource().getLocation();
            return url == null ? null : Path.of(url.toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The archive for this JVM, these options and these jars (by path, size and time): the JVM refuses an archive
     * of other jars, so a new build of the plugin gets a new one. None when a classpath entry is a folder, which
     * class-data sharing does not support.
     */
    static Path archive(Path cacheDir, List<Path> classpath, List<String> jvmArgs) {
        StringBuilder key = new StringBuilder(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n').append(jvmArgs).append('\n');
        for (Path entry : classpath) {
            if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
                return null;
            }
            try {
                key.append(entry).append(' ').append(Files.size(entry)).append(' ')
                        .append(Files.getLastModifiedTime(entry).toMillis()).append('\n');
            } catch (IOException e) {
                return null;
            }
        }
        return cacheDir.resolve("check-" + Long.toHexString(fnv1a(key.toString())) + ".jsa");
    }

    /** FNV-1a, 64 bits: a cache key, not a defence; a message digest would load the security providers cold. */
    static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Archives kept: each new plugin build or JDK writes one of about 10 MB; the least recently used go. */
    static final int ARCHIVES_KEPT = 4;

    static void prune(Path cacheDir) throws IOException {
        List<Path> archives;
        try (Stream<Path> files = Files.list(cacheDir)) {
            archives = files.filter(f -> f.getFileName().toString().matches("check-[0-9a-f]+\\.jsa"))
                    .sorted(Comparator.comparing(AuditFork::lastModified).reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
        for (Path old : archives.subList(Math.min(ARCHIVES_KEPT, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void touch(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | SecurityException e) {
            // a shared read-only cache: it is only pruned less well
        }
    }

    private static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException e) {
            return false;
        }
    }
}
