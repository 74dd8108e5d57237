package io.samokoder.bench;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.prometheus.PrometheusConfigs;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Building the shared monitoring models (every compose file with includes, extends, anchors and interpolation; every
 * Prometheus config joined with the services that run it) for a generated repository of 200 compose files in 100
 * projects and 50 Prometheus configs. Each invocation walks the tree and parses everything from scratch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonitoringBenchmark {

    private Path root;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        root = Files.createTempDirectory("samokoder-monitoring-bench");
        for (int p = 0; p < 100; p++) {
            Path dir = root.resolve("projects/p" + p);
            Files.createDirectories(dir.resolve("prometheus"));
            write(dir.resolve(".env"), "TAG=1." + p + "\nPORT=" + (8000 + p) + " # http\nGREETING='hi $USER'\n");
            StringBuilder compose = new StringBuilder("""
                    x-common: &common
                      restart: unless-stopped
                      logging: {driver: json-file, options: {max-size: "10m"}}
                    services:
                    """);
            for (int s = 0; s < 12; s++) {
                compose.append("  svc").append(s).append(":\n")
                        .append("    <<: *common\n")
                        .append("    image: registry.example.com/team/svc").append(s).append(":${TAG:-latest}\n")
                        .append("    ports: [\"${PORT}:8000\", \"127.0.0.1:").append(9100 + s).append(":9100\"]\n")
                        .append("    expose: [\"9000-9005\"]\n")
                        .append("    environment:\n      DB_URL: postgres://db:5432/app\n      LEVEL: ${LEVEL:-info}\n")
                        .append("    volumes: [\"./data/svc").append(s).append(":/data\", \"cache:/cache\"]\n")
                        .append("    command: [\"serve\", \"--port\", \"8000\"]\n");
            }
            if (p < 50) {
                compose.append("""
                          prometheus:
                            image: prom/prometheus:v2.54.1
                            volumes: ["./prometheus:/etc/prometheus"]
                            command: ["--config.file=/etc/prometheus/prometheus.yml"]
                        """);
            }
            compose.append("volumes:\n  cache:\n");
            write(dir.resolve("docker-compose.yml"), compose.toString());
            write(dir.resolve("docker-compose.override.yml"), """
                    services:
                      svc0:
                        environment: {LEVEL: debug}
                        ports: ["5678:5678"]
                      worker:
                        extends: {service: svc1}
                        command: worker
                    """);
            if (p < 50) {
                StringBuilder prom = new StringBuilder("""
                        global: {scrape_interval: 15s}
                        alerting:
                          alertmanagers: [{static_configs: [{targets: ["alertmanager:9093"]}]}]
                        rule_files: [/etc/prometheus/rules/*.yml]
                        scrape_configs:
                        """);
                for (int s = 0; s < 12; s++) {
                    prom.append("  - job_name: svc").append(s).append("\n    static_configs:\n      - targets: ['svc")
                            .append(s).append(":9100', 'svc").append(s).append(":9000']\n");
                }
                write(dir.resolve("prometheus/prometheus.yml"), prom.toString());
                write(dir.resolve("prometheus/rules/alerts.yml"), "groups: []\n");
            }
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
    public int buildModels() throws IOException {
        AuditContext ctx = new AuditContext(Workspace.scan(root, List.of(), Workspace.DEFAULT_MAX_FILE_SIZE),
                AuditConfig.forRoot(root));
        ComposeProject compose = ComposeProject.of(ctx);
        PrometheusConfigs prom = PrometheusConfigs.of(ctx);
        if (compose.files().size() != 200 || prom.configs().size() != 50 || prom.runners().size() != 50) {
            throw new IllegalStateException("generated tree not modelled as expected: " + compose.files().size()
                    + " compose files, " + prom.configs().size() + " configs, " + prom.runners().size() + " runners");
        }
        return compose.services().size() + prom.configs().size();
    }
}
