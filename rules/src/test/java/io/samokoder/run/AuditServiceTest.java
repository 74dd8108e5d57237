package io.samokoder.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service's settings precedence (sources in the order given, then {@code .samokoder.yml}, then the defaults; one
 * warning per value a higher source overrides), its checks of rule ids and options, the baseline it finds by itself,
 * and its outputs.
 */
class AuditServiceTest {

    @TempDir
    Path root;

    private final AuditService service = new AuditService();

    /** A command line's flags, named as the CLI names them. */
    private static Source flags(Settings settings) {
        return Source.named(Map.of("minScore", "--min-score", "failOnSeverity", "--fail-on-severity",
                "disabledRules", "--disable"), "a flag", settings);
    }

    @BeforeEach
    void repository() throws IOException {
        // one high finding (config/invalid-yaml) and one medium (a broken link)
        write("docker-compose.yml", "services:\n  api:\n    image: a\n    image: b\n");
        write("README.md", "# App\n\nSee [the guide](docs/guide.md).\n");
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private Verdict run(Source... sources) {
        AuditRequest.Builder request = AuditRequest.of(root);
        for (Source s : sources) {
            request.source(s);
        }
        return service.execute(request.build());
    }

    @Test
    void withoutAnySourceTheDefaultsApply() {
        Verdict v = run();
        assertThat(v.gate().message()).contains("minimum 80").contains("failOnSeverity high");
        assertThat(v.result().findings()).extracting(Finding::ruleId).contains("config/invalid-yaml", "docs/broken-link");
        assertThat(v.warnings()).isEmpty();
        assertThat(v.failsBuild()).isTrue();
    }

    @Test
    void theConfigurationFileAppliesUnderNoOtherSource() throws IOException {
        write(".samokoder.yml", "minScore: 55\nfailOnSeverity: critical\nrules: {docs/broken-link: off}\n");
        Verdict v = run();
        assertThat(v.gate().message()).contains("minimum 55").contains("no new finding at or above critical");
        assertThat(v.result().findings()).extracting(Finding::ruleId).doesNotContain("docs/broken-link");
        assertThat(v.warnings()).isEmpty();
        assertThat(v.passed()).isTrue();
    }

    @Test
    void aSourceWinsOverTheFileAndTheFilesValueIsNamedInOneWarning() throws IOException {
        write(".samokoder.yml", "minScore: 55\nfailOnSeverity: critical\nrules: {docs/broken-link: off}\n");
        Verdict v = run(flags(Settings.builder().minScore(58).failOnSeverity("medium")
                .disabledRules(List.of("config/invalid-yaml")).build()));
        assertThat(v.gate().message()).contains("minimum 58").contains("failOnSeverity medium");
        assertThat(v.result().findings()).extracting(Finding::ruleId).contains("docs/broken-link")
                .doesNotContain("config/invalid-yaml");
        assertThat(v.warnings()).containsExactly(
                "samokoder: minScore 55 from .samokoder.yml:1 is ignored: --min-score sets 58",
                "samokoder: failOnSeverity critical from .samokoder.yml:2 is ignored: --fail-on-severity sets medium",
                "samokoder: disabledRules [docs/broken-link] from .samokoder.yml:3 is ignored: --disable sets"
                        + " [config/invalid-yaml]");
    }

    @Test
    void theHigherOfTwoSourcesWinsAndTheLowerIsNamed() throws IOException {
        write(".samokoder.yml", "minScore: 55\n");
        Source pom = Source.named("<configuration> in the POM", Settings.builder().minScore(80)
                .failOnSeverity("critical").disabledRules(List.of("docs/broken-link")).build());
        Source properties = new Source(Settings.builder().minScore(58).failOnSeverity("low")
                .disabledRules(List.of("config/invalid-yaml")).build(), setting -> "-Dsamokoder." + setting);
        Verdict v = run(pom, properties);
        assertThat(v.gate().message()).contains("minimum 80").contains("critical");
        assertThat(v.result().findings()).extracting(Finding::ruleId).contains("config/invalid-yaml")
                .doesNotContain("docs/broken-link");
        assertThat(v.warnings()).containsExactly(
                "samokoder: minScore 58 from -Dsamokoder.minScore is ignored: <configuration> in the POM sets 80",
                "samokoder: minScore 55 from .samokoder.yml:1 is ignored: <configuration> in the POM sets 80",
                "samokoder: failOnSeverity low from -Dsamokoder.failOnSeverity is ignored: <configuration> in the POM"
                        + " sets critical",
                "samokoder: disabledRules [config/invalid-yaml] from -Dsamokoder.disabledRules is ignored:"
                        + " <configuration> in the POM sets [docs/broken-link]");
    }

    @Test
    void aLowerSourceWithTheSameValueOrNothingIsNotWarnedAbout() throws IOException {
        write(".samokoder.yml", "minScore: 58\nfailOnSeverity: high\n");
        Verdict v = run(flags(Settings.builder().minScore(58).build()),
                Source.named("-D", Settings.builder().failOnSeverity("high").build()));
        assertThat(v.warnings()).isEmpty();
        assertThat(v.gate().message()).contains("minimum 58");
    }

    @Test
    void mapsAreResolvedKeyByKey() throws IOException {
        write(".samokoder.yml", "weights: {secrets: 5, docs: 0.5}\noptions: {docs.online.perHost: 1}\n");
        Verdict v = run(flags(Settings.builder().weights("docs=2").option("docs.online.timeout", List.of("5"))
                .build()));
        assertThat(v.warnings()).containsExactly(
                "samokoder: weights.docs 0.5 from .samokoder.yml:1 is ignored: a flag sets 2.0");
    }

    @Test
    void theFallbackRanksBelowTheFileAndIsNeverWarnedAbout() throws IOException {
        Settings site = Settings.builder().locale("ru").build();
        assertThat(service.execute(AuditRequest.of(root).fallback(site).build()).reportOptions().locale()
                .getLanguage()).isEqualTo("ru");
        write(".samokoder.yml", "locale: en\n");
        Verdict v = service.execute(AuditRequest.of(root).fallback(site).build());
        assertThat(v.reportOptions().locale().getLanguage()).isEqualTo("en");
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void typosInRuleIdsAndOptionsAreErrorsWithASuggestion() {
        assertThatThrownBy(() -> run(flags(Settings.builder().disabledRules(List.of("docs/broken-lnk")).build())))
                .isInstanceOf(AuditException.class)
                .hasMessage("unknown rule id 'docs/broken-lnk' in disabledRules (--disable) (did you mean"
                        + " 'docs/broken-link'?)");
        assertThatThrownBy(() -> run(Source.named("-O", Settings.builder().options(Map.of("docs.onlin", "true"))
                .build())))
                .hasMessage("unknown option 'docs.onlin' (-O) (did you mean 'docs.online'?); docs/rules.md lists"
                        + " every option");
        assertThatThrownBy(() -> run(Source.named("-O", Settings.builder().options(Map.of("docs.online", "yes"))
                .build())))
                .hasMessage("option docs.online must be true or false, got 'yes' (-O)");
        assertThatThrownBy(() -> Settings.builder().weights("secret=2"))
                .hasMessageContaining("unknown category 'secret' (did you mean 'secrets'?)");
    }

    @Test
    void anOptionOfTheFileIsCheckedWhereItIsWritten() throws IOException {
        write(".samokoder.yml", "minScore: 0\noptions:\n  secrets.localPath: [dev/**]\n");
        assertThatThrownBy(() -> run()).hasMessage("unknown option 'secrets.localPath' (.samokoder.yml:3) (did you"
                + " mean 'secrets.localPaths'?); docs/rules.md lists every option");
    }

    @Test
    void theRequestIsNotChangedAndTheFileIsReadEachRun() throws IOException {
        AuditRequest request = AuditRequest.of(root).build();
        write(".samokoder.yml", "minScore: 10\n");
        assertThat(service.execute(request).gate().message()).contains("minimum 10");
        write(".samokoder.yml", "minScore: 20\n");
        assertThat(service.execute(request).gate().message()).contains("minimum 20");
        assertThat(service.execute(AuditRequest.of(root).ignoreConfigFile(true).build()).gate().message())
                .contains("minimum 80");
        assertThat(request.sources()).isEmpty();
    }

    @Test
    void aBaselineAtTheDefaultPlaceIsUsedWithoutBeingNamed() throws IOException {
        Verdict written = service.execute(AuditRequest.of(root).writeBaseline(true).build());
        assertThat(written.notes()).containsExactly("samokoder: baseline of 2 findings written to "
                + root.resolve(AuditService.BASELINE_FILE));
        assertThat(root.resolve(AuditService.BASELINE_FILE)).exists();
        Verdict v = run();
        assertThat(v.notes()).containsExactly("samokoder: baseline: 2 findings accepted (.samokoder-baseline.json)");
        assertThat(v.passed()).isTrue();
        assertThat(v.result().findings()).allMatch(f -> f.status() == Finding.Status.BASELINED);
    }

    /** With {@code locale: ru} the notes, the reports line, the console and the gate line are Russian. */
    @Test
    void theNotesAndTheGateFollowTheLocale() throws IOException {
        Settings ru = Settings.builder().locale("ru").build();
        Verdict written = service.execute(AuditRequest.of(root).source(flags(ru)).writeBaseline(true).build());
        assertThat(written.notes()).containsExactly("samokoder: базовая линия записана в "
                + root.resolve(AuditService.BASELINE_FILE) + ", замечаний в ней: 2");
        Verdict v = service.execute(AuditRequest.of(root).source(flags(ru)).outputs(new Outputs(
                root.resolve("target/s/a.sarif"), null, null, null)).build());
        assertThat(v.notes()).containsExactly("samokoder: базовая линия: принято замечаний: 2"
                + " (.samokoder-baseline.json)");
        assertThat(v.reportsLine(root)).isEqualTo("samokoder: отчёты в target/s/: a.sarif");
        assertThat(v.console().get(0)).startsWith("samokoder: оценка готовности ");
        assertThat(v.gate().message()).startsWith("samokoder: порог пройден: оценка готовности ");
    }

    @Test
    void aNamedBaselineMustExist() {
        assertThatThrownBy(() -> run(flags(Settings.builder().baseline(root.resolve("nope.json")).build())))
                .hasMessage("baseline file not found: " + root.resolve("nope.json"));
    }

    @Test
    void aBaselinedFindingNowSuppressedIsReportedOnceAsSuppressed() throws IOException {
        service.execute(AuditRequest.of(root).writeBaseline(true).build());
        write(".samokoder-suppressions.yml", """
                suppressions:
                  - rule: config/invalid-yaml
                    path: docker-compose.yml
                    reason: accepted for this service
                """);
        Verdict v = service.execute(AuditRequest.of(root).outputs(new Outputs(root.resolve("target/out.sarif"),
                root.resolve("target/out.json"), null, null)).build());
        JsonNode json = new ObjectMapper().readTree(root.resolve("target/out.json").toFile());
        assertThat(json.path("fixedSinceBaseline")).isEmpty();
        JsonNode yaml = null;
        for (JsonNode f : json.path("findings")) {
            if (f.path("ruleId").asText().equals("config/invalid-yaml")) {
                assertThat(yaml).as("reported once").isNull();
                yaml = f;
            }
        }
        assertThat(yaml.path("status").asText()).isEqualTo("suppressed");
        JsonNode sarif = new ObjectMapper().readTree(root.resolve("target/out.sarif").toFile());
        for (JsonNode r : sarif.path("runs").get(0).path("results")) {
            assertThat(r.path("baselineState").asText()).as(r.path("ruleId").asText()).isEqualTo("unchanged");
        }
        assertThat(v.console()).anyMatch(l -> l.contains("fixed since baseline 0"));
    }

    @Test
    void aSuppressionThatMatchedNothingIsOneInfoFinding() throws IOException {
        write(".samokoder-suppressions.yml", """
                suppressions:
                  - rule: config/invalid-yaml
                    path: docker-compose.yml
                    reason: accepted for this service
                  - rule: docs/broken-link
                    path: docs/old.md
                    reason: the old docs are going
                  - rule: docs/broken-external-link
                    reason: the online check does not run, so this entry cannot be judged
                """);
        List<Finding> unused = run().result().findings().stream()
                .filter(f -> f.ruleId().equals("config/unused-suppression")).toList();
        assertThat(unused).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(".samokoder-suppressions.yml:5");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).isEqualTo("the suppression of docs/broken-link in docs/old.md (\"the old docs are"
                    + " going\") matched no finding");
        });
    }

    @Test
    void aMisspeltRuleInTheSuppressionsFileIsAnError() throws IOException {
        write(".samokoder-suppressions.yml", "suppressions:\n  - rule: config/invalid-yml\n    reason: x\n");
        assertThatThrownBy(() -> run()).hasMessageEndingWith(
                ".samokoder-suppressions.yml:2: unknown rule id 'config/invalid-yml' (did you mean"
                        + " 'config/invalid-yaml'?)");
    }

    @Test
    void reportsAskedForOnStandardOutputAreInTheVerdict() {
        Verdict v = service.execute(AuditRequest.of(root).outputs(new Outputs(null, Path.of("-"), null, null))
                .build());
        assertThat(new String(v.stdout(), StandardCharsets.UTF_8)).startsWith("{").contains("\"readinessScore\"");
        assertThat(v.written()).isEmpty();
        assertThat(root.resolve("-")).doesNotExist();
    }

    @Test
    void theReportsLineNamesTheFolderOnce() {
        Verdict v = service.execute(AuditRequest.of(root).outputs(new Outputs(root.resolve("target/s/a.sarif"),
                root.resolve("target/s/a.json"), null, null)).build());
        assertThat(v.reportsLine(root)).isEqualTo("samokoder: reports in target/s/: a.sarif, a.json");
    }

    @Test
    void stagedModeDoesNotGateOnTheScore() {
        Verdict v = service.execute(AuditRequest.of(root).changedFiles(List.of("README.md"))
                .source(flags(Settings.builder().minScore(100).failOnSeverity("critical").build())).build());
        assertThat(v.passed()).isTrue();
        assertThat(v.notes()).singleElement().asString().startsWith("samokoder: pre-commit mode, 1 changed file, ");
        assertThat(v.reportOptions().minScore()).isNull();
    }
}
