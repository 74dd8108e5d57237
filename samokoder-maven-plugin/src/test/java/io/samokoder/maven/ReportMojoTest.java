package io.samokoder.maven;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The report page shows the score the {@code check} gate computes from the same parameters. */
class ReportMojoTest {

    @TempDir
    Path root;

    @BeforeEach
    void repository() throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), """
                services:
                  db:
                    image: postgres:16
                    environment:
                      POSTGRES_PASSWORD: postgres
                """);
        Files.writeString(root.resolve("README.md"), "# App\n\nSee [the guide](docs/guide.md) and [setup](docs/setup.md).\n");
        Files.writeString(root.resolve("suppressions.yml"), """
                suppressions:
                  - rule: docs/broken-link
                    path: README.md
                    reason: the guide is being written
                """);
        // this build's own output (a build directory of another name than target/): check leaves it out, so must the page
        Files.createDirectories(root.resolve("out"));
        Files.writeString(root.resolve("out/.env.production"), "SECRET_KEY=short\nDB_PASSWORD=admin\n");
    }

    @Test
    void thePageShowsTheGatesScoreForTheSameParameters() throws Exception {
        ForkedCheckMojoTest.Recording checkLog = new ForkedCheckMojoTest.Recording();
        CheckMojo check = new CheckMojo();
        check.dir = root.toFile();
        check.buildDirectory = root.resolve("out").toFile();
        check.fork = false;
        check.failOnViolation = false;
        check.weights = "secrets=5";
        check.suppressions = root.resolve("suppressions.yml").toFile();
        check.setLog(checkLog);
        check.execute();
        int gate = score(String.join("\n", checkLog.lines), "samokoder readiness score: (\\d+)/100");

        int page = reportScore(root.resolve("site"), "secrets=5");
        assertThat(page).isEqualTo(gate);
        assertThat(Files.readString(root.resolve("site/samokoder.html"))).contains("<span class=\"value\">" + gate + "</span>");
        // the parameters matter: without the weights the page's score differs, so the equality above is not luck
        assertThat(reportScore(root.resolve("site-unweighted"), null)).isNotEqualTo(gate);
    }

    private int reportScore(Path out, String weights) throws Exception {
        ForkedCheckMojoTest.Recording log = new ForkedCheckMojoTest.Recording();
        ReportMojo report = new ReportMojo();
        report.dir = root.toFile();
        report.outputDirectory = out.toFile();
        report.buildDirectory = root.resolve("out").toFile();
        report.weights = weights;
        report.suppressions = root.resolve("suppressions.yml").toFile();
        report.setLog(log);
        report.execute();
        return score(String.join("\n", log.lines), "samokoder: readiness (\\d+)/100 written to");
    }

    private static int score(String log, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(log);
        assertThat(m.find()).as(log).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
