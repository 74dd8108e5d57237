package io.samokoder.engine;

import io.samokoder.engine.report.JsonReport;
import io.samokoder.engine.report.SarifReport;
import io.samokoder.rules.config.InvalidYamlRule;
import io.samokoder.rules.config.SkippedFileRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine end to end on small trees: gate, suppression, baseline, fingerprints, failures of rules. */
class AuditorTest {

    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** The engine is tested with the config rules only, so that checks added later do not change these trees' findings. */
    private static Auditor auditor() {
        return new Auditor(List.of(new InvalidYamlRule(), new SkippedFileRule()));
    }

    private AuditResult audit() {
        return auditor().run(AuditConfig.forRoot(root));
    }

    @Test
    void brokenComposeFileFailsTheGateWithFileAndLine() throws IOException {
        write("docker-compose.yml", "services:\n  api:\n    image: [broken\n");
        AuditResult result = audit();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("config/invalid-yaml");
            assertThat(f.path()).isEqualTo("docker-compose.yml");
            assertThat(f.line()).as("the line where the unclosed bracket opened").isEqualTo(3);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
        Gate gate = Gate.evaluate(result, 80, Severity.HIGH);
        assertThat(gate.passed()).isFalse();
        assertThat(gate.message()).contains("score 80/100").contains("minimum 80")
                .contains("1 new finding at or above high (high 1)").contains("failed by: config/invalid-yaml (1)")
                .as("the console lists the finding; the gate does not repeat it").doesNotContain("docker-compose.yml");
        assertThat(Gate.evaluate(result, 80, Severity.CRITICAL).passed()).as("score 80 meets 80; high < critical").isTrue();
        assertThat(Gate.evaluate(result, 81, Severity.CRITICAL).message()).contains("below the minimum 81");
    }

    @Test
    void cleanTreePassesWithScore100() throws IOException {
        write("docker-compose.yml", "services:\n  api:\n    image: nginx:1.27\n");
        AuditResult result = audit();
        assertThat(result.findings()).isEmpty();
        assertThat(result.score().total()).isEqualTo(100);
        assertThat(result.cleanRules()).contains("config/invalid-yaml");
        assertThat(Gate.evaluate(result, 100, Severity.INFO).passed()).isTrue();
    }

    @Test
    void inlineSuppressionOnTheLineOrAbove() throws IOException {
        write("docker-compose.yml", "services:\n  a: 1\n  # samokoder:ignore config/invalid-yaml kept for the migration demo\n  a: 2\n");
        write(".github/workflows/ci.yml", "on: push\non: pull_request # samokoder:ignore config/* known\n");
        write("prometheus.yml", "x: 1\nx: 2 # samokoder:ignore docs/broken-link wrong rule\n");
        AuditResult result = audit();
        assertThat(result.findings()).filteredOn(f -> f.status() == Finding.Status.SUPPRESSED)
                .extracting(Finding::path, Finding::suppressionReason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(".github/workflows/ci.yml", "known"),
                        org.assertj.core.groups.Tuple.tuple("docker-compose.yml", "kept for the migration demo"));
        assertThat(result.newFindings()).extracting(Finding::path).containsExactly("prometheus.yml");
        assertThat(result.score().categoryScores().get(Category.CONFIG)).isEqualTo(80);
    }

    @Test
    void suppressionsFileMatchesRulePathAndLine() throws IOException {
        write("docker-compose.yml", "a: 1\na: 2\n");
        write("compose.prod.yaml", "a: 1\na: 2\n");
        write(Suppressions.DEFAULT_FILE, "suppressions:\n  - rule: config/invalid-yaml\n    path: docker-compose.yml\n    line: 2\n    reason: legacy\n");
        AuditResult result = audit();
        assertThat(result.findings()).filteredOn(f -> f.status() == Finding.Status.SUPPRESSED)
                .extracting(Finding::path).containsExactly("docker-compose.yml");
        assertThat(result.newFindings()).extracting(Finding::path).containsExactly("compose.prod.yaml");
    }

    @Test
    void malformedSuppressionsFileIsOneClearError() throws IOException {
        write("s.yml", "suppressions:\n  - rule: config/invalid-yaml\n");
        assertThatThrownBy(() -> auditor().run(AuditConfig.forRoot(root).suppressions(root.resolve("s.yml"))))
                .isInstanceOf(AuditException.class).hasMessageContaining("s.yml:2").hasMessageContaining("needs a 'reason'");
    }

    @Test
    void baselineGatesOnlyNewFindingsAndReportsFixedOnes(@TempDir Path outside) throws IOException {
        write("docker-compose.yml", "a: 1\na: 2\n");
        write("compose.prod.yaml", "b: 1\nb: 2\n");
        AuditResult first = audit();
        Path baseline = outside.resolve("baseline.json");
        Baseline.of(first.findings()).write(baseline);

        // unrelated lines shift the old finding; one old finding is fixed; one new appears
        write("docker-compose.yml", "# header\n\na: 1\na: 2\n");
        write("compose.prod.yaml", "b: 1\n");
        write(".gitlab-ci.yml", "c: 1\nc: 2\n");
        AuditResult second = auditor().run(AuditConfig.forRoot(root).baseline(baseline));
        assertThat(second.findings()).filteredOn(f -> f.status() == Finding.Status.BASELINED)
                .extracting(Finding::path, Finding::line).containsExactly(org.assertj.core.groups.Tuple.tuple("docker-compose.yml", 4));
        assertThat(second.newFindings()).extracting(Finding::path).containsExactly(".gitlab-ci.yml");
        assertThat(second.fixedSinceBaseline()).extracting(Baseline.Entry::path).containsExactly("compose.prod.yaml");
        Gate gate = Gate.evaluate(second, 0, Severity.HIGH);
        assertThat(gate.blocking()).extracting(Finding::path).containsExactly(".gitlab-ci.yml");
    }

