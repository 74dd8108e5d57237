package io.samokoder.bench;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Rule;
import io.samokoder.engine.Workspace;
import io.samokoder.rules.alerting.EnvExampleMissingVariableRule;
import io.samokoder.rules.alerting.TemplateVariableNotSuppliedRule;
import io.samokoder.rules.alerting.UnresolvedPlaceholderRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The alerting placeholder checks over a generated repository of 100 compose projects, each with an Alertmanager
 * config of 12 receivers (half rendered from a template by an envsubst entrypoint, half loaded as they are) and a
 * Prometheus config. Each invocation walks the tree, parses everything and runs the rules from scratch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AlertingBenchmark {

    private Path root;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        root = Files.createTempDirectory("samokoder-alerting-bench");
        for (int p = 0; p < 100; p++) {
            Path dir = root.resolve("projects/p" + p);
            boolean rendered = p % 2 == 0;
            StringBuilder am = new StringBuilder("global:\n  resolve_timeout: 5m\n  smtp_smarthost: '${SMTP_HOST}:587'\n"
                    + "route:\n  receiver: r0\n  group_by: [alertname]\n  routes:\n");
            for (int r = 1; r < 12; r++) {
                am.append("    - matchers: ['team=\"t").append(r).append("\"']\n      receiver: r").append(r).append('\n');
            }
            am.append("receivers:\n");
            for (int r = 0; r < 12; r++) {
                am.append("  - name: r").append(r).append("\n    telegram_configs:\n")
                        .append("      - bot_token: '${TELEGRAM_BOT_TOKEN}'\n        chat_id: ${TELEGRAM_CHAT_ID}\n")
                        .append("        message: '{{ template \"telegram.default.message\" . }} {{ $labels.x }}'\n")
                        .append("    email_configs:\n      - to: '${ALERT_EMAIL}'\n        auth_password: '${SMTP_PASSWORD}'\n");
            }
            am.append("inhibit_rules:\n  - source_matchers: [severity=\"critical\"]\n"
                    + "    target_matchers: [severity=\"warning\"]\n    equal: [alertname]\n");
            write(dir.resolve("alertmanager/" + (rendered ? "alertmanager.yml.tmpl" : "alertmanager.yml")), am.toString());
            write(dir.resolve("prometheus/prometheus.yml"), "global:\n  external_labels: {cluster: '${CLUSTER}'}\n"
                    + "scrape_configs:\n  - job_name: api\n    static_configs: [{targets: ['${API_HOST}:8000']}]\n");
            write(dir.resolve(".env.example"), "TELEGRAM_BOT_TOKEN=\nTELEGRAM_CHAT_ID=\n");
            write(dir.resolve("docker-compose.yml"), rendered ? """
                    services:
                      alertmanager:
                        build: ./alertmanager
                        volumes: ["./alertmanager:/etc/alertmanager:ro"]
                        entrypoint: ["/bin/sh", "-c", "envsubst < /etc/alertmanager/alertmanager.yml.tmpl > /tmp/am.yml && exec alertmanager --config.file=/tmp/am.yml"]
                        environment:
                          TELEGRAM_BOT_TOKEN: ${TELEGRAM_BOT_TOKEN}
                          TELEGRAM_CHAT_ID: ${TELEGRAM_CHAT_ID}
                          ALERT_EMAIL: ${ALERT_EMAIL}
                    """ : """
                    services:
                      alertmanager:
                        image: prom/alertmanager:v0.27.0
                        volumes: ["./alertmanager:/etc/alertmanager:ro"]
                    """);
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public int placeholderChecks() throws IOException {
        AuditContext ctx = new AuditContext(Workspace.scan(root, List.of(), Workspace.DEFAULT_MAX_FILE_SIZE),
                AuditConfig.forRoot(root));
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : List.of(new UnresolvedPlaceholderRule(), new TemplateVariableNotSuppliedRule(),
                new EnvExampleMissingVariableRule())) {
            rule.check(ctx, findings::add);
        }
        // 50 plain configs x 12 receivers x 4 placeholders + 1 (smarthost) + 100 Prometheus configs x 2
        long unresolved = findings.stream().filter(f -> f.ruleId().equals("alerting/unresolved-placeholder")).count();
        if (unresolved != 50 * (12 * 4 + 1) + 100 * 2) {
            throw new IllegalStateException("unexpected placeholder findings: " + unresolved);
        }
        return findings.size();
    }
}
