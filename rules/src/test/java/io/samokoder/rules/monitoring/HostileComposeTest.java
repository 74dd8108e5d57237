package io.samokoder.rules.monitoring;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Finding;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.prometheus.PrometheusConfigs;
import io.samokoder.testing.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Hostile compose and Prometheus input gives findings or nothing, never an exception or a hang. */
class HostileComposeTest {

    private static final String BASE = """
            x-a: &a
              restart: always
            services:
              prometheus:
                <<: *a
                image: prom/prometheus:${TAG:-v2.54.1}
                ports: ["9090:9090", {target: 9091, published: "9091"}]
                expose: ["9100-9105/udp"]
                volumes: [./prom:/etc/prometheus, {type: bind, source: ./x, target: /x}]
                command: ["--config.file=/etc/prometheus/prometheus.yml"]
                environment: {A: "1", B: null}
                networks: {default: {aliases: [metrics]}}
                extends: {file: other.yml, service: base}
              exporter:
                image: prom/node-exporter:v1.8.2
                links: ["prometheus:p"]
            include: [sub/compose.yaml]
            """;

    private static final String PROM = """
            rule_files: [/etc/prometheus/rules/*.yml, "[", "/etc/prometheus/**/x.yml"]
            alerting:
              alertmanagers: [{static_configs: [{targets: ["am:9093"]}]}, {dns_sd_configs: [{names: [tasks.am]}]}]
            scrape_configs:
              - job_name: a
                static_configs: [{targets: ["exporter:9100", "[::1]:9", "http://x:y", ":", "", "a:b:c"]}]
                file_sd_configs: [{files: [targets/*.json]}]
              - {job_name: b, relabel_configs: [{target_label: __address__, replacement: "bb:9115"}]}
              - 42
            """;

    private static void auditMustNotFail(Path dir) {
        AuditResult result = new Auditor().run(AuditConfig.forRoot(dir));
        List<Finding> failed = result.active().stream().filter(f -> f.ruleId().equals("config/check-failed")).toList();
        assertThat(failed).as("rules that threw").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "services: [a, b]",
            "services: {a: [1, 2], b: 3, c: null, d: {ports: 8080}}",
            "services: {a: {ports: [\"65536:1\", \"0:0\", \"1-:2\", \"-1:80\", \"[::1:80:80\", \"[::1]:80:80\", \"a:b:c:d:e\"]}}",
            "services: {a: {ports: [{target: x}, {target: 80, published: \"9-1\"}, {target: 80, protocol: icmp}]}}",
            "services: {a: {environment: [[1], {x: y}, \"=novar\", \"\"], env_file: [{required: true}], profiles: {x: y}}}",
            "services: {a: {volumes: [\"\", \":\", \"a:b:c:d\", {type: bind}, 1, null], command: {a: b}, entrypoint: [[]]}}",
            "services: {a: {extends: {file: ../../../etc/passwd, service: x}}, b: {extends: [1]}}",
            "services: {a: {image: \"${\", container_name: \"${A:-${B:-${C\", hostname: [x], network_mode: {a: 1}}}",
            "services: {a: {networks: {n: {aliases: x}}, links: [[1]], depends_on: 5}}",
            "include: {a: b}\nservices: {}",
            "include: [{path: []}, {env_file: x}, 3, \"/abs/compose.yaml\", \"../../x.yml\"]",
            "x: &x [*x]\nservices: {a: {environment: *x}}",
            "a: &a\n  <<: *a\n  b: 1\nservices:\n  s:\n    <<: *a\n",
            "{{{",
            "- just\n- a list",
            "\"a scalar\"",
            "",
            "services: {a: {image: \"$$${A}$$${\"}}",
            "services:\n  a:\n    image: x\n    ports:\n      - \"${P:-80}:${Q:?need Q}\"\n",
    })
    void malformedComposeNeverThrows(String compose, @TempDir Path dir) {
        new TempRepo(dir).file("docker-compose.yml", compose).file("prometheus.yml", PROM)
                .file("other.yml", compose).file("sub/compose.yaml", compose);
        assertThatCode(() -> auditMustNotFail(dir)).doesNotThrowAnyException();
        TempRepo repo = new TempRepo(dir);
        assertThatCode(() -> {
            var ctx = repo.context();
            ComposeProject.of(ctx);
            PrometheusConfigs.of(ctx);
        }).doesNotThrowAnyException();
    }

    @Test
    void randomMutationsOfAValidProjectNeverThrow(@TempDir Path dir) {
        Random random = new Random(20260101L);
        String alphabet = "{}[]:,-&*<>!|'\"$#\n ab19.";
        for (int round = 0; round < 60; round++) {
            StringBuilder compose = new StringBuilder(BASE);
            StringBuilder prom = new StringBuilder(PROM);
            for (int k = 0; k < 1 + random.nextInt(6); k++) {
                mutate(compose, random, alphabet);
                mutate(prom, random, alphabet);
            }
            Path round0 = dir.resolve("r" + round);
            new TempRepo(round0).file("docker-compose.yml", compose.toString())
                    .file("monitoring/prometheus.yml", prom.toString())
                    .file("other.yml", "services: {base: {image: busybox}}")
                    .file("sub/compose.yaml", compose.toString())
                    .file("README.md", "Prometheus — http://localhost:9090\n`docker compose up` starts monitoring\n");
            auditMustNotFail(round0);
        }
    }

    private static void mutate(StringBuilder s, Random random, String alphabet) {
        int at = random.nextInt(s.length());
        switch (random.nextInt(3)) {
            case 0 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            case 1 -> s.deleteCharAt(at);
            default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
    }

    @Test
    void hugeInterpolationAndPortRangesStayFast(@TempDir Path dir) {
        String deep = "${A:-".repeat(2000) + "x" + "}".repeat(2000);
        new TempRepo(dir).file("docker-compose.yml", "services:\n  a:\n    image: \"" + deep + "\"\n    ports: [\"1-65535:1-65535\"]\n    expose: [\"1-65535\"]\n")
                .file("prometheus.yml", "scrape_configs: [{job_name: j, static_configs: [{targets: [\"a:80\"]}]}]\n");
        // a hang guard: expanding the ranges or the nesting would not finish
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> auditMustNotFail(dir));
    }
}
