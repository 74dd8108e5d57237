package io.samokoder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line, run as a separate process (its own JVM, exit code, stdout and stderr), on a repository of hostile
 * entries: malformed YAML, an alias bomb, 10,000-level nesting, a 200 MB file, binary files named {@code .yml}, symbolic
 * link loops, a link to {@code /etc} and one to a file outside the tree, invalid UTF-8, BOM and CRLF files, a FIFO
 * (the tests run as root, for whom {@code chmod 000} does not make a file unreadable; a FIFO without a writer blocks
 * whoever opens it, so finishing at all proves it was never opened), a {@code chmod 000} file, deep Markdown nesting
 * and Markdown links that escape the repository. Every entry ends as a finding or nothing, within a time limit, with
 * no stack trace; under {@code strace} (Debian package {@code strace}) no file outside the tree is opened beyond what the
 * JVM opens for an empty repository.
 */
class HostileInputTest {

    static final long LIMIT_SECONDS = Long.getLong("samokoder.hostile.limitSeconds", 90);

    @TempDir
    Path tmp;

    Path repo;
    Path outside;
    Path out;

    @BeforeEach
    void createTree() throws Exception {
        repo = Files.createDirectories(tmp.resolve("repo"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(outside.resolve("sentinel.md"), "# Outside\n\nNot part of the repository.\n");
        Files.writeString(outside.resolve("secrets.yml"), "password: do-not-read\n");

        write("docker-compose.yml", "services:\n  web:\n    image: [nginx\n    ports: \"80:80\"\n");
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String prev = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, prev)))
                    .append("]\n");
        }
        write("monitoring/prometheus.yml", bomb.toString());
        write("docker-compose.nested.yml", "x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        write("docker-compose.deep-map.yml", "x: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");
        byte[] binary = new byte[4096];
        new java.util.Random(1).nextBytes(binary);
        binary[10] = 0;
        Files.write(repo.resolve("monitoring/alertmanager.yml"), binary);
        Files.write(repo.resolve("logo.png.yml"), binary);
        try (RandomAccessFile huge = new RandomAccessFile(repo.resolve("monitoring/huge.rules.yml").toFile(), "rw")) {
            huge.setLength(200L * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
        }
        Files.write(repo.resolve("docker-compose.latin1.yml"),
                "services:\n  caf\u00e9:\n    image: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(repo.resolve("compose.yaml"), ("\uFEFFservices:\r\n  web:\r\n    image: nginx:1.27\r\n"
                + "    ports:\r\n      - \"127.0.0.1:8080:80\"\r\n").getBytes(StandardCharsets.UTF_8));
        Files.write(repo.resolve("crlf.md"), "# Title\r\n\r\nSee [below](#title).\r\n".getBytes(StandardCharsets.UTF_8));
        write("README.md", "# Hostile\n\n- [outside](../outside/sentinel.md)\n- [passwd](/etc/passwd)\n"
                + "- [shadow](../../../../../../../../etc/shadow)\n- [up](../../README.md#x)\n"
                + "- [secrets](../outside/secrets.yml)\n- [linked](linked-outside.md)\n");
        write("docs/deep.md", ">".repeat(10_000) + " deep\n\n" + nestedList(300) + "[x](" + "../".repeat(50)
                + "etc/hostname)\n");
        Files.createSymbolicLink(repo.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(repo.resolve("linked-outside.md"), outside.resolve("sentinel.md"));
        Files.createSymbolicLink(repo.resolve("loop.yml"), repo.resolve("loop.yml"));
        Files.createSymbolicLink(repo.resolve("dir-a"), repo.resolve("dir-b"));
        Files.createSymbolicLink(repo.resolve("dir-b"), repo.resolve("dir-a"));
        Files.createDirectories(repo.resolve("real"));
        write("real/compose.yml", "services: {}\n");
        Files.createSymbolicLink(repo.resolve("real/self"), repo.resolve("real"));
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", repo.resolve("pipe.yml").toString()).start().waitFor() == 0,
                "mkfifo is needed for the FIFO entry");
        Path locked = write("locked.env", "API_TOKEN=x\n");
        locked.toFile().setReadable(false, false);
    }

    private static String nestedList(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append("  ".repeat(i)).append("- item\n");
        }
        return sb.append('\n').toString();
    }

    private Path write(String rel, String text) throws IOException {
        Path p = repo.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    record Result(int code, String out, String err) {
    }

    /** Runs the CLI's main class in a new JVM, optionally under {@code strace}. */
    static Result runCli(List<String> prefix, List<String> args, Path dir) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the CLI did not finish within " + LIMIT_SECONDS + " s: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyHostileEntryEndsAsAFindingOrNothingWithoutStackTraceOrHang() throws Exception {
        Path json = out.resolve("report.json");
        Result r = runCli(List.of(), List.of(repo.toString(), "--fail-on-violation=false", "--json", json.toString()),
                out);
        assertThat(r.code()).as(r.err()).isEqualTo(Main.PASSED);
        assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Error:")
                .doesNotContain("do-not-read");
        assertThat(r.out()).contains("samokoder readiness score:");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        List<String> findings = new ArrayList<>();
        report.get("findings").forEach(f -> findings.add(f.get("path").asText() + " " + f.get("ruleId").asText() + " "
                + f.get("message").asText()));
        String all = String.join("\n", findings);
        assertThat(all).as("no check may crash").doesNotContain("config/check-failed");
        assertThat(findings).anyMatch(f -> f.startsWith("docker-compose.yml config/invalid-yaml YAML does not parse"));
        assertThat(findings).anyMatch(f -> f.startsWith("monitoring/prometheus.yml config/invalid-yaml")
                && f.contains("alias"));
        assertThat(findings).anyMatch(f -> f.startsWith("docker-compose.nested.yml config/invalid-yaml")
                && f.contains("loader limits"));
        assertThat(findings).anyMatch(f -> f.startsWith("docker-compose.deep-map.yml config/invalid-yaml")
                && f.contains("loader limits"));
        assertThat(findings).anyMatch(f -> f.startsWith("monitoring/alertmanager.yml config/invalid-yaml not YAML"));
        assertThat(findings).anyMatch(f -> f.startsWith("monitoring/huge.rules.yml config/skipped-file")
                && f.contains("larger than"));
        assertThat(findings).anyMatch(f -> f.startsWith("etc config/skipped-file") && f.contains("outside"));
        assertThat(findings).anyMatch(f -> f.startsWith("linked-outside.md config/skipped-file")
                && f.contains("outside"));
        assertThat(findings).anyMatch(f -> f.startsWith("loop.yml config/skipped-file") && f.contains("loop"));
        assertThat(findings).anyMatch(f -> f.startsWith("pipe.yml config/skipped-file")
                && f.contains("not a regular file"));
        assertThat(findings).noneMatch(f -> f.startsWith("compose.yaml config/invalid-yaml"));
        assertThat(findings).noneMatch(f -> f.startsWith("docker-compose.latin1.yml config/invalid-yaml"));
        assertThat(findings).noneMatch(f -> f.startsWith("real/compose.yml config/"));
        assertThat(findings).noneMatch(f -> f.contains("do-not-read"));
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThat(findings).anyMatch(f -> f.startsWith("locked.env config/skipped-file"));
        }
        // a second run gives the same bytes: hostile input does not make the audit nondeterministic
        Path json2 = out.resolve("report2.json");
        runCli(List.of(), List.of(repo.toString(), "--fail-on-violation=false", "--json", json2.toString()), out);
        assertThat(Files.readString(json2)).isEqualTo(Files.readString(json));
    }

    private static final Pattern OPEN = Pattern.compile("^\\d+\\s+open(?:at|at2)?\\((?:AT_FDCWD|\\d+), \"([^\"]*)\"");

    /** Paths a traced run tried to open (successfully or not). */
    static Set<String> opened(Path trace) throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        try (Stream<String> lines = Files.lines(trace, StandardCharsets.ISO_8859_1)) {
            lines.forEach(l -> {
                Matcher m = OPEN.matcher(l);
                if (m.find()) {
                    paths.add(m.group(1));
                }
            });
        }
        return paths;
    }

    static boolean hasStrace() {
        try {
            return new ProcessBuilder("strace", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void opensNoFileOutsideTheTreeBeyondWhatTheJvmItselfOpens() throws Exception {
        if (!hasStrace()) {
            // as the rules module's ExternalTools: .ci/run requires its peer tools, a developer's machine may skip
            if (Boolean.getBoolean("samokoder.requirePeers")
                    || "true".equalsIgnoreCase(System.getenv("SAMOKODER_REQUIRE_PEERS"))) {
                throw new AssertionError("strace is required here (.ci/run installs the Debian package strace)");
            }
            Assumptions.abort("strace is not installed; the file-access check skipped (.ci/run installs it)");
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path baseTrace = out.resolve("base.trace");
        Path trace = out.resolve("hostile.trace");
        List<String> strace = List.of("strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o");
        Result base = runCli(concat(strace, baseTrace.toString()),
                List.of(empty.toString(), "--fail-on-violation=false", "--json", out.resolve("b.json").toString()), out);
        Result hostile = runCli(concat(strace, trace.toString()),
                List.of(repo.toString(), "--fail-on-violation=false", "--json", out.resolve("h.json").toString()), out);
        if (base.code() != 0 && base.err().contains("ptrace")) {
            Assumptions.abort("ptrace not permitted here: " + base.err().lines().findFirst().orElse(""));
        }
        assertThat(hostile.code()).as(hostile.err()).isEqualTo(Main.PASSED);
        Set<String> allowed = opened(baseTrace);
        Set<String> seen = opened(trace);
        assertThat(seen).as("the trace recorded the audit").anyMatch(p -> p.startsWith(repo.toString()));
        Path realRepo = repo.toRealPath();
        String home = System.getProperty("java.home");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Set<String> classpath = Set.of(cp.split(File.pathSeparator));
        List<String> unexpected = new ArrayList<>();
        for (String p : seen) {
            if (!p.startsWith("/")) {
                // relative: the JVM's own /proc/self/task/<tid> and hsperfdata clean-up ("." after a chdir)
                if (!p.matches("\\d+") && !allowed.contains(p)) {
                    unexpected.add(p + " (relative)");
                }
                continue;
            }
            if (p.startsWith(repo + "/") || p.equals(repo.toString())) {
                // inside the tree: must not reach outside through a link
                Path real;
                try {
                    real = Path.of(p).toRealPath();
                } catch (IOException e) {
                    continue; // does not exist (a probe): nothing was read
                }
                if (!real.startsWith(realRepo)) {
                    unexpected.add(p + " -> " + real);
                }
                if (p.endsWith("/pipe.yml") || p.endsWith("/huge.rules.yml")) {
                    unexpected.add(p + " (must never be opened)");
                }
                continue;
            }
            boolean jvm = allowed.contains(p) || p.startsWith(out.toString()) || p.startsWith(home)
                    || p.startsWith("/proc/") || p.startsWith("/sys/") || p.startsWith("/dev/")
                    || p.startsWith("/tmp/hsperfdata") || p.contains("/hsperfdata_")
                    // a jar of the class path, or a class of a folder on it (the reactor's rules/target/classes)
                    || classpath.stream().anyMatch(c -> p.equals(c) || p.startsWith(c + "/"))
                    || p.startsWith("/usr/lib/jvm/") || p.endsWith(".so") || p.contains(".so.")
                    // glibc's message catalogues, looked up when strerror() describes ELOOP for the link loops
                    || p.startsWith("/usr/share/locale/") || p.startsWith("/usr/lib/locale/");
            if (!jvm) {
                unexpected.add(p);
            }
        }
        assertThat(unexpected).as("files opened outside the repository").isEmpty();
        assertThat(seen).noneMatch(p -> p.startsWith(outside.toString()));
        assertThat(seen).noneMatch(p -> p.equals("/etc/shadow") || p.equals("/etc/hostname"));
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> l = new ArrayList<>(a);
        l.add(b);
        return l;
    }
}
