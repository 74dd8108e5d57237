package io.samokoder.rules.readiness;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;
import io.samokoder.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimExceedsScoreRuleTest {

    static final String ID = "readiness/claim-exceeds-score";

    @TempDir
    Path tmp;

    private static List<Finding> claims(AuditResult r) {
        return r.findings().stream().filter(f -> f.ruleId().equals(ID)).toList();
    }

    @Test
    void seedReadmeClaimIsComparedWithTheMeasuredScore() {
        assertSeedClaims(Fixtures.dir("samokoder-seed"));
    }

    @Test
    void seedWithALowerScoreShowsBothNumbers() throws IOException {
        Path copy = tmp.resolve("seed");
        io.samokoder.testing.TestTrees.copy(Fixtures.dir("samokoder-seed"), copy);
        // a broken compose file lowers the measured score whatever other checks find
        Files.writeString(copy.resolve("docker-compose.override.yml"), "services:\n  api:\n    image: a\n    image: b\n");
        int measured = assertSeedClaims(copy);
        assertThat(measured).isLessThan(95);
    }

    private static int assertSeedClaims(Path seed) {
        int measured = new Auditor().run(Fixtures.config(seed).disableRule(ID)).score().total();
        AuditResult result = new Auditor().run(Fixtures.config(seed));
        List<Finding> found = claims(result);
        if (measured >= 95) {
            assertThat(found).isEmpty();
            return measured;
        }
        assertThat(found).extracting(Finding::location).containsExactly("README.md:3", "README.md:5");
        assertThat(found).allSatisfy(f -> {
            assertThat(f.message()).contains("claims 95%, measured " + measured + "%");
            assertThat(f.severity()).isEqualTo(95 - measured > 10 ? Severity.HIGH : Severity.MEDIUM);
        });
        assertThat(result.score().categoryScores()).containsKey(io.samokoder.engine.Category.READINESS);
        assertThat(result.score().total()).as("the total is the score the claim is compared with").isEqualTo(measured);
        return measured;
    }

    @Test
    void honestClaimIsNotAFinding() throws IOException {
        Files.writeString(tmp.resolve("README.md"), "# App\n\nProduction readiness: 100%\n");
        AuditResult result = new Auditor(java.util.List.of(new io.samokoder.rules.config.InvalidYamlRule(), new io.samokoder.rules.readiness.ClaimExceedsScoreRule())).run(AuditConfig.forRoot(tmp));
        assertThat(result.score().total()).isEqualTo(100);
        assertThat(claims(result)).isEmpty();
        assertThat(result.cleanRules()).contains(ID);
    }

    @Test
    void smallGapIsMediumLargeGapIsHigh() throws IOException {
        // one high invalid-yaml finding: config 80, readiness scored separately
        Files.writeString(tmp.resolve("compose.yaml"), "services:\n  a:\n    image: x\n    image: y\n");
        Files.writeString(tmp.resolve("README.md"), "Production ready: 85%\n\nProduction ready: 99%\n");
        AuditResult result = new Auditor(java.util.List.of(new io.samokoder.rules.config.InvalidYamlRule(), new io.samokoder.rules.readiness.ClaimExceedsScoreRule())).run(AuditConfig.forRoot(tmp));
        int measured = new Auditor(java.util.List.of(new io.samokoder.rules.config.InvalidYamlRule(), new io.samokoder.rules.readiness.ClaimExceedsScoreRule())).run(AuditConfig.forRoot(tmp).disableRule(ID)).score().total();
        assertThat(measured).isEqualTo(80);
        assertThat(claims(result)).extracting(Finding::line, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Severity.MEDIUM),
                        org.assertj.core.groups.Tuple.tuple(3, Severity.HIGH));
    }

    @Test
    void unqualifiedClaimIsComparedWithTheMinimumScore() throws IOException {
        Files.writeString(tmp.resolve("compose.yaml"), "services:\n  a:\n    image: x\n    image: y\n");
        Files.writeString(tmp.resolve("README.md"), "Этот стек готов к продакшену.\n");
        assertThat(claims(new Auditor(java.util.List.of(new io.samokoder.rules.config.InvalidYamlRule(), new io.samokoder.rules.readiness.ClaimExceedsScoreRule())).run(AuditConfig.forRoot(tmp).minScore(90))))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .contains("measured 80%, below the readiness minimum 90%"));
        assertThat(claims(new Auditor(java.util.List.of(new io.samokoder.rules.config.InvalidYamlRule(), new io.samokoder.rules.readiness.ClaimExceedsScoreRule())).run(AuditConfig.forRoot(tmp).minScore(80)))).isEmpty();
    }

    @Test
    void changelogsAreHistoryNotClaims() throws IOException {
        Files.writeString(tmp.resolve("compose.yaml"), "services:\n  a:\n    image: x\n    image: y\n");
        Files.writeString(tmp.resolve("CHANGELOG.md"), "## 1.0\n- Production ready (99%)\n");
        AuditResult result = new Auditor(java.util.List.of(new io.samokoder.rules.config.InvalidYamlRule(), new io.samokoder.rules.readiness.ClaimExceedsScoreRule())).run(AuditConfig.forRoot(tmp));
        assertThat(claims(result)).isEmpty();
        assertThat(result.score().categoryScores()).doesNotContainKey(io.samokoder.engine.Category.READINESS);
    }

    @Test
    void unqualifiedClaimOutsideTheProjectReadmeIsInfo() throws IOException {
        Files.writeString(tmp.resolve("compose.yaml"), "services:\n  a:\n    image: x\n    image: y\n");
        Files.createDirectories(tmp.resolve("services/api"));
        Files.writeString(tmp.resolve("services/api/README.md"), "# API\n\nThis service is production-ready.\n");
        Files.writeString(tmp.resolve("README.md"), "# Stack\n\nA template that generates production-ready stacks.\n");
        AuditResult result = new Auditor(List.of(new io.samokoder.rules.config.InvalidYamlRule(),
                new ClaimExceedsScoreRule())).run(AuditConfig.forRoot(tmp).minScore(90));
        assertThat(claims(result)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("services/api/README.md:3");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("not in the project's README");
        });
    }

    @Test
    void percentageClaimsCountWhereverTheyAre() throws IOException {
        Files.writeString(tmp.resolve("compose.yaml"), "services:\n  a:\n    image: x\n    image: y\n");
        Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(tmp.resolve("docs/status.md"), "Production readiness: 99%\n");
        AuditResult result = new Auditor(List.of(new io.samokoder.rules.config.InvalidYamlRule(),
                new ClaimExceedsScoreRule())).run(AuditConfig.forRoot(tmp));
        assertThat(claims(result)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("docs/status.md:1");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void onlyTheRootReadmeSpeaksForTheProject() {
        assertThat(ClaimExceedsScoreRule.isProjectReadme("README.md")).isTrue();
        assertThat(ClaimExceedsScoreRule.isProjectReadme("ReadMe.md")).isTrue();
        assertThat(ClaimExceedsScoreRule.isProjectReadme("README")).isTrue();
        assertThat(ClaimExceedsScoreRule.isProjectReadme("docs/README.md")).isFalse();
        assertThat(ClaimExceedsScoreRule.isProjectReadme("AGENTS.md")).isFalse();
    }
}
