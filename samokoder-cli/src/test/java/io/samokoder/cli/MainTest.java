package io.samokoder.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @TempDir
    Path tmp;

    @Test
    void runningOutOfHeapOrStackIsOneLineAndExitTwo() {
        StringWriter err = new StringWriter();
        int code = Main.exitOnVmError(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("samokoder: out of memory (").contains("SAMOKODER_HEAP")
                .doesNotContain("at io.").hasLineCount(1);
        StringWriter deep = new StringWriter();
        assertThat(Main.exitOnVmError(() -> {
            throw new StackOverflowError();
        }, new PrintWriter(deep, true))).isEqualTo(2);
        assertThat(deep.toString()).contains("stack overflow").hasLineCount(1);
        assertThat(Main.exitOnVmError(() -> 1, new PrintWriter(new StringWriter()))).isEqualTo(1);
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Path fixture(String name) {
        return Paths.get(System.getProperty("samokoder.fixtures", "../fixtures")).resolve(name);
    }

    @Test
    void hostileRepositoryFailsTheGateWithFindingsAndNoStackTrace() {
        Run r = run(fixture("config-hostile").toString(), "--exclude", "/expected.json");
        assertThat(r.code()).isEqualTo(Main.FAILED);
        assertThat(r.out()).contains("samokoder readiness score:")
                .contains("docker-compose.yml:2: [config/invalid-yaml]")
                .contains("monitoring/prometheus/prometheus.yml:7: [config/invalid-yaml]");
        assertThat(r.err()).contains("samokoder gate failed");
        assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void reportOnlyModeExitsZero() {
        Run r = run(fixture("config-hostile").toString(), "--fail-on-violation=false");
        assertThat(r.code()).isEqualTo(Main.PASSED);
        assertThat(r.out()).contains("samokoder gate failed");
    }

    @Test
    void cleanDirectoryPasses() throws IOException {
        Files.writeString(tmp.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
        Run r = run(tmp.toString());
        assertThat(r.code()).isEqualTo(Main.PASSED);
        assertThat(r.out()).contains("readiness score: 100/100").contains("gate passed");
    }

    @Test
    void missingDirectoryExitsTwoWithOneLine() {
        Run r = run(tmp.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(Main.ERROR);
        assertThat(r.err().strip()).doesNotContain("\n").contains("not a directory");
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        Run unknown = run("--no-such-option");
        assertThat(unknown.code()).isEqualTo(Main.ERROR);
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("Unknown option");
        Run badSeverity = run(tmp.toString(), "--fail-on-severity", "severe");
        assertThat(badSeverity.code()).isEqualTo(Main.ERROR);
        assertThat(badSeverity.err().strip()).doesNotContain("\n").contains("unknown severity 'severe'");
        Run badWeights = run(tmp.toString(), "--weights", "secrets=lots");
        assertThat(badWeights.code()).isEqualTo(Main.ERROR);
        assertThat(badWeights.err()).contains("not a number");
        Run badScore = run(tmp.toString(), "--min-score", "140");
        assertThat(badScore.code()).isEqualTo(Main.ERROR);
    }

    @Test
    void helpListsTheContractOptions() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--sarif").contains("--json").contains("--min-score").contains("--fail-on-severity")
                .contains("--baseline").contains("--exclude").contains("--weights").contains("Exit codes");
        // the JUnit report has one test case per finding and one per clean rule, not one per check
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--junit=FILE Write JUnit XML here (one test case per"
                + " finding, failed when it fails the gate, and one per rule that ran clean).")
                .doesNotContain("one test case per check");
    }

    /** {@code --locale ru} reaches every output: the console, the gate line, SARIF, JUnit and JSON. */
    @Test
    void russianLocaleReachesTheConsoleTheGateAndEveryReport() throws IOException {
        Run r = run(fixture("samokoder-seed").toString(), "--no-config", "--fail-on-violation=false", "--locale",
                "ru", "--sarif", tmp.resolve("s.sarif").toString(), "--json", tmp.resolve("j.json").toString(),
                "--junit", tmp.resolve("u.xml").toString());
        assertThat(r.code()).isEqualTo(Main.PASSED);
        assertThat(r.out()).startsWith("samokoder: оценка готовности ").contains("\n  категории: мониторинг ")
                .contains("\n  замечания: критических ").contains("] критическое: ")
                .contains("samokoder: порог не пройден: ").doesNotContain("readiness score")
                .doesNotContain("gate failed");
        assertThat(Files.readString(tmp.resolve("s.sarif"))).contains("Уровень по умолчанию: высокий. Категория:")
                .contains("**Как исправить:**").doesNotContain("Default severity");
        assertThat(Files.readString(tmp.resolve("u.xml"))).contains("Как исправить: ")
                .doesNotContain("Remediation:");
        assertThat(Files.readString(tmp.resolve("j.json"))).contains("\"message\" : \"`.env.production` закоммичен");
        Run en = run(fixture("samokoder-seed").toString(), "--no-config", "--fail-on-violation=false",
                "--junit", tmp.resolve("en.xml").toString());
        assertThat(en.out()).startsWith("samokoder readiness score: ").contains("samokoder gate failed: ");
        assertThat(Files.readString(tmp.resolve("en.xml"))).contains("Remediation: ")
                .doesNotContain("Как исправить");
    }

    @Test
    void writesByteIdenticalSarifAndJsonOnRepeatedRuns() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path p : new Path[]{a, b}) {
            run(fixture("config-hostile").toString(), "--sarif", p.resolve("out.sarif").toString(),
                    "--json", p.resolve("out.json").toString(), "--fail-on-violation=false");
        }
        assertThat(Files.readAllBytes(a.resolve("out.sarif"))).isEqualTo(Files.readAllBytes(b.resolve("out.sarif")));
        assertThat(Files.readAllBytes(a.resolve("out.json"))).isEqualTo(Files.readAllBytes(b.resolve("out.json")));
        assertThat(Files.readString(a.resolve("out.sarif"))).contains("\"readinessScore\"");
    }

    @Test
    void skipDoesNothing() {
        Run r = run(tmp.resolve("nope").toString(), "--skip");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("skipped");
    }

    @Test
    void typosInRuleIdsAndOptionKeysExitTwoWithASuggestion() {
        Run rule = run(tmp.toString(), "--disable", "docs/broken-lnk");
        assertThat(rule.code()).isEqualTo(Main.ERROR);
        assertThat(rule.err().strip()).isEqualTo("samokoder: unknown rule id 'docs/broken-lnk' in disabledRules"
                + " (--disable) (did you mean 'docs/broken-link'?)");
        Run option = run(tmp.toString(), "-O", "docs.onlne=true");
        assertThat(option.code()).isEqualTo(Main.ERROR);
        assertThat(option.err()).contains("unknown option 'docs.onlne' (-O) (did you mean 'docs.online'?)");
        Run value = run(tmp.toString(), "-O", "docs.online.timeout=soon");
        assertThat(value.code()).isEqualTo(Main.ERROR);
        assertThat(value.err()).contains("option docs.online.timeout must be a number, got 'soon' (-O)");
        Run weight = run(tmp.toString(), "--weights", "secret=3");
        assertThat(weight.code()).isEqualTo(Main.ERROR);
        assertThat(weight.err()).contains("unknown category 'secret' (did you mean 'secrets'?)");
    }

    @Test
    void aFlagOverridingTheConfigurationFileSaysSoOnce() throws IOException {
        Files.writeString(tmp.resolve(".samokoder.yml"), "minScore: 55\nfailOnSeverity: critical\n");
        Run r = run(tmp.toString(), "--min-score", "58", "--fail-on-severity", "critical");
        assertThat(r.code()).isEqualTo(Main.PASSED);
        assertThat(r.err().strip()).isEqualTo("samokoder: minScore 55 from .samokoder.yml:1 is ignored: --min-score"
                + " sets 58");
        assertThat(r.out()).contains("minimum 58");
    }

    /** The gate's line: its minimum and severity are the settings the run used. */
    private static String gate(Run r) {
        return (r.out() + r.err()).lines().filter(l -> l.startsWith("samokoder gate ")).findFirst().orElseThrow();
    }

    private static java.util.List<String> ignored(Run r) {
        return r.err().lines().filter(l -> l.contains(" is ignored: ")).toList();
    }

    @Test
    void eachSettingComesFromTheFlagElseTheFileElseTheDefault() throws IOException {
        Files.writeString(tmp.resolve("docker-compose.yml"), "services:\n  api:\n    image: a\n    image: b\n");
        Files.writeString(tmp.resolve("README.md"), "# App\n\nSee [the guide](docs/guide.md).\n");
        Run defaults = run(tmp.toString(), "--fail-on-violation=false");
        assertThat(gate(defaults)).contains("minimum 80").contains("failOnSeverity high");
        assertThat(defaults.out()).contains("[config/invalid-yaml]").contains("[docs/broken-link]");

        Files.writeString(tmp.resolve(".samokoder.yml"),
                "minScore: 55\nfailOnSeverity: critical\nrules: {docs/broken-link: off}\n");
        Run file = run(tmp.toString(), "--fail-on-violation=false");
        assertThat(gate(file)).contains("minimum 55").contains("at or above critical");
        assertThat(file.out()).contains("[config/invalid-yaml]").doesNotContain("[docs/broken-link]");
        assertThat(ignored(file)).isEmpty();

        Run flags = run(tmp.toString(), "--fail-on-violation=false", "--min-score", "58", "--fail-on-severity", "low",
                "--disable", "config/invalid-yaml");
        assertThat(gate(flags)).contains("minimum 58").contains("failOnSeverity low");
        assertThat(flags.out()).contains("[docs/broken-link]").doesNotContain("[config/invalid-yaml]");
        assertThat(ignored(flags)).containsExactly(
                "samokoder: minScore 55 from .samokoder.yml:1 is ignored: --min-score sets 58",
                "samokoder: failOnSeverity critical from .samokoder.yml:2 is ignored: --fail-on-severity sets low",
                "samokoder: disabledRules [docs/broken-link] from .samokoder.yml:3 is ignored: --disable sets"
                        + " [config/invalid-yaml]");
    }

    @Test
    void aReportOnStandardOutputHasItToItself() throws IOException {
        Path file = tmp.resolve("out.json");
        run(fixture("config-hostile").toString(), "--json", file.toString(), "--fail-on-violation=false");
        Run r = run(fixture("config-hostile").toString(), "--json", "-", "--fail-on-violation=false");
        assertThat(r.code()).isEqualTo(Main.PASSED);
        assertThat(r.out()).isEqualTo(Files.readString(file));
        assertThat(r.err()).contains("samokoder readiness score:").contains("samokoder gate failed");
    }
}
