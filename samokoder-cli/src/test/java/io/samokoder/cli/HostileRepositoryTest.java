package io.samokoder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line, as a separate process, on repositories built at test time from the hostile inputs of issue 25:
 * names with a backslash or bytes that are not UTF-8 (F2, F3), names that forge GitHub workflow commands (F4), Markdown
 * that was quadratic to parse (F7), a credential in a scrape target (F12), an oversized {@code .gitignore} (F9), a
 * baseline and a suppressions file that are FIFOs (F15), links to loopback in the decimal and IPv4-mapped forms (F6).
 * Each asserts the exact outcome: exit code, findings, the output as the GitHub runner reads it, within the time
 * limit of {@link HostileInputTest#runCli}; under {@code strace}, nothing is opened for writing outside the test's
 * folders and nothing read outside the tree beyond what the JVM reads.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileRepositoryTest {

    @TempDir
    Path tmp;

    Path repo;
    Path out;
    /** The CLI's heap; the launcher script and the pre-commit hook use 400m. */
    String heap = "-Xmx512m";
    /** Whether the CLI reads the repository's .samokoder.yml (by default it is told not to). */
    boolean readConfig;

    @BeforeEach
    void folders() throws IOException {
        Assumptions.assumeTrue(File.separatorChar == '/', "file names a Linux filesystem allows");
        repo = Files.createDirectories(tmp.resolve("repo"));
        out = Files.createDirectories(tmp.resolve("out"));
    }

    private Path write(String rel, String text) throws IOException {
        Path p = repo.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private void shell(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).directory(repo.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(text).isZero();
    }

    record Run(int code, String out, String err, List<JsonNode> findings) {
        List<String> described() {
            return findings.stream().map(f -> f.get("path").asText() + ":" + f.get("line").asInt() + " "
                    + f.get("ruleId").asText() + " " + f.get("severity").asText()).toList();
        }

        String messages() {
            return String.join("\n", findings.stream().map(f -> f.get("message").asText()).toList());
        }
    }

    /** The CLI in its own JVM with {@code env} added to the environment, optionally under a command prefix. */
    private Run cli(Map<String, String> env, List<String> prefix, String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-cp", cp,
                Main.class.getName()));
        Path json = Files.createTempFile(out, "report", ".json");
        Files.delete(json);
        cmd.addAll(List.of(args));
        if (!readConfig) {
            cmd.add("--no-config");
        }
        cmd.addAll(List.of("--json", json.toString()));
        Path stdout = Files.createTempFile(out, "out", ".txt");
        Path stderr = Files.createTempFile(out, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().remove("GITHUB_ACTIONS");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(HostileInputTest.LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the CLI did not finish within " + HostileInputTest.LIMIT_SECONDS + " s");
        }
        List<JsonNode> findings = new ArrayList<>();
        if (Files.exists(json)) {
            new ObjectMapper().readTree(json.toFile()).get("findings").forEach(findings::add);
        }
        return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr), findings);
    }

    private Run cli(String... args) throws Exception {
        return cli(Map.of(), List.of(), args);
    }

    /** A deployable stack (an application published on port 80, not only backing services a developer runs). */
    private static final String WEAK_COMPOSE = "services:\n  db:\n    image: postgres:16\n    environment:\n"
            + "      POSTGRES_PASSWORD: password\n  api:\n    image: acme/api:1\n    ports: [\"80:8000\"]\n";

    @Test
    void aBackslashInAFolderNameSwitchesNoCheckOff() throws Exception {
        write("a\\b/docker-compose.yml", WEAK_COMPOSE);
        Run r = cli(repo.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.FAILED);
        assertThat(r.described()).contains("a\\b/docker-compose.yml:5 secrets/weak-value high")
                .noneMatch(f -> f.contains("config/check-failed"));
        // the finding is printed once, with the console's findings; the gate's summary on stderr names its rule
        assertThat(r.out()).contains("a\\b/docker-compose.yml:5: [secrets/weak-value] high");
        assertThat(r.err()).contains("failed by: secrets/weak-value (1)");
    }

    @Test
    void namesThatAreNotUtf8AreAuditedUnderEitherLocale() throws Exception {
        shell("d=$(printf 'bad\\377'); mkdir \"$d\" && printf 'AWS_ACCESS_KEY_ID=AKIAQ3EGRXMPLE7KQ2ZT\\n"
                + "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY9\\n' > \"$d/.env\" && mkdir café");
        Files.writeString(repo.resolve("café/docker-compose.yml"), WEAK_COMPOSE);
        try (Stream<Path> entries = Files.list(repo)) {
            Path bad = entries.filter(p -> p.getFileName().toString().startsWith("bad")).findFirst().orElseThrow();
            Files.writeString(bad.resolve("docker-compose.yml"), WEAK_COMPOSE);
        }
        List<String> expected = List.of("bad\uFFFD/.env:1 secrets/known-token critical",
                "bad\uFFFD/.env:2 secrets/committed-env-file critical", "bad\uFFFD/docker-compose.yml:5 secrets/weak-value high",
                "café/docker-compose.yml:5 secrets/weak-value high");
        for (Map<String, String> locale : List.of(Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"),
                Map.of("LANG", "C", "LC_ALL", "C"))) {
            Run r = cli(locale, List.of(), repo.toString());
            assertThat(r.code()).as(locale + r.err()).isEqualTo(Main.FAILED);
            assertThat(r.described()).as(locale.toString()).containsAll(expected)
                    .noneMatch(f -> f.contains("config/invalid-yaml") || f.contains("config/check-failed"));
            assertThat(r.out() + r.err()).doesNotContain("wJalrXUtnFEMI");
        }
    }

    /** What the GitHub Actions runner takes for a command (see the rules module's ForgedOutputTest). */
    private static Optional<String> command(String line) {
        String trimmed = line.replaceFirst("^[\\s\\u00a0\\u2000-\\u200a\\u3000]+", "");
        if (trimmed.startsWith("::") && trimmed.indexOf("::", 2) > 0) {
            return Optional.of(trimmed.substring(2, trimmed.indexOf("::", 2)).split(" ", 2)[0]);
        }
        Matcher legacy = Pattern.compile("##\\[([^\\] ]+)").matcher(line);
        return legacy.find() ? Optional.of("##[" + legacy.group(1)) : Optional.empty();
    }

    @Test
    void folderNamesCannotForgeOrStopGithubAnnotations() throws Exception {
        List<String> names = List.of("x\n::error title=Forged::pwned\n::stop-commands::abc", "::warning::at the start",
                "old ##[stop-commands]token", "esc\u001b]0;title\u0007 and \u202eevil");
        for (String name : names) {
            write(name + "/docker-compose.yml", "services: [unclosed\n");
        }
        Run r = cli(Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", tmp.toString()), List.of(), repo.toString());
        assertThat(r.code()).isEqualTo(Main.FAILED);
        List<String> lines = new ArrayList<>();
        for (String stream : List.of(r.out(), r.err())) {
            lines.addAll(List.of(stream.split("\r\n|\r|\n", -1)));
        }
        List<String> commands = new ArrayList<>();
        for (String l : lines) {
            command(l).ifPresent(commands::add);
            assertThat(l.chars()).as(l).noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x202e);
        }
        assertThat(commands).containsExactly("error", "error", "error", "error"); // the four annotations
        assertThat(lines).filteredOn(l -> l.startsWith("::error ")).allSatisfy(l -> assertThat(l)
                .startsWith("::error file=repo/").contains("title=samokoder config/invalid-yaml (high)::"));
        assertThat(r.out()).contains("x\\n::error title=Forged::pwned\\n::stop-commands::abc/docker-compose.yml:1:",
                "\\x3a:warning::at the start/docker-compose.yml:1:", "old ##\\x5bstop-commands]token/",
                "esc\\x1b]0;title\\x07 and \\u202eevil/");
    }

    @Test
    void markdownThatWasQuadraticParsesWithinTheLimit() throws Exception {
        write("README.md", "# Hostile\n");
        StringBuilder perLine = new StringBuilder("# Links\n\n");
        for (int i = 0; i < 100_000; i++) {
            perLine.append("[link ").append(i).append("](../README.md)\n");
        }
        write("docs/links.md", perLine.toString());
        StringBuilder oneLine = new StringBuilder("# Line\n\n");
        while (oneLine.length() < 4_900_000) {
            oneLine.append("[link](../README.md) ");
        }
        write("docs/line.md", oneLine.append('\n').toString());
        write("docs/divs.md", "# Divs\n\nx " + "<div>".repeat(200_000) + "x" + "</div>".repeat(200_000) + "\n");
        write("docs/brackets.md", "# Brackets\n\n" + "[a](".repeat(500_000) + "\n\n[ok](../README.md)\n");
        Run r = cli(repo.toString(), "--fail-on-violation=false");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.PASSED);
        assertThat(r.described()).noneMatch(f -> f.contains("config/check-failed") || f.startsWith("docs/")
                && (f.contains("broken") || f.contains("skipped")));
        assertThat(r.out()).contains("files: 5 audited, 0 skipped");
    }

    @Test
    void aCredentialInAScrapeTargetIsMaskedEverywhere() throws Exception {
        write("docker-compose.yml", "services:\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    volumes:\n"
                + "      - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro\n");
        write("prometheus.yml", "scrape_configs:\n  - job_name: node\n    static_configs:\n"
                + "      - targets: ['admin:Sup3rSecretPass@nodehost:9100']\n");
        Path sarif = out.resolve("r.sarif");
        Run r = cli(Map.of("GITHUB_ACTIONS", "true"), List.of(), repo.toString(), "--sarif", sarif.toString(),
                "--write-baseline", out.resolve("baseline.json").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.PASSED);
        Run audit = cli(Map.of("GITHUB_ACTIONS", "true"), List.of(), repo.toString(), "--sarif", sarif.toString());
        assertThat(audit.messages()).contains("scrape target 'admin:Su***(15)@nodehost:9100' (job node)");
        for (String text : List.of(audit.out(), audit.err(), audit.messages(), Files.readString(sarif),
                Files.readString(out.resolve("baseline.json")))) {
            assertThat(text).doesNotContain("Sup3rSecretPass");
        }
    }

    @Test
    void aGitignoreOverTheFileLimitIsNotParsedAndSaysSo() throws Exception {
        StringBuilder big = new StringBuilder("leak.env\n");
        String pad = "# " + "x".repeat(1000) + "\n";
        while (big.length() < 6 * 1024 * 1024) {
            big.append(pad);
        }
        write(".gitignore", big.toString());
        write("leak.env", "API_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345\n");
        Run r = cli(repo.toString(), "--fail-on-violation=false");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.PASSED);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.get("path").asText()).isEqualTo(".gitignore");
            assertThat(f.get("message").asText()).contains(".gitignore not applied: larger than 5242880 bytes");
        });
        assertThat(r.described()).anyMatch(f -> f.startsWith("leak.env:1 secrets/"));
        assertThat(r.err()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    @Test
    void aBaselineOrSuppressionsFileThatIsAFifoEndsTheRunWithOneLine() throws Exception {
        write("docker-compose.yml", "services: {}\n");
        Path pipe = out.resolve("baseline.json");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo");
        Run r = cli(repo.toString(), "--baseline", pipe.toString());
        assertThat(r.code()).isEqualTo(Main.ERROR);
        assertThat(r.err().strip()).isEqualTo("samokoder: cannot read baseline " + pipe
                + ": not a regular file (FIFO, socket or device)");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", repo.resolve(".samokoder-suppressions.yml").toString())
                .start().waitFor() == 0, "mkfifo");
        Run s = cli(repo.toString());
        assertThat(s.code()).isEqualTo(Main.ERROR);
        assertThat(s.err().strip()).endsWith(".samokoder-suppressions.yml: not a regular file (FIFO, socket or device)");
    }

    @Test
    void aBaselineFoundByItsNameThatLinksOutOfTheTreeEndsTheRunWithOneLine() throws Exception {
        write("docker-compose.yml", "services: {}\n");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("baseline.json"), "{\"findings\": []}\n");
        Files.createSymbolicLink(repo.resolve(".samokoder-baseline.json"), outside.resolve("baseline.json"));
        Run r = cli(repo.toString());
        assertThat(r.code()).isEqualTo(Main.ERROR);
        assertThat(r.err().strip()).isEqualTo("samokoder: cannot read baseline "
                + repo.resolve(".samokoder-baseline.json") + ": a symbolic link inside the repository");
    }

    @Test
    void loopbackLinksInTheDecimalAndMappedFormsAreNeverRequested() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            requests.incrementAndGet();
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            write("README.md", "# Links\n\n[decimal](http://2130706433:" + port + "/admin)\n"
                    + "[mapped](http://[::ffff:127.0.0.1]:" + port + "/admin)\n");
            Run r = cli(repo.toString(), "-O", "docs.online=true", "--fail-on-violation=false");
            assertThat(r.code()).as(r.err()).isEqualTo(Main.PASSED);
            assertThat(r.findings()).filteredOn(f -> f.get("ruleId").asText().equals("docs/broken-external-link"))
                    .extracting(f -> f.get("severity").asText() + " " + f.get("message").asText()).containsExactly(
                            "info `http://2130706433:" + port + "/admin` could not be verified (not requested:"
                                    + " 2130706433 is 127.0.0.1, a loopback address); not counted as broken",
                            "info `http://[::ffff:127.0.0.1]:" + port + "/admin` could not be verified (not requested:"
                                    + " ::ffff:127.0.0.1 resolves to 127.0.0.1, a loopback address); not counted as broken");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFlowListOfMillionsOfItemsIsOneFindingNotAnExhaustedHeap() throws Exception {
        // F1: with the launcher's 400 MB heap, 17 checks failed, the score rose and the gate passed
        write("docker-compose.yml", "services:\n  api:\n    image: nginx:1.27\n");
        write("docker-compose.override.yml", "services:\n  api:\n    command: [" + "a,".repeat(2_400_000) + "a]\n");
        heap = "-Xmx400m";
        Run r = cli(repo.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.FAILED);
        assertThat(r.described()).containsExactly("docker-compose.override.yml:3 config/invalid-yaml high");
        assertThat(r.messages()).isEqualTo("YAML rejected by loader limits (alias bomb, excessive nesting or size):"
                + " in the list started here, it exceeds the limit of 100000 items");
        assertThat(r.err()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void aCheckThatCannotFinishFailsTheGateUnlessTheCiOwnerSaysOtherwise() throws Exception {
        write("docker-compose.yml", "services:\n  api:\n    image: nginx:1.27\n");
        Run clean = cli(repo.toString());
        assertThat(clean.code()).as(clean.err()).isEqualTo(Main.PASSED);
        // a budget spent before the first check starts: every check fails, none is judged
        Run spent = cli(repo.toString(), "--time-budget", "0.001");
        assertThat(spent.code()).as(spent.out()).isEqualTo(Main.FAILED);
        assertThat(spent.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.get("ruleId").asText()).isEqualTo("config/check-failed");
            assertThat(f.get("message").asText()).matches("check [a-z]+/[a-z0-9-]+ did not (start: the audit's time"
                    + " budget of 1 ms was spent|finish within the audit's time budget of 1 ms)");
        });
        assertThat(spent.err()).contains("samokoder gate failed: " + spent.findings().size()
                + " checks could not finish (config/check-failed; failOnCheckError=false accepts that)");
        Run accepted = cli(repo.toString(), "--time-budget", "0.001", "--fail-on-check-error=false");
        assertThat(accepted.code()).as(accepted.err()).isEqualTo(Main.PASSED);
        assertThat(accepted.out()).contains("samokoder gate passed");
        // the repository's own settings cannot accept it
        write(".samokoder.yml", "failOnCheckError: false\nminScore: 0\n");
        readConfig = true;
        Run own = cli(repo.toString(), "--time-budget", "0.001");
        assertThat(own.code()).as(own.out()).isNotEqualTo(Main.PASSED);
        assertThat(own.err()).contains("unknown key 'failOnCheckError'");
    }

    @Test
    void aRevisionTupleOfAHundredThousandNamesIsOneFinding() throws Exception {
        // F8: 86 s, 5.3 GB, 100,001 findings and 300 MB of reports
        write("alembic.ini", "[alembic]\nscript_location = migrations\n");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            names.append(i == 0 ? "" : ", ").append("\"r").append(i).append('"');
        }
        write("migrations/versions/0001_big.py", "revision = \"big\"\ndown_revision = (" + names + ")\n"
                + "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n"
                + "    pass\n");
        heap = "-Xmx400m";
        Path sarif = out.resolve("r.sarif");
        Run r = cli(repo.toString(), "--sarif", sarif.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.FAILED);
        assertThat(r.described()).contains("migrations/versions/0001_big.py:2 migrations/unreadable-migration high")
                .noneMatch(f -> f.contains("check-failed") || f.contains("broken-chain")).hasSizeLessThan(10);
        assertThat(Files.size(sarif)).isLessThan(1 << 20);
    }

    @Test
    void aCheckListsAtMostAThousandFindingsAFileAndCountsTheRest() throws Exception {
        StringBuilder env = new StringBuilder("services:\n  api:\n    image: example/api:1.0\n    depends_on: [db]\n"
                + "  db:\n    image: postgres:16\n    environment:\n");
        for (int i = 0; i < 3_000; i++) {
            env.append("      P").append(i).append("_PASSWORD: password\n");
        }
        write("docker-compose.yml", env.toString());
        Run r = cli(repo.toString());
        assertThat(r.code()).isEqualTo(Main.FAILED);
        assertThat(r.findings()).hasSize(1_001);
        assertThat(r.findings()).filteredOn(f -> f.get("line").asInt() == 0).singleElement().satisfies(f -> {
            assertThat(f.get("severity").asText()).isEqualTo("high");
            assertThat(f.get("message").asText()).isEqualTo("… and 2000 more findings of secrets/weak-value in this"
                    + " file, not listed: a check reports at most 1000 a file");
        });
    }

    @Test
    void aSuppressionsEntryThatCannotMeanWhatItSaysIsAUsageError() throws Exception {
        write("docker-compose.yml", WEAK_COMPOSE);
        Map<String, String> files = Map.of(
                "suppressions: 5\n", ":1: 'suppressions' must be a list of entries (rule, path, line, reason), not '5'",
                "suppressions:\n  - rule: '*'\n    path: '[[[['\n    reason: r\n",
                ":2: 'path' is not a valid pattern (.gitignore syntax): '[[[['",
                "suppressions:\n  - rule: secrets/weak-value\n    line: -1\n    reason: r\n",
                ":2: 'line' must be a line number (1 or more), not -1");
        for (Map.Entry<String, String> e : files.entrySet()) {
            write(".samokoder-suppressions.yml", e.getKey());
            Run r = cli(repo.toString());
            assertThat(r.code()).as(e.getKey()).isEqualTo(Main.ERROR);
            assertThat(r.err()).isEqualTo("samokoder: suppressions file " + repo.resolve(".samokoder-suppressions.yml")
                    + e.getValue() + "\n");
        }
    }

    @Test
    void aSettingsFileCannotForgeCommandsThroughItsErrors() throws Exception {
        write("docker-compose.yml", "services: {}\n");
        write(".samokoder.yml", "minScore: \"x\\n::error title=Forged::pwned\"\nfailOnSeverity: \"\\n::stop-commands::abc\"\n");
        readConfig = true;
        Run r = cli(Map.of("GITHUB_ACTIONS", "true"), List.of(), repo.toString());
        assertThat(r.code()).isEqualTo(Main.ERROR);
        for (String line : (r.out() + r.err()).split("\r\n|\r|\n")) {
            assertThat(command(line)).as(line).isEmpty();
        }
        assertThat(r.err()).contains("\\x3a:error title=Forged::pwned");
    }

    @Test
    void theRepositorysSettingsCannotReachOutsideNorSwitchOnTheNetwork() throws Exception {
        // F5, F6: a baseline outside the tree had its first token echoed; docs.online from the file sent requests
        write("docker-compose.yml", "services: {}\n");
        Path secret = Files.writeString(tmp.resolve("shadow"), "root:$6$TOPSECRETHASH:19000:0:99999:7:::\n");
        readConfig = true;
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("baseline: ../shadow\n", "samokoder: .samokoder.yml:1: baseline must be a path inside the repository");
        cases.put("baseline: link.json\n", "samokoder: cannot read baseline " + repo.resolve("link.json"));
        cases.put("options: {docs.online: true}\n", "samokoder: option docs.online can be set only by the CI owner");
        cases.put("options: {docs.online.cache: " + out.resolve("cache.json") + "}\n",
                "samokoder: option docs.online.cache can be set only by the CI owner");
        cases.put("options: {secrets.patterns: ../shadow}\n",
                "samokoder: option secrets.patterns must name a file inside the repository, got '../shadow'");
        Files.createSymbolicLink(repo.resolve("link.json"), secret);
        for (Map.Entry<String, String> c : cases.entrySet()) {
            write(".samokoder.yml", c.getKey());
            Run r = cli(repo.toString());
            assertThat(r.code()).as(c.getKey() + r.err()).isEqualTo(Main.ERROR);
            assertThat(r.err()).as(c.getKey()).startsWith(c.getValue()).doesNotContain("TOPSECRET")
                    .doesNotContain("root:");
        }
        assertThat(out.resolve("cache.json")).doesNotExist();
        // the CI owner may
        write(".samokoder.yml", "minScore: 0\n");
        Run owner = cli(repo.toString(), "-O", "docs.online=true", "-O", "docs.online.cache="
                + out.resolve("cache.json"));
        assertThat(owner.code()).as(owner.err()).isEqualTo(Main.PASSED);
    }

    @Test
    void reportsCannotShareAPathNorOverwriteTheTree() throws Exception {
        // F14: --sarif X --json X kept one silently; --json at a file of the tree overwrote it
        write("docker-compose.yml", WEAK_COMPOSE);
        Path x = out.resolve("x");
        Run same = cli(repo.toString(), "--sarif", x.toString(), "--report", x.toString());
        assertThat(same.code()).isEqualTo(Main.ERROR);
        assertThat(same.err()).isEqualTo("samokoder: sarif and report both name " + x + ": each output needs its own"
                + " file\n");
        assertThat(x).doesNotExist();
        Run into = cli(repo.toString(), "--sarif", repo.resolve("docker-compose.yml").toString());
        assertThat(into.code()).isEqualTo(Main.ERROR);
        assertThat(into.err()).startsWith("samokoder: sarif " + repo.resolve("docker-compose.yml")
                + " lies inside the audited folder, outside its build folders (target/, build/)");
        assertThat(repo.resolve("docker-compose.yml")).hasContent(WEAK_COMPOSE.strip());
        Run build = cli(repo.toString(), "--sarif", repo.resolve("target/samokoder.sarif").toString());
        assertThat(build.code()).as(build.err()).isEqualTo(Main.FAILED);
        assertThat(repo.resolve("target/samokoder.sarif")).isRegularFile();
    }

    private static final Pattern OPEN = Pattern.compile(
            "^\\d+\\s+open(?:at|at2)?\\((?:AT_FDCWD|\\d+), \"((?:[^\"\\\\]|\\\\.)*)\", ([A-Z_|]+)");

    /** Paths a traced run opened, with whether for writing. */
    private static Map<String, Boolean> opened(Path trace) throws IOException {
        Map<String, Boolean> paths = new HashMap<>();
        try (Stream<String> lines = Files.lines(trace, StandardCharsets.ISO_8859_1)) {
            lines.forEach(l -> {
                Matcher m = OPEN.matcher(l);
                if (m.find()) {
                    boolean write = m.group(2).contains("O_WRONLY") || m.group(2).contains("O_RDWR")
                            || m.group(2).contains("O_CREAT");
                    paths.merge(m.group(1), write, Boolean::logicalOr);
                }
            });
        }
        return paths;
    }

    @Test
    void underStraceNothingIsWrittenOutsideTheTestsFoldersNorReadOutsideTheTree() throws Exception {
        if (!HostileInputTest.hasStrace()) {
            if (Boolean.getBoolean("samokoder.requirePeers")
                    || "true".equalsIgnoreCase(System.getenv("SAMOKODER_REQUIRE_PEERS"))) {
                throw new AssertionError("strace is required here (.ci/run installs the Debian package strace)");
            }
            Assumptions.abort("strace is not installed; the file-access check skipped (.ci/run installs it)");
        }
        write("a\\b/docker-compose.yml", WEAK_COMPOSE);
        write("x\n::error::forged/docker-compose.yml", "services: [unclosed\n");
        write(".gitignore", "ignored/\n");
        write("docs/links.md", "# L\n\n" + "[l](../a.md) ".repeat(20_000) + "\n");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("ignore"), "*.md\n");
        Files.createDirectories(repo.resolve("sub"));
        Files.createSymbolicLink(repo.resolve("sub/.gitignore"), outside.resolve("ignore"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        List<String> strace = List.of("strace", "-f", "-qq", "-e",
                "trace=open,openat,openat2,rename,renameat,renameat2", "-o");
        Path baseTrace = out.resolve("base.trace");
        Path trace = out.resolve("hostile.trace");
        Run base = cli(Map.of("GITHUB_ACTIONS", "true"), concat(strace, baseTrace.toString()), empty.toString(),
                "--fail-on-violation=false");
        if (base.code() != 0 && base.err().contains("ptrace")) {
            Assumptions.abort("ptrace not permitted here");
        }
        Run hostile = cli(Map.of("GITHUB_ACTIONS", "true"), concat(strace, trace.toString()), repo.toString(),
                "--fail-on-violation=false", "--sarif", out.resolve("r.sarif").toString());
        assertThat(hostile.code()).as(hostile.err()).isEqualTo(Main.PASSED);
        Set<String> allowed = opened(baseTrace).keySet();
        Map<String, Boolean> seen = opened(trace);
        String home = System.getProperty("java.home");
        Set<String> classpath = new LinkedHashSet<>(List.of(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator)));
        List<String> unexpected = new ArrayList<>();
        seen.forEach((p, write) -> {
            boolean ours = p.startsWith(repo + "/") || p.equals(repo.toString()) || p.startsWith(out + "/");
            // the JVM's own performance-data file: "<pid>", opened relative to its hsperfdata folder
            boolean perfData = p.matches("\\d+") || p.startsWith("/tmp/hsperfdata") || p.contains("/hsperfdata_");
            if (write && !ours && !perfData && !p.startsWith("/proc/") && !p.startsWith("/dev/")) {
                unexpected.add("written: " + p);
            }
            boolean jvm = !p.startsWith("/") || allowed.contains(p) || p.startsWith(home) || p.startsWith("/proc/")
                    || p.startsWith("/sys/") || p.startsWith("/dev/") || p.contains("hsperfdata")
                    || classpath.stream().anyMatch(c -> p.equals(c) || p.startsWith(c + "/"))
                    || p.startsWith("/usr/lib/jvm/") || p.endsWith(".so") || p.contains(".so.")
                    || p.startsWith("/usr/share/locale/") || p.startsWith("/usr/lib/locale/");
            if (!ours && !jvm) {
                unexpected.add("read: " + p);
            }
        });
        assertThat(unexpected).as("files opened outside the test's folders").isEmpty();
        // F10: the report is written beside itself and renamed into place, never opened and truncated
        Path sarif = out.resolve("r.sarif");
        assertThat(seen).as("the report itself is never opened").doesNotContainKey(sarif.toString());
        String renames;
        try (Stream<String> lines = Files.lines(trace, StandardCharsets.ISO_8859_1)) {
            renames = String.join("\n", lines.filter(l -> l.matches("^\\d+\\s+rename.*")).toList());
        }
        assertThat(renames).containsPattern("\"" + Pattern.quote(out + "/.r.sarif.") + "\\d+\\.tmp\", .*\""
                + Pattern.quote(sarif.toString()) + "\"");
        assertThat(seen.keySet()).as("a link out of the tree is never followed").noneMatch(p -> p.startsWith(
                outside.toString()));
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> l = new ArrayList<>(a);
        l.add(b);
        return l;
    }
}
