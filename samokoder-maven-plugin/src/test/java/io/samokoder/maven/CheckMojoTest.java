package io.samokoder.maven;

import io.samokoder.engine.Category;
import io.samokoder.engine.Severity;
import io.samokoder.run.AuditService;
import io.samokoder.run.Settings;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckMojoTest {

    @TempDir
    Path root;

    CheckMojo mojo;

    @BeforeEach
    void defaults() {
        mojo = new CheckMojo();
        mojo.dir = root.toFile();
        mojo.minScore = 80;
        mojo.failOnSeverity = "high";
        mojo.failOnViolation = true;
    }

    @Test
    void parametersBecomeTheSettingsOfTheRequest() {
        mojo.excludes = List.of("vendor/, node_modules/", "docs/old/");
        mojo.disabledRules = List.of("docs/broken-link,secrets/weak-value");
        mojo.weights = "secrets=5,docs=0.5";
        mojo.options = Map.of("docs.online", "true");
        mojo.failOnSeverity = "medium";
        Settings settings = mojo.settings().build();
        assertThat(settings.excludes()).containsExactly("vendor/", "node_modules/", "docs/old/");
        assertThat(settings.disabledRules()).containsExactly("docs/broken-link", "secrets/weak-value");
        assertThat(settings.weights()).containsEntry(Category.SECRETS, 5.0).containsEntry(Category.DOCS, 0.5);
        assertThat(settings.options()).containsEntry("docs.online", List.of("true"));
        assertThat(settings.failOnSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(settings.minScore()).isEqualTo(80);
        assertThat(mojo.request(settings).build().alwaysExcluded()).containsExactly("/target/");
        assertThat(mojo.request(settings).build().interpolateEnvironment()).isFalse();
    }

    @Test
    void failingGateFailsTheBuildWithScoreThresholdAndLocation() throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), "services:\n  api:\n    image: a\n    image: b\n");
        assertThatThrownBy(() -> mojo.execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("samokoder gate failed").hasMessageContaining("minimum 80")
                .hasMessageContaining("failed by: config/invalid-yaml (1)");
        assertThat(root.resolve("target/samokoder/samokoder.sarif")).exists();
        assertThat(root.resolve("target/samokoder/samokoder.json")).exists();
    }

    @Test
    void theGoalSaysWhereItsReportsAre() throws Exception {
        Files.writeString(root.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.junit = root.resolve("target/samokoder/junit.xml").toString();
        mojo.execute();
        String folder = root.toAbsolutePath().normalize().resolve("target/samokoder").toString();
        assertThat(log.lines).filteredOn(l -> l.contains("reports")).singleElement().asString()
                .matches("INFO samokoder: reports in (target/samokoder|" + java.util.regex.Pattern.quote(folder)
                        + ")/: samokoder\\.sarif, samokoder\\.json, junit\\.xml, samokoder-report\\.html");
    }

    @Test
    void theNextBuildDoesNotAuditThisBuildsReports() throws Exception {
        Files.writeString(root.resolve("docker-compose.yml"), "services:\n  db:\n    environment:\n      PASSWORD: admin\n");
        Files.writeString(root.resolve("README.md"), "# App\n\n[guide](docs/guide.md)\n");
        mojo.failOnViolation = false;
        mojo.execute();
        byte[] first = Files.readAllBytes(root.resolve("target/samokoder/samokoder.json"));
        assertThat(root.resolve("target/samokoder/samokoder-report.html")).exists();
        mojo.execute();
        assertThat(root.resolve("target/samokoder/samokoder.json")).hasBinaryContent(first);
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).contains("\"audited\" : 2");
    }

    @Test
    void reportOnlyModeDoesNotFail() throws Exception {
        Files.writeString(root.resolve("docker-compose.yml"), "a: 1\na: 2\n");
        mojo.failOnViolation = false;
        mojo.sarif = "none";
        mojo.execute();
        assertThat(root.resolve("target/samokoder/samokoder.sarif")).doesNotExist();
        assertThat(root.resolve("target/samokoder/samokoder.json")).exists();
    }

    @Test
    void skipDoesNotAudit() throws Exception {
        mojo.skip = true;
        mojo.dir = root.resolve("missing").toFile();
        mojo.execute();
        assertThat(root.resolve("target")).doesNotExist();
    }

    @Test
    void badParameterIsOneLineFailure() {
        mojo.failOnSeverity = "severe";
        assertThatThrownBy(() -> mojo.execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage("samokoder: unknown severity 'severe' (expected one of critical, high, medium, low, info)");
        mojo.failOnSeverity = "high";
        mojo.dir = new File(root.toFile(), "missing");
        assertThatThrownBy(() -> mojo.execute()).hasMessageStartingWith("samokoder: not a directory");
    }

    @Test
    void outputDefaultsUnderTheRootWithoutAProject() {
        assertThat(mojo.output(null, "x.sarif")).isEqualTo(root.resolve("target/samokoder/x.sarif"));
        assertThat(mojo.output("custom/out.sarif", "x.sarif")).isEqualTo(Path.of("custom/out.sarif"));
        assertThat(mojo.output("none", "x.sarif")).isNull();
    }

    @Test
    void baselineGoalWritesTheFileTheNextCheckUsesByItself() throws Exception {
        Files.writeString(root.resolve("docker-compose.yml"), "a: 1\na: 2\n");
        BaselineMojo baseline = new BaselineMojo();
        baseline.dir = root.toFile();
        RecordingLog baselineLog = new RecordingLog();
        baseline.setLog(baselineLog);
        baseline.execute();
        Path file = root.resolve(AuditService.BASELINE_FILE);
        assertThat(Files.readString(file)).contains("config/invalid-yaml");
        assertThat(baselineLog.lines).contains("INFO samokoder: baseline of 2 findings written to " + file);
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.minScore = 0;
        mojo.execute(); // the only finding is baselined: the gate passes
        assertThat(log.lines).contains("INFO samokoder: baseline: 2 findings accepted (.samokoder-baseline.json)");
    }

    @Test
    void typosInRuleIdsAndOptionsFailTheBuild() {
        mojo.disabledRules = List.of("docs/broken-lnk");
        assertThatThrownBy(() -> mojo.execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("unknown rule id 'docs/broken-lnk'")
                .hasMessageContaining("(did you mean 'docs/broken-link'?)");
        mojo.disabledRules = null;
        mojo.options = Map.of("docs.onlin", "true");
        assertThatThrownBy(() -> mojo.execute()).hasMessageContaining("(did you mean 'docs.online'?)");
        mojo.options = null;
        mojo.weights = "secret=3";
        assertThatThrownBy(() -> mojo.execute()).hasMessageContaining("(did you mean 'secrets'?)");
    }
}
