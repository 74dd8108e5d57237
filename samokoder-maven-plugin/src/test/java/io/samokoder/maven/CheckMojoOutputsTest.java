package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
        mojo.buildDirectory = root.resolve("target").toFile();
        Files.writeString(root.resolve("docker-compose.yml"), "services:\n  api:\n    image: a\n    image: b\n");
    }

    @Test
    void writesTheHtmlReportByDefaultAndJUnitWhenAsked() {
        mojo.junit = root.resolve("out/junit.xml").toString();
        mojo.locale = "ru";
        mojo.failOnViolation = false;
        assertThatNoFailure();
        assertThat(root.resolve("target/samokoder/samokoder-report.html")).content()
                .contains("<html lang=\"ru\">").contains("Оценка готовности");
        assertThat(root.resolve("out/junit.xml")).content().contains("<testcase classname=\"samokoder.config\" name=\"config/invalid-yaml\"")
                .contains("<failure message=\"docker-compose.yml:4 YAML duplicate key");
    }

    @Test
    void markdownReportAndNone() {
        mojo.report = root.resolve("audit.md").toString();
        mojo.failOnViolation = false;
        assertThatNoFailure();
        assertThat(root.resolve("audit.md")).content().startsWith("# Production readiness audit");
        mojo.report = "none";
        mojo.buildDirectory = root.resolve("other").toFile();
        assertThatNoFailure();
        assertThat(root.resolve("other/samokoder/samokoder-report.html")).doesNotExist();
    }

    @Test
    void configurationFileAppliesUnderTheParameters() throws IOException {
        Files.writeString(root.resolve(".samokoder.yml"), "minScore: 0\nfailOnSeverity: critical\nlocale: ru\n");
        assertThatNoFailure();
        AuditConfig config = mojo.toConfig();
        assertThat(config.minScore()).isEqualTo(AuditConfig.DEFAULT_MIN_SCORE); // file not read before the run
        mojo.failOnSeverity = "high";
        assertThatThrownBy(() -> mojo.execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("failOnSeverity high");
        mojo.configFile = "none";
        mojo.failOnSeverity = null;
        assertThatThrownBy(() -> mojo.execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("minimum 80");
        mojo.configFile = null;
        mojo.locale = "en";
        assertThat(mojo.toConfig().locale()).isEqualTo(Locale.ENGLISH);
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
