package io.samokoder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Report files, JUnit XML, GitHub annotations, baseline ratchet, pre-commit mode and the configuration file. */
class CiIntegrationTest {

    @TempDir
    Path tmp;

    static MainTest.Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new MainTest.Run(code, out.toString(), err.toString());
    }

    static MainTest.Run run(String... args) {
        return run(Map.of(), args);
    }

    private Path brokenRepo() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  api:\n    image: a\n    image: b\n");
        Files.writeString(repo.resolve("prometheus.yml"), "global:\n  scrape_interval: 15s\n");
        Files.writeString(repo.resolve("README.md"), "# Api\n\nProduction Ready (95%)\n");
        return repo;
    }

    @Test
    void htmlReportInRussianAndJUnitXml() throws Exception {
        Path repo = brokenRepo();
        Path html = tmp.resolve("out/report.html");
        Path junit = tmp.resolve("out/junit.xml");
        Path json = tmp.resolve("out/report.json");
        MainTest.Run r = run(repo.toString(), "--report", html.toString(), "--locale", "ru", "--junit",
                junit.toString(), "--json", json.toString(), "--fail-on-violation=false");
        assertThat(r.code()).isZero();
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        String page = Files.readString(html);
        assertThat(page).contains("<html lang=\"ru\">").contains("Оценка готовности")
                .contains("<span class=\"value\">" + result.path("readinessScore").asInt() + "</span>")
                .contains("docker-compose.yml:4");

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        // one case per finding (rule and location); the failed ones are the findings that fail the gate
        assertThat(names).contains("config/invalid-yaml docker-compose.yml:4:5")
                .anyMatch(n -> n.startsWith("readiness/claim-exceeds-score README.md:3"));
        NodeList failures = doc.getElementsByTagName("failure");
        List<String> gated = new ArrayList<>();
        result.path("findings").forEach(f -> {
            if (List.of("critical", "high").contains(f.path("severity").asText())) {
                gated.add(f.path("ruleId").asText());
            }
        });
        assertThat(failures.getLength()).isEqualTo(gated.size()).isPositive();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < failures.getLength(); i++) {
            messages.add(((Element) failures.item(i)).getAttribute("message"));
        }
        // --locale ru: the failure messages are Russian, the location before them is not
        assertThat(messages).contains("docker-compose.yml:4 в YAML повторяется ключ `image` (впервые — в строке 3)")
                .noneMatch(m -> m.startsWith("README.md:3 "));
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("failures"))
                .isEqualTo(String.valueOf(failures.getLength()));

        Path md = tmp.resolve("out/report.md");
        run(repo.toString(), "--report", md.toString(), "--fail-on-violation=false");
        assertThat(Files.readString(md)).startsWith("# Production readiness audit").contains("## Fix first").contains("## Findings by category");
    }

    @Test
    void githubAnnotationsOnlyInsideActions() throws IOException {
        Path repo = brokenRepo();
        MainTest.Run inActions = run(Map.of("GITHUB_ACTIONS", "true"), repo.toString(), "--fail-on-violation=false");
        assertThat(inActions.out()).contains("::error file=docker-compose.yml,line=4,col=5,"
                + "title=samokoder config/invalid-yaml (high)::YAML duplicate key 'image' (first at line 3)%0A");
        assertThat(inActions.out()).containsPattern("(?m)^::(error|warning) file=README.md,line=3,col=1,"
                + "title=samokoder readiness/claim-exceeds-score \\((high|medium)\\)::claims 95%25, measured ");
        MainTest.Run outside = run(Map.of(), repo.toString(), "--fail-on-violation=false");
        assertThat(outside.out()).doesNotContain("::error").doesNotContain("::warning");
    }

    @Test
    void baselineRatchetGatesOnlyOnTheNewFinding() throws IOException {
        Path repo = brokenRepo();
        MainTest.Run write = run(repo.toString(), "--write-baseline");
        assertThat(write.code()).isZero();
        Path baseline = repo.resolve(".samokoder-baseline.json");
        assertThat(write.out()).contains("written to " + baseline);
        assertThat(baseline).exists();
        MainTest.Run same = run(repo.toString(), "--baseline", baseline.toString(), "--min-score", "0");
        assertThat(same.code()).as(same.out() + same.err()).isEqualTo(Main.PASSED);

        // move everything down and reorder the compose file: nothing new
        Files.writeString(repo.resolve("docker-compose.yml"),
                "# moved\n\nservices:\n  web:\n    image: nginx\n  api:\n    image: a\n    image: b\n");
        Files.writeString(repo.resolve("README.md"), "# Api\n\nIntro.\n\nMore.\n\nProduction Ready (95%)\n");
        MainTest.Run shifted = run(repo.toString(), "--baseline", baseline.toString(), "--min-score", "0",
                "--json", tmp.resolve("shifted.json").toString());
        assertThat(shifted.code()).as(shifted.out() + shifted.err()).isEqualTo(Main.PASSED);

        // one file changes: exactly one new finding, and it fails the gate
        Files.writeString(repo.resolve("prometheus.yml"), "global:\n  scrape_interval: 15s\n  scrape_interval: 5s\n");
        Path json = tmp.resolve("after.json");
        MainTest.Run after = run(repo.toString(), "--baseline", baseline.toString(), "--min-score", "0",
                "--json", json.toString());
        assertThat(after.code()).isEqualTo(Main.FAILED);
        assertThat(after.err()).contains("1 new finding at or above high").contains("failed by: config/invalid-yaml (1)");
        assertThat(after.out()).contains("prometheus.yml:3: [config/invalid-yaml]");
        JsonNode findings = new ObjectMapper().readTree(json.toFile()).path("findings");
        List<String> fresh = new ArrayList<>();
        findings.forEach(f -> {
            if (f.path("status").asText().equals("new")) {
                fresh.add(f.path("path").asText() + ":" + f.path("line").asInt());
            }
        });
        assertThat(fresh).containsExactly("prometheus.yml:3");
    }

    @Test
    void filesModeRunsOnlyForTheChangedFiles() throws IOException {
        Path repo = brokenRepo();
        Files.writeString(repo.resolve("prometheus.yml"), "global: {}\nglobal: {}\n");
        MainTest.Run r = run(repo.toString(), "--files", repo.resolve("prometheus.yml").toString());
        assertThat(r.code()).isEqualTo(Main.FAILED);
        assertThat(r.out()).contains("pre-commit mode, 1 changed file").contains("prometheus.yml:2: [config/invalid-yaml]")
                .doesNotContain("docker-compose.yml:4").doesNotContain("readiness/claim-exceeds-score");
        MainTest.Run readme = run(repo.toString(), "--files", repo.resolve("README.md").toString());
        assertThat(readme.code()).as(readme.out() + readme.err()).isEqualTo(Main.PASSED);
    }

    @Test
    void stagedModeReadsTheGitIndex() throws Exception {
        Path repo = brokenRepo();
        git(repo, "init", "-q");
        git(repo, "add", "README.md");
        MainTest.Run onlyReadme = run(repo.toString(), "--staged");
        assertThat(onlyReadme.code()).as(onlyReadme.out() + onlyReadme.err()).isEqualTo(Main.PASSED);
        assertThat(onlyReadme.out()).contains("pre-commit mode, 1 changed file");
        git(repo, "add", "docker-compose.yml");
        MainTest.Run both = run(repo.toString(), "--staged");
        assertThat(both.code()).isEqualTo(Main.FAILED);
        assertThat(both.out()).contains("pre-commit mode, 2 changed files").contains("docker-compose.yml:4");
        MainTest.Run notGit = run(tmp.resolve("repo").getParent().toString(), "--staged");
        assertThat(notGit.code()).isEqualTo(Main.ERROR);
        assertThat(notGit.err().strip()).startsWith("samokoder: git diff --cached failed").doesNotContain("\n");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.email=t@example.com", "-c", "user.name=t"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void configurationFileAppliesAndOptionsOverrideIt() throws IOException {
        Path repo = brokenRepo();
        Files.writeString(repo.resolve(".samokoder.yml"), "minScore: 0\nfailOnSeverity: critical\nlocale: ru\n"
                + "rules:\n  readiness/claim-exceeds-score: off\n  monitoring/stack-not-deployed: off\n");
        Path html = tmp.resolve("r.html");
        MainTest.Run withFile = run(repo.toString(), "--report", html.toString());
        assertThat(withFile.code()).as(withFile.out() + withFile.err()).isEqualTo(Main.PASSED);
        assertThat(withFile.out()).doesNotContain("claim-exceeds-score");
        assertThat(Files.readString(html)).contains("<html lang=\"ru\">");
        MainTest.Run overridden = run(repo.toString(), "--fail-on-severity", "high", "--locale", "en", "--report",
                html.toString());
        assertThat(overridden.code()).isEqualTo(Main.FAILED);
        assertThat(Files.readString(html)).contains("<html lang=\"en\">");
        MainTest.Run ignored = run(repo.toString(), "--no-config", "--fail-on-violation=false");
        assertThat(ignored.out()).contains("readiness/claim-exceeds-score");

        Files.writeString(repo.resolve(".samokoder.yml"), "minScore: 0\nrules:\n  readiness/claims: off\n");
        MainTest.Run bad = run(repo.toString());
        assertThat(bad.code()).isEqualTo(Main.ERROR);
        assertThat(bad.err().strip()).isEqualTo("samokoder: .samokoder.yml:3: unknown rule id 'readiness/claims'"
                + " (did you mean 'readiness/claim-exceeds-score'?)");
    }

    @Test
    void helpListsTheNewOptions() {
        MainTest.Run r = run("--help");
        assertThat(r.out()).contains("--junit").contains("--report").contains("--locale").contains("--write-baseline")
                .contains("--staged").contains("--files").contains("--config").contains("--no-config");
        MainTest.Run badLocale = run(tmp.toString(), "--locale", "de");
        assertThat(badLocale.code()).isEqualTo(Main.ERROR);
        assertThat(badLocale.err().strip()).isEqualTo("samokoder: unsupported locale 'de' (expected en or ru)");
    }

    @Test
    void seedMainCommandNeedsNoExcludeAnyMore() {
        MainTest.Run r = run(MainTest.fixture("samokoder-seed").toString(), "--fail-on-violation=false");
        assertThat(r.out()).doesNotContain("expected.json");
    }
}
