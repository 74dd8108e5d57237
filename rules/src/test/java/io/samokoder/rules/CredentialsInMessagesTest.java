package io.samokoder.rules;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Baseline;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Gate;
import io.samokoder.engine.report.AuditReport;
import io.samokoder.engine.report.ConsoleReport;
import io.samokoder.engine.report.GithubAnnotations;
import io.samokoder.engine.report.HtmlAuditReport;
import io.samokoder.engine.report.JUnitReport;
import io.samokoder.engine.report.JsonReport;
import io.samokoder.engine.report.MarkdownAuditReport;
import io.samokoder.engine.report.SarifReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credential that a check quotes from the repository (a Prometheus target {@code admin:PASS@host:9100}) is masked in
 * the finding, and so in every output and the baseline (issue 25, F12).
 */
class CredentialsInMessagesTest {

    @TempDir
    Path root;

    @Test
    void aScrapeTargetsPasswordIsMaskedInEveryOutputAndTheBaseline(@TempDir Path out) throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), """
                services:
                  prometheus:
                    image: prom/prometheus:v2.53.0
                    volumes:
                      - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro
                  app:
                    image: nginx:1.27
                """);
        Files.writeString(root.resolve("prometheus.yml"), """
                scrape_configs:
                  - job_name: node
                    static_configs:
                      - targets: ['admin:Sup3rSecretPass@nodehost:9100']
                """);
        AuditResult result = new Auditor().run(AuditConfig.forRoot(root));
        Finding unknown = result.findings().stream().filter(f -> f.ruleId().equals("monitoring/unknown-scrape-target"))
                .findFirst().orElseThrow();
        assertThat(unknown.message()).startsWith("scrape target 'admin:Su***(15)@nodehost:9100' (job node)");
        List<String> outputs = new ArrayList<>();
        outputs.addAll(ConsoleReport.lines(result));
        outputs.addAll(GithubAnnotations.lines(result, Map.of("GITHUB_ACTIONS", "true")));
        outputs.add(Gate.evaluate(result, 80, io.samokoder.engine.Severity.HIGH).message());
        AuditReport.Options options = new AuditReport.Options(java.util.Locale.ENGLISH, 80,
                io.samokoder.engine.Severity.HIGH);
        for (byte[] rendered : List.of(JsonReport.render(result), SarifReport.render(result), JUnitReport.render(result),
                MarkdownAuditReport.render(result, options), HtmlAuditReport.render(result, options))) {
            outputs.add(new String(rendered, StandardCharsets.UTF_8));
        }
        Baseline.of(result.findings()).write(out.resolve("baseline.json"));
        outputs.add(Files.readString(out.resolve("baseline.json")));
        assertThat(outputs).allSatisfy(o -> assertThat(o).doesNotContain("Sup3rSecretPass"));
        assertThat(String.join("\n", outputs)).contains("admin:Su***(15)@nodehost:9100");
    }
}
