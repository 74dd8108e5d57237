package io.samokoder.model.prometheus;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.testing.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One model of Prometheus configs and the containers that run them, for the monitoring and placeholder checks. */
class PrometheusConfigsTest {

    @TempDir
    Path dir;

    @Test
    void runnersReadConfigsThroughComposeConfigsImagesAndScriptCopies() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          swarm-prom:
                            image: prom/prometheus:v2.53.0
                            configs:
                              - source: prom
                                target: /etc/prometheus/prometheus.yml
                          built-prom:
                            image: acme/prom:2
                          copied-prom:
                            image: prom/prometheus:v2.53.0
                            volumes: ["./local/prometheus.yml:/etc/prometheus/prometheus.yml"]
                        configs:
                          prom:
                            file: ./swarm/prometheus.yml
                        """)
                .file("swarm/prometheus.yml", "scrape_configs: []\n")
                .file("image/Dockerfile", "FROM prom/prometheus:v2.53.0\nCOPY conf/ /etc/prometheus/\n")
                .file("image/conf/prometheus.yml", "rule_files: [rules.yml]\nscrape_configs: []\n")
                .file("image/conf/rules.yml", "groups: []\n")
                .file("Makefile", "images:\n\tdocker build -t acme/prom:2 image\nconfig:\n"
                        + "\tcp local/prometheus.dist.yml local/prometheus.yml\n")
                .file("local/prometheus.dist.yml", "scrape_configs: []\n")
                .file("examples/prometheus.yml", "scrape_configs: []\n")
                .context();
        PrometheusConfigs prom = PrometheusConfigs.of(ctx);
        assertThat(prom.runnersOf("swarm/prometheus.yml")).singleElement().satisfies(r ->
                assertThat(r.service().name()).isEqualTo("swarm-prom"));
        assertThat(prom.runnersOf("image/conf/prometheus.yml")).singleElement().satisfies(r -> {
            assertThat(r.service().name()).isEqualTo("built-prom");
            assertThat(r.configFolder()).isEqualTo("/etc/prometheus");
        });
        assertThat(prom.runnersOf("local/prometheus.dist.yml")).singleElement().satisfies(r -> {
            assertThat(r.service().name()).isEqualTo("copied-prom");
            assertThat(r.how().map(io.samokoder.i18n.Text::english)).contains("cp in Makefile:4 writes local/prometheus.yml from local/prometheus.dist.yml");
        });
        assertThat(prom.deployed()).containsExactly("image/conf/prometheus.yml", "local/prometheus.dist.yml",
                "swarm/prometheus.yml");
        assertThat(prom.runnersOf("examples/prometheus.yml")).isEmpty();
        assertThat(prom.config("examples/prometheus.yml")).isPresent();

        PrometheusConfig built = prom.config("image/conf/prometheus.yml").orElseThrow();
        List<PrometheusConfigs.Reach> reach = prom.reach(ctx, built, "rules.yml");
        assertThat(reach).singleElement().satisfies(r -> {
            assertThat(r.resolved()).contains("/etc/prometheus/rules.yml");
            assertThat(r.files()).containsExactly("image/conf/rules.yml");
        });
    }

    @Test
    void aConfigNothingRunsStandsInItsFolderAsEtcPrometheus() {
        assertThat(PrometheusConfigs.assumedLayout("ops/prom/prometheus.yml", "rules/*.yml"))
                .contains("ops/prom/rules/*.yml");
        assertThat(PrometheusConfigs.assumedLayout("ops/prom/prometheus.yml", "/etc/prometheus/rules/*.yml"))
                .contains("ops/prom/rules/*.yml");
        assertThat(PrometheusConfigs.assumedLayout("prometheus.yml", "/etc/prometheus/a.yml")).contains("a.yml");
        assertThat(PrometheusConfigs.assumedLayout("ops/prometheus.yml", "/opt/rules/*.yml")).isEmpty();
    }

    @Test
    void filesByNameOrRootScrapeConfigsAndTheExpandFlag() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          prometheus:
                            image: prom/prometheus:v2.53.0
                            command: ["--enable-feature=expand-external-labels"]
                        """)
                .file("prometheus.yml", "scrape_configs: []\n")
                .file("prometheus-values.yml", "replicaCount: 2\n")
                .file("deploy/scrape.yml", "scrape_configs: []\n")
                .file("k8s/configmap.yml", "data:\n  prometheus.yml: |\n    scrape_configs: []\n")
                .context();
        PrometheusConfigs prom = PrometheusConfigs.of(ctx);
        assertThat(prom.files()).extracting(SourceFile::path)
                .containsExactly("deploy/scrape.yml", "prometheus-values.yml", "prometheus.yml");
        assertThat(prom.configs()).extracting(PrometheusConfig::path)
                .containsExactly("deploy/scrape.yml", "prometheus.yml");
        assertThat(prom.expandExternalLabels()).isTrue();
    }

    @Test
    void aComposeOverlayNamedPrometheusIsNoConfigAndDeploysTheRealOne() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", "services:\n  web:\n    image: nginx\n")
                .file("prometheus.yml", """
                        services:
                          prometheus:
                            image: prom/prometheus:v2.53.0
                            command: ["--config.file=/etc/prometheus/prometheus.yml"]
                            restart: ${RESTART_POLICY:-unless-stopped}
                            volumes: ["./prometheus:/etc/prometheus"]
                        """)
                .file("prometheus/prometheus.yml", "scrape_configs:\n  - job_name: web\n"
                        + "    static_configs: [{targets: ['web:80']}]\n")
                .context();
        PrometheusConfigs prom = PrometheusConfigs.of(ctx);
        assertThat(prom.files()).extracting(SourceFile::path).containsExactly("prometheus/prometheus.yml");
        assertThat(prom.configs()).extracting(PrometheusConfig::path).containsExactly("prometheus/prometheus.yml");
        assertThat(prom.runnersOf("prometheus/prometheus.yml")).singleElement().satisfies(r -> {
            assertThat(r.service().name()).isEqualTo("prometheus");
            assertThat(r.service().location().path()).isEqualTo("prometheus.yml");
        });
    }
}
