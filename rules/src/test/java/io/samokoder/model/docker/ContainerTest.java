package io.samokoder.model.docker;

import io.samokoder.engine.AuditContext;
import io.samokoder.testing.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a container sees of the repository and which ports it is set to listen on. */
class ContainerTest {

    @TempDir
    Path dir;

    private static Container named(AuditContext ctx, String name) {
        return Containers.of(ctx).all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void filesMatchingAGlobComeFromMountsComposeConfigsAndCopies() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          prometheus:
                            build: ./prometheus
                            configs:
                              - source: node
                                target: /etc/prometheus/rules/node.yml
                            volumes:
                              - ./extra:/etc/prometheus/rules/extra
                              - rules-cache:/etc/prometheus/cache
                        configs:
                          node:
                            file: ./rules/node.rules.yml
                        volumes:
                          rules-cache:
                        """)
                .file("prometheus/Dockerfile", "FROM prom/prometheus:v2.53.0\nCOPY rules/ /etc/prometheus/rules/\n")
                .file("prometheus/rules/app.yml", "groups: []\n")
                .file("prometheus/rules/deep/x.yml", "groups: []\n")
                .file("rules/node.rules.yml", "groups: []\n")
                .file("extra/a.yml", "groups: []\n")
                .context();
        Container c = named(ctx, "prometheus");
        Pattern rules = Pattern.compile("/etc/prometheus/rules/[^/]*\\.yml");
        assertThat(c.repositoryFilesMatching(rules, "/etc/prometheus/rules", ctx.workspace()))
                .containsExactly("prometheus/rules/app.yml", "rules/node.rules.yml");
        assertThat(c.repositoryFilesMatching(Pattern.compile("/etc/prometheus/rules/extra/[^/]*"),
                "/etc/prometheus/rules/extra", ctx.workspace())).containsExactly("extra/a.yml");
        assertThat(c.mountCovering("/etc/prometheus/cache/x.yml")).hasValueSatisfying(m ->
                assertThat(m.type()).isEqualTo("volume"));
        assertThat(c.copyCovering("/etc/prometheus/rules/none.yml")).hasValueSatisfying(p ->
                assertThat(p.line()).isEqualTo(2));
        assertThat(c.copyCovering("/etc/other.yml")).isEmpty();
    }

    @Test
    void listenPortsSetByCommandEnvironmentOrAConfigFileItSees() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          collector:
                            image: otel/opentelemetry-collector-contrib:0.104.0
                            volumes: ["./otel/config.yaml:/etc/otelcol/config.yaml"]
                          pushgw:
                            image: prom/pushgateway:v1.9.0
                            command: ["--web.listen-address=:9191"]
                          worker:
                            image: acme/worker:1
                            environment:
                              METRICS_PORT: "8001"
                          api:
                            image: acme/api:1
                            volumes: ["./otel:/etc/otel"]
                          app:
                            build: .
                        """)
                .file("Dockerfile", "FROM python:3.12-slim\nCOPY . /app\n")
                .file("monitoring/prometheus.yml", "scrape_configs:\n  - job_name: app\n    dns_sd_configs:\n"
                        + "      - names: [app]\n        type: A\n        port: 9100\n")
                .file("otel/config.yaml", "exporters:\n  prometheus:\n    endpoint: \"0.0.0.0:8889\"\n"
                        + "  otlp:\n    endpoint: tempo:4317\n")
                .context();
        assertThat(named(ctx, "collector").listenSetting(ctx, 8889)).contains("otel/config.yaml:3");
        assertThat(named(ctx, "collector").listenSetting(ctx, 4317)).as("a client address, not a listen one")
                .isEmpty();
        assertThat(named(ctx, "pushgw").listenSetting(ctx, 9191)).hasValueSatisfying(w ->
                assertThat(w).startsWith("its command"));
        assertThat(named(ctx, "worker").listenSetting(ctx, 8001)).hasValueSatisfying(w ->
                assertThat(w).startsWith("its environment METRICS_PORT"));
        assertThat(named(ctx, "worker").listenSetting(ctx, 8002)).isEmpty();
        assertThat(named(ctx, "api").listenSetting(ctx, 8889)).contains("otel/config.yaml:3");
        assertThat(named(ctx, "app").listenSetting(ctx, 9100)).as("a scrape job's port is no listen setting")
                .isEmpty();
        assertThat(named(ctx, "app").listenSetting(ctx, 8889)).as("the app's image has the collector config too")
                .contains("otel/config.yaml:3");
    }

    @Test
    void hostileConfigsAndBuildScriptsAreReadInLinearTime() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          app:
                            image: acme/app:1
                            volumes: ["./conf:/etc/app"]
                        """)
                .file("conf/app.yaml", "port".repeat(30_000) + "a:".repeat(20_000))
                .file("build.sh", "docker build -t acme/app:" + "${{".repeat(60_000) + " .\n")
                .context();
        assertThat(named(ctx, "app").listenSetting(ctx, 8080)).isEmpty();
        assertThat(BuiltImages.of(ctx).recipes()).isEmpty();
    }
}

