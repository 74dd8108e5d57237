package io.samokoder.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Report, JUnit and locale parameters of {@code check}, and the configuration file under the parameters. */
class CheckMojoOutputsTest {

    @TempDir
    Path root;

    CheckMojo mojo;

    @BeforeEach
    void defaults() throws IOException {
        mojo = new CheckMojo();
        mojo.dir = root.toFile();
        Files.writeString(root.resolve("docker-compose.yml"), "services:\n  api:\n    image: a\n    image: b\n");
    }

    @Test
    void writesTheHtmlReportByDefaultAndJUnitWhenAsked() {
        mojo.junit = root.resolve("target/out/junit.xml").toString();
        mojo.locale = "ru";
        mojo.failOnViolation = false;
        assertThatNoFailure();
        assertThat(root.resolve("target/samokoder/samokoder-report.html")).content(java.nio.charset.StandardCharsets.UTF_8)
                .contains("<html lang=\"ru\">").contains("Оценка готовности");
        assertThat(root.resolve("target/out/junit.xml")).content(java.nio.charset.StandardCharsets.UTF_8).contains("<testcase classname=\"samokoder.config\" name=\"config/invalid-yaml docker-compose.yml:")
                // the JUnit texts follow the locale too; test case names and classnames do not
                .contains("<failure message=\"docker-compose.yml:4 в YAML повторяется ключ `image`")
                .contains("Как исправить: ");
    }

    @Test
    void markdownReportAndNone() throws IOException {
        mojo.report = root.resolve("target/audit.md").toString();
        mojo.failOnViolation = false;
        assertThatNoFailure();
        assertThat(root.resolve("target/audit.md")).content(java.nio.charset.StandardCharsets.UTF_8).startsWith("# Production readiness audit");
        mojo.report = "none";
        mojo.dir = Files.createDirectories(root.resolve("other")).toFile();
        assertThatNoFailure();
        assertThat(root.resolve("other/target/samokoder/samokoder-report.html")).doesNotExist();
        assertThat(root.resolve("other/target/samokoder/samokoder.json")).exists();
    }

    @Test
    void configurationFileAppliesUnderTheParameters() throws IOException {
        Files.writeString(root.resolve(".samokoder.yml"), "minScore: 0\nfailOnSeverity: critical\nlocale: ru\n");
        assertThatNoFailure();
        assertThat(root.resolve("target/samokoder/samokoder-report.html")).content(java.nio.charset.StandardCharsets.UTF_8).contains("<html lang=\"ru\">");
        mojo.failOnSeverity = "high";
        assertThatThrownBy(() -> mojo.execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("сборка падает с уровня «высокое»");
        mojo.configFile = "none";
        mojo.failOnSeverity = null;
        assertThatThrownBy(() -> mojo.execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("minimum 80");
        mojo.configFile = null;
        mojo.locale = "en";
        mojo.failOnSeverity = "critical";
        assertThatNoFailure();
        assertThat(root.resolve("target/samokoder/samokoder-report.html")).content(java.nio.charset.StandardCharsets.UTF_8).contains("<html lang=\"en\">");
    }

    @Test
    void invalidConfigurationFailsWithOneLine() throws IOException {
        Files.writeString(root.resolve(".samokoder.yml"), "minscore: 0\n");
        assertThatThrownBy(() -> mojo.execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("samokoder: .samokoder.yml:1: unknown key 'minscore' (did you mean 'minScore'?)");
    }

    private void assertThatNoFailure() {
        try {
            mojo.execute();
        } catch (MojoFailureException e) {
            throw new AssertionError("unexpected failure: " + e.getMessage(), e);
        }
    }
}