    @Test
    void missingBaselineIsAnError() {
        assertThatThrownBy(() -> auditor().run(AuditConfig.forRoot(root).baseline(root.resolve("nope.json"))))
                .isInstanceOf(AuditException.class).hasMessageContaining("baseline file not found");
    }

    @Test
    void fingerprintsSurviveLineShiftsAndDifferForDifferentProblems() throws IOException {
        write("docker-compose.yml", "a: 1\na: 2\nb: 1\nb: 2\n");
        List<String> before = audit().findings().stream().map(Finding::fingerprint).toList();
        write("docker-compose.yml", "# moved\n\n\na: 1\na: 2\nb: 1\nb: 2\n");
        List<String> after = audit().findings().stream().map(Finding::fingerprint).toList();
        assertThat(before).hasSize(2).doesNotHaveDuplicates();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aRuleThatThrowsBecomesAFindingNotACrash() throws IOException {
        write("a.txt", "x");
        Rule broken = new ThrowingRule();
        AuditResult result = new Auditor(List.of(broken)).run(AuditConfig.forRoot(root));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("config/check-failed");
            assertThat(f.message()).contains("config/throws").contains("IllegalStateException").contains("boom");
        });
    }

    @Test
    void disabledRulesAndSeverityOverridesApply() throws IOException {
        write("docker-compose.yml", "a: 1\na: 2\n");
        AuditResult lowered = auditor().run(AuditConfig.forRoot(root).severity("config/invalid-yaml", Severity.LOW));
        assertThat(lowered.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.LOW);
        AuditResult off = auditor().run(AuditConfig.forRoot(root).disableRule("config/invalid-yaml"));
        assertThat(off.findings()).isEmpty();
    }

    @Test
    void sameTreeGivesByteIdenticalSarifAndJson() throws IOException {
        write("docker-compose.yml", "a: 1\na: 2\n");
        write("prometheus.yml", "x: [\n");
        write(".github/workflows/ci.yml", "on: push\non: push\n");
        AuditResult one = audit();
        AuditResult two = auditor().run(AuditConfig.forRoot(root).threads(1));
        assertThat(SarifReport.render(two)).isEqualTo(SarifReport.render(one));
        assertThat(JsonReport.render(two)).isEqualTo(JsonReport.render(one));
    }

    @Test
    void missingDirectoryIsAnAuditException() {
        assertThatThrownBy(() -> auditor().run(AuditConfig.forRoot(root.resolve("missing"))))
                .isInstanceOf(AuditException.class).hasMessageStartingWith("not a directory");
    }

    @Test
    void everyRegisteredRuleHasValidMetadata() {
        List<Rule> rules = RuleRegistry.load();
        assertThat(rules).isNotEmpty();
        for (Rule r : rules) {
            RuleMeta m = r.meta();
            assertThat(m.id()).matches("[a-z]+/[a-z0-9-]+").startsWith(m.category().id() + "/");
            assertThat(m.summary()).isNotBlank();
            assertThat(m.remediation()).isNotBlank();
        }
        assertThat(RuleRegistry.allMeta(rules)).extracting(RuleMeta::id).contains("config/check-failed");
        assertThat(Set.copyOf(rules.stream().map(r -> r.meta().id()).toList())).hasSize(rules.size());
    }

    @RuleInfo(id = "config/throws", category = Category.CONFIG, severity = Severity.HIGH, summary = "s", remediation = "r")
    static final class ThrowingRule implements Rule {
        @Override
        public boolean isApplicable(AuditContext context) {
            return true;
        }

        @Override
        public void check(AuditContext context, FindingSink sink) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void aRepositoryWithoutMonitoringHasNoMonitoringToScore() throws IOException {
        // compose and a README are read by monitoring and alerting checks, but there is no monitoring or alerting
        write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
        write("README.md", "# App\n\nRun `docker compose up`.\n");
        ReadinessScore plain = new Auditor().run(AuditConfig.forRoot(root)).score();
        assertThat(plain.notApplicable()).contains(Category.MONITORING, Category.ALERTING);
        assertThat(plain.categoryScores()).containsKeys(Category.SECRETS, Category.CONFIG);
        // a Prometheus next to it is monitoring to check: the category is scored again
        write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n  prometheus:\n    image: prom/prometheus:v2.53.0\n"
                + "    volumes: [\"./prometheus.yml:/etc/prometheus/prometheus.yml\"]\n");
        write("prometheus.yml", "scrape_configs:\n  - job_name: web\n    static_configs:\n      - targets: [\"web:80\"]\n");
        ReadinessScore monitored = new Auditor().run(AuditConfig.forRoot(root)).score();
        assertThat(monitored.categoryScores()).containsKey(Category.MONITORING);
    }
}
