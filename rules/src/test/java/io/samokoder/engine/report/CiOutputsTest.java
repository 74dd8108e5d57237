package io.samokoder.engine.report;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Baseline;
import io.samokoder.engine.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GitHub Actions workflow commands (JUnit XML: {@link JUnitReportTest}). */
class CiOutputsTest {

    @TempDir
    Path tmp;

    @Test
    void workflowCommandEscaping() {
        assertThat(GithubAnnotations.data("100% done\r\nnext::error x")).isEqualTo("100%25 done%0D%0Anext::error x");
        assertThat(GithubAnnotations.property("a,b:c%\n")).isEqualTo("a%2Cb%3Ac%25%0A");
        assertThat(GithubAnnotations.command(Severity.CRITICAL)).isEqualTo("error");
        assertThat(GithubAnnotations.command(Severity.HIGH)).isEqualTo("error");
        assertThat(GithubAnnotations.command(Severity.MEDIUM)).isEqualTo("warning");
        assertThat(GithubAnnotations.command(Severity.LOW)).isEqualTo("notice");
        assertThat(GithubAnnotations.command(Severity.INFO)).isEqualTo("notice");
        assertThat(GithubAnnotations.enabled(Map.of("GITHUB_ACTIONS", "true"))).isTrue();
        assertThat(GithubAnnotations.enabled(Map.of("CI", "true"))).isFalse();
    }

    @Test
    void annotationsAreOneLineEachRelativeToTheWorkspaceAndSkipBaselined() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("mono/ops, infra"));
        Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  a:\n    image: x\n    image: y\n");
        Files.writeString(repo.resolve("prometheus.yml"), "global: {}\nglobal: {}\n");
        AuditResult first = new Auditor(java.util.List.of(new io.samokoder.rules.config.InvalidYamlRule(), new io.samokoder.rules.readiness.ClaimExceedsScoreRule())).run(AuditConfig.forRoot(repo));
        Files.writeString(tmp.resolve("b.json"), "{\"findings\":[]}");
        Baseline.of(first.findings().stream().filter(f -> f.path().equals("prometheus.yml")).toList())
                .write(tmp.resolve("b.json"));
        AuditResult r = new Auditor(java.util.List.of(new io.samokoder.rules.config.InvalidYamlRule(), new io.samokoder.rules.readiness.ClaimExceedsScoreRule())).run(AuditConfig.forRoot(repo).baseline(tmp.resolve("b.json")));
        List<String> lines = GithubAnnotations.lines(r, Map.of("GITHUB_ACTIONS", "true",
                "GITHUB_WORKSPACE", tmp.toString()));
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l).startsWith("::error file=mono/ops%2C infra/docker-compose.yml,line=4,col=5,"
                    + "title=samokoder config/invalid-yaml (high)::YAML duplicate key 'image'");
            assertThat(l).doesNotContain("\n").doesNotContain("\r");
        });
        assertThat(GithubAnnotations.lines(r, Map.of())).singleElement().asString()
                .startsWith("::error file=docker-compose.yml,line=4");
    }
}
