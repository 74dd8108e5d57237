package io.samokoder.rules.monitoring;

import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Rule;
import io.samokoder.engine.Severity;
import io.samokoder.testing.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each behaviour and each deliberate non-finding of the monitoring checks, on small repositories. */
class MonitoringRulesTest {

    @TempDir
    Path dir;

    private static List<Finding> run(TempRepo repo, Rule rule) {
        AuditResult r = new Auditor(List.of(rule)).run(repo.config());
        return r.active().stream().filter(f -> f.ruleId().equals(rule.meta().id())).toList();
    }

    private static final String PROM_SERVICE = """
              prometheus:
                image: prom/prometheus:v2.54.1
                volumes: ["./prometheus:/etc/prometheus"]
            """;

    private TempRepo repo(String services, String prometheus) {
        return new TempRepo(dir).file("docker-compose.yml", "services:\n" + services)
                .file("prometheus/prometheus.yml", prometheus);
    }

    private static String scrape(String... targets) {
        StringBuilder b = new StringBuilder("scrape_configs:\n");
        int i = 0;
        for (String t : targets) {
            b.append("  - job_name: j").append(i++).append("\n    static_configs:\n      - targets: ['")
                    .append(t).append("']\n");
        }
        return b.toString();
    }

    // ---- unknown-scrape-target ----

    @Test
    void targetsResolveByServiceContainerNameHostnameAliasAndLink() {
        TempRepo r = repo(PROM_SERVICE + """
                    links: ["exporter-a:linked"]
                  exporter-a:
                    image: prom/node-exporter:v1.8.2
                    container_name: node_exporter_1
                    hostname: nodehost
                    networks: {default: {aliases: [node-alias]}}
                """, scrape("exporter-a:9100", "node_exporter_1:9100", "NodeHost:9100", "node-alias:9100",
                "linked:9100", "tasks.exporter-a:9100", "http://scraper:t0p-s3cret@ghost:9100"));
        List<Finding> f = run(r, new UnknownScrapeTargetRule());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("'http://***@ghost:9100'").contains("closest services:")
                    .doesNotContain("t0p-s3cret");
            assertThat(x.line()).isEqualTo(22);
            assertThat(x.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void localhostIsTheContainerItselfExceptSelfScrapeAndHostNetwork() {
        List<Finding> containerized = run(repo(PROM_SERVICE, scrape("localhost:9090", "localhost:8000")),
                new UnknownScrapeTargetRule());
        assertThat(containerized).singleElement().satisfies(x -> assertThat(x.message())
                .contains("'localhost:8000'").contains("the container itself"));

        TempRepo host = repo(PROM_SERVICE + "    network_mode: host\n", scrape("localhost:8000", "127.0.0.1:9100"));
        assertThat(run(host, new UnknownScrapeTargetRule())).isEmpty();
    }

    @Test
    void configMountedByOneProjectIsCheckedAgainstThatProjectOnly() {
        TempRepo r = new TempRepo(dir)
                .file("monitoring/docker-compose.yml", "services:\n" + PROM_SERVICE)
                .file("monitoring/prometheus/prometheus.yml", scrape("api:8000"))
                .file("app/docker-compose.yml", "services:\n  api:\n    image: acme/api:1\n");
        assertThat(run(r, new UnknownScrapeTargetRule())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("monitoring/docker-compose.yml"));
        TempRepo external = new TempRepo(dir.resolve("c"))
                .file("monitoring/docker-compose.yml", "services:\n" + PROM_SERVICE + "    networks: [shared]\n"
                        + "networks:\n  shared:\n    external: true\n")
                .file("monitoring/prometheus/prometheus.yml", scrape("api:8000"))
                .file("app/docker-compose.yml", "services:\n  api:\n    image: acme/api:1\n    networks: [shared]\n"
                        + "networks:\n  shared:\n    name: shared\n");
        assertThat(run(external, new UnknownScrapeTargetRule())).isEmpty();
        TempRepo unmounted = new TempRepo(dir.resolve("b"))
                .file("prometheus.yml", scrape("api:8000"))
                .file("app/docker-compose.yml", "services:\n  api:\n    image: acme/api:1\n");
        assertThat(run(unmounted, new UnknownScrapeTargetRule())).isEmpty();
    }

    @Test
    void ipLiteralsDockerHostAndExternalNamesAreInfoOnly() {
        List<Finding> f = run(repo(PROM_SERVICE, scrape("10.1.2.3:9100", "host.docker.internal:9323",
                "db.example.com:9187")), new UnknownScrapeTargetRule());
        assertThat(f).hasSize(3).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void swarmTaskNamesInDnsDiscoveryNeedAnExistingService() {
        TempRepo r = repo(PROM_SERVICE + "  api:\n    image: acme/api:1\n", """
                scrape_configs:
                  - job_name: api
                    dns_sd_configs:
                      - names: [tasks.api, tasks.apii, external.example.com]
                        type: A
                        port: 8000
                """);
        assertThat(run(r, new UnknownScrapeTargetRule())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("tasks.apii").contains("closest services: api"));
    }

    @Test
    void aResolvedServiceMustShareANetworkWithPrometheus() {
        TempRepo r = repo("""
                  prometheus:
                    image: prom/prometheus:v2.54.1
                    volumes: ["./prometheus:/etc/prometheus"]
                    networks: [monitoring]
                  api:
                    image: acme/api:1
                    expose: ["8000"]
                  exporter:
                    image: prom/node-exporter:v1.8.2
                    networks: [monitoring, default]
                networks:
                  monitoring:
                """, scrape("api:8000", "exporter:9100"));
        assertThat(run(r, new UnknownScrapeTargetRule())).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(4);
            assertThat(x.message()).contains("'api'").contains("[default]").contains("[monitoring]")
                    .contains("no network in common");
        });
    }

    @Test
    void fileSdTargetsAreCheckedAtTheirLineInTheTargetsFile() {
        TempRepo r = repo(PROM_SERVICE + """
                  api:
                    image: acme/api:1
                    expose: ["8000"]
                """, """
                scrape_configs:
                  - job_name: sd
                    file_sd_configs:
                      - files: [/etc/prometheus/targets/*.json, targets/*.yml]
                """)
                .file("prometheus/targets/app.json", "[\n  {\"targets\": [\"api:8000\",\n    \"ghost:9100\"],\n"
                        + "   \"labels\": {\"env\": \"prod\"}}\n]\n")
                .file("prometheus/targets/more.yml", "- targets: ['api:9999']\n");
        assertThat(run(r, new UnknownScrapeTargetRule())).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("prometheus/targets/app.json");
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.message()).contains("'ghost:9100' (job sd)");
        });
        assertThat(run(r, new TargetPortNotExposedRule())).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("prometheus/targets/more.yml");
            assertThat(x.message()).contains("port 9999");
        });
    }

    // ---- target-port-not-exposed ----

    @Test
    void portMustBeDeclaredOrAnImageDefault() {
        TempRepo r = repo(PROM_SERVICE + """
                  api:
                    image: acme/api:1
                    ports: ["18000:8000"]
                  cadvisor:
                    image: gcr.io/cadvisor/cadvisor:v0.49.1
                  custom:
                    build: .
                """, scrape("api:8000", "api:18000", "cadvisor:8080", "cadvisor:9999", "custom:1234"));
        List<Finding> f = run(r, new TargetPortNotExposedRule());
        assertThat(f).extracting(Finding::line).containsExactly(7, 13);
        assertThat(f.get(0).message()).contains("18000 is the published host port").contains("listens on 8000");
        assertThat(f.get(1).message()).contains("declared or image default: 8080");
    }

    // ---- stack-not-deployed ----

    @Test
    void componentsCountAsDeployedByImageMountOrProfile() {
        TempRepo r = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          prom:
                            image: quay.io/prometheus/prometheus:v2.54.1
                            profiles: [monitoring]
                          dashboards:
                            image: acme/custom-grafana:1
                            volumes: ["./grafana/provisioning:/etc/grafana/provisioning"]
                        """)
                .file("prometheus.yml", scrape("prom:9090"))
                .file("grafana/provisioning/datasources/ds.yml", "apiVersion: 1\ndatasources: []\n")
                .file("alertmanager/alertmanager.yml", "route: {receiver: x}\nreceivers: [{name: x}]\n");
        assertThat(run(r, new StackNotDeployedRule())).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("alertmanager/alertmanager.yml");
            assertThat(x.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void withoutAnyComposeFileTheStackMayBeDeployedElsewhere() {
        TempRepo r = new TempRepo(dir).file("prometheus.yml", scrape("api:8000"));
        assertThat(run(r, new StackNotDeployedRule())).isEmpty();
        assertThat(run(r, new UnknownScrapeTargetRule())).isEmpty();
    }

    // ---- rule-file-missing ----

    @Test
    void ruleFilesResolveThroughBindMountsAndRelativeToTheConfig() {
        TempRepo r = repo("""
                  prometheus:
                    image: prom/prometheus:v2.54.1
                    volumes: ["./prometheus:/etc/prometheus", "./alerts:/rules"]
                """, """
                rule_files:
                  - /etc/prometheus/rules/*.yml
                  - /rules/a?.yaml
                  - /rules/[xy].yml
                  - /nowhere/*.yml
                  - local/*.rules
                scrape_configs:
                  - job_name: f
                    file_sd_configs:
                      - files: [/etc/prometheus/targets/*.json]
                """)
                .file("prometheus/rules/api.yml", "groups: []\n")
                .file("alerts/a1.yaml", "groups: []\n")
                .file("prometheus/local/x.rules", "groups: []\n");
        List<Finding> f = run(r, new RuleFileMissingRule());
        assertThat(f).extracting(Finding::line).containsExactly(4, 5, 10);
        assertThat(f.get(0).message()).contains("alerts/[xy].yml").contains("./alerts");
        assertThat(f.get(1).message()).contains("no bind mount of service 'prometheus'").contains("/nowhere");
        assertThat(f.get(2).message()).contains("file_sd_configs").contains("prometheus/targets/*.json");
    }

    @Test
    void aWildcardNeverCrossesAFolder() {
        TempRepo r = repo(PROM_SERVICE, """
                rule_files:
                  - rules/*.yml
                  - deep/*/x.yml
                  - "*.yml"
                """ + scrape("prometheus:9090"))
                .file("prometheus/rules/nested/api.yml", "groups: []\n")
                .file("prometheus/deep/a/b/x.yml", "groups: []\n");
        List<Finding> f = run(r, new RuleFileMissingRule());
        // prometheus.yml itself matches "*.yml"; the other two only have matches one folder too deep
        assertThat(f).extracting(Finding::line).containsExactly(2, 3);
    }

    @Test
    void literalFolderIsThePathBeforeTheFirstWildcard() {
        assertThat(io.samokoder.model.prometheus.Globs.literalFolder("prometheus/rules/app*/x.yml")).isEqualTo("prometheus/rules");
        assertThat(io.samokoder.model.prometheus.Globs.literalFolder("rules/[ab].yml")).isEqualTo("rules");
        assertThat(io.samokoder.model.prometheus.Globs.literalFolder("*.yml")).isEmpty();
        assertThat(io.samokoder.model.prometheus.Globs.literalFolder("*/x.yml")).isEmpty();
    }

    @Test
    void unmountedRulesOfABuiltImageAreNotFindings() {
        TempRepo r = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          prometheus:
                            build: ./prometheus
                            image: acme/prometheus:1
                            command: ["--config.file=/etc/prometheus/prometheus.yml"]
                            volumes: ["./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"]
                        """)
                .file("prometheus/prometheus.yml", "rule_files: [/opt/rules/*.yml]\n" + scrape("prometheus:9090"));
        assertThat(run(r, new RuleFileMissingRule())).isEmpty();
    }

    // ---- grafana-datasource-unreachable ----

    @Test
    void datasourcesResolveInTheProjectRunningGrafana() {
        TempRepo r = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          grafana:
                            image: grafana/grafana:11.2.0
                            volumes: ["./grafana/provisioning:/etc/grafana/provisioning"]
                          prometheus:
                            image: prom/prometheus:v2.54.1
                        """)
                .file("grafana/provisioning/datasources/ds.yml", """
                        apiVersion: 1
                        datasources:
                          - {name: ok, url: "http://prometheus:9090"}
                          - {name: browser, access: direct, url: "http://nothere:9090"}
                          - {name: env, url: "http://${PROM_HOST}:9090"}
                          - {name: self, url: "http://localhost:9090"}
                          - {name: loki, url: "http://admin:s3cr3t-pass@loki:3100"}
                          - {name: ext, url: "https://logs.example.com"}
                        """);
        List<Finding> f = run(r, new GrafanaDatasourceUnreachableRule());
        assertThat(f).extracting(Finding::line).containsExactly(6, 7);
        assertThat(f.get(0).message()).contains("Grafana itself");
        assertThat(f.get(1).message()).contains("'loki'").contains("http://***@loki:3100").doesNotContain("s3cr3t");
    }

    // ---- claimed-but-missing ----

    @Test
    void localhostUrlsNeedAPublishedPortAndUpClaimsNeedDefaultServices() {
        TempRepo r = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          grafana:
                            image: grafana/grafana:11.2.0
                            ports: ["127.0.0.1:3000:3000"]
                          prometheus:
                            image: prom/prometheus:v2.54.1
                            profiles: [monitoring]
                            ports: ["9090:9090"]
                        """)
                .file("README.md", """
                        # App

                        `docker compose up -d` starts Grafana and Prometheus.

                        Grafana: [dashboards](http://localhost:3000/d/app) and Prometheus: http://localhost:9090

                        ```
                        curl http://localhost:9093/-/healthy
                        curl http://alertmanager:9093/-/healthy
                        ```

                        Loki is planned; see https://grafana.com/oss/loki/.
                        """)
                .file("docs/ops/notes.md", "Open <http://127.0.0.1:8081/> for the admin UI.\n\n"
                        + "Grafana listens on port 3000, Alertmanager on port 9093; the API on port 8000.\n")
                .file("CHANGELOG.md", "Removed http://localhost:7777\n");
        List<Finding> f = run(r, new ClaimedButMissingRule());
        assertThat(f).extracting(x -> x.path() + ":" + x.line() + " " + x.severity().id()).containsExactly(
                "README.md:3 high", "README.md:8 medium", "docs/ops/notes.md:3 info");
        assertThat(f.get(0).message()).contains("starts Prometheus").doesNotContain("Grafana,");
        assertThat(f.get(1).message()).startsWith("http://localhost:9093 is claimed, but no compose service publishes"
                + " host port 9093").contains("after `docker compose up -d`, line 3");
        // nothing in notes.md says how anything runs: the Alertmanager port cannot be judged, the admin UI is no claim
        assertThat(f.get(2).message()).startsWith("Alertmanager on port 9093 is published by no compose service")
                .contains("not judged");
    }

    @Test
    void severalComponentsOnOneLineOneMissing() {
        TempRepo r = new TempRepo(dir)
                .file("compose.yaml", """
                        services:
                          prometheus:
                            image: prom/prometheus:v2.54.1
                            ports: ["9090:9090"]
                          alertmanager:
                            image: prom/alertmanager:v0.27.0
                            ports: ["9094:9093"]
                        """)
                .file("README.md", """
                        # Stack

                        ```sh
                        docker compose up -d
                        ```

                        It serves Prometheus at http://localhost:9090 and Grafana at http://localhost:3000.

                        Alertmanager (http://localhost:9093) and Prometheus (http://localhost:9090/targets).

                        `docker compose up -d` starts Prometheus at http://localhost:9090 and Grafana at http://localhost:3000.
                        """);
        List<Finding> f = run(r, new ClaimedButMissingRule());
        assertThat(f).extracting(x -> x.line() + " " + x.severity().id()).containsExactly("7 high", "9 high",
                "11 high");
        assertThat(f.get(0).message()).startsWith("Grafana at http://localhost:3000 is claimed, but no compose service"
                + " publishes host port 3000").contains("no compose service runs Grafana").doesNotContain("Prometheus");
        assertThat(f.get(1).message()).startsWith("Alertmanager at http://localhost:9093 is claimed")
                .contains("service 'alertmanager' publishes container port 9093 on host port 9094");
        // the sentence says compose starts Grafana: one finding for the one missing component, with its URL
        assertThat(f.get(2).message()).startsWith("claims that `docker compose up -d` starts Grafana"
                + " (http://localhost:3000)").doesNotContain("Prometheus (");
    }

    @Test
    void urlsOfNativeServersScriptsAndExamplesAreNoClaimsAboutCompose() {
        TempRepo r = new TempRepo(dir)
                .file("compose.yaml", "services:\n  db:\n    image: postgres:16\n    ports: [\"5432:5432\"]\n"
                        + "  api:\n    build: .\n    ports: [\"8000:8000\"]\n")
                .file("Makefile", "run:\n\tuv run uvicorn app:app --port 8001\nup:\n\tdocker compose up -d\n")
                .file("README.md", """
                        # API

                        ## Quick start

                        ```sh
                        make up
                        ```

                        The API answers on http://localhost:8000/docs.

                        ## Development

                        ```sh
                        docker compose up -d db
                        npm run dev
                        ```

                        Vite serves http://localhost:5173. Or run the API natively with `make run`: http://localhost:8001.

                        ```console
                        $ docker compose up
                        api-1  | Uvicorn running on http://0.0.0.0:8002
                        ```

                        ## Importing

                        ```bash
                        API=http://localhost:9000
                        curl -X POST "$API/import"
                        ```
                        """)
                .file("docs/ollama.md", "Point OPENAI_BASE_URL at http://localhost:11434/v1 where Ollama runs.\n");
        assertThat(run(r, new ClaimedButMissingRule())).isEmpty();
    }

    @Test
    void unnamedUrlsAfterComposeUpAreMediumAndSayWhereThePortWent() {
        TempRepo r = new TempRepo(dir)
                .file("docker-compose.yml", "services:\n  web:\n    build: ./web\n    ports:\n      - 5001:5000\n")
                .file("docker-compose.prod.yml", "services:\n  nginx:\n    image: nginx:1.27\n    ports:\n"
                        + "      - 1337:80\n")
                .file("README.md", """
                        ### Development

                        ```sh
                        $ docker-compose up -d --build
                        ```

                        Test it out at [http://localhost:5000](http://localhost:5000).

                        ### Production

                        ```sh
                        $ docker-compose -f docker-compose.prod.yml up -d --build
                        ```

                        Test it out at [http://localhost:1337](http://localhost:1337).
                        """);
        assertThat(run(r, new ClaimedButMissingRule())).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(7);
            assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(x.message()).isEqualTo("http://localhost:5000 is claimed, but no compose service publishes host"
                    + " port 5000; service 'web' publishes container port 5000 on host port 5001 (after"
                    + " `docker-compose up -d --build`, line 4; compose files: docker-compose.yml)");
        });
    }

    @Test
    void portsPublishedThroughVariablesAreReadWithComposeInterpolation() {
        TempRepo r = new TempRepo(dir)
                .file("compose.yaml", """
                        services:
                          web:
                            build: .
                            ports: ["${WEB_PORT:-8080}:8080"]
                          admin:
                            build: ./admin
                            ports: ["${ADMIN_PORT}:3000"]
                          grafana:
                            image: grafana/grafana:11.2.0
                            ports: ["${GRAFANA_PORT:-3000}:3000"]
                          docs:
                            build: ./docs
                            ports: ["${DOCS_PORT}:80"]
                          api:
                            build: ./api
                            ports: ["${API_PORT}:8000"]
                        """)
                .file(".env", "API_PORT=9000\n")
                .file(".env.example", "ADMIN_PORT=8001\nAPI_PORT=9000\n")
                .file("README.md", """
                        Start with `docker compose up -d`, then open:

                        - the shop: http://localhost:8080
                        - the admin: http://localhost:8001
                        - Grafana: http://localhost:3001
                        - the docs: http://localhost:8002
                        - the API: http://localhost:8000
                        """);
        List<Finding> f = run(r, new ClaimedButMissingRule());
        // 8080 is the default of ${WEB_PORT:-8080}; 8001 is what .env.example gives ${ADMIN_PORT}
        assertThat(f).extracting(x -> x.line() + " " + x.severity().id()).containsExactly("5 info", "6 info",
                "7 medium");
        assertThat(f.get(0).message()).contains("service 'grafana' publishes container port 3000 on the host port"
                + " ${GRAFANA_PORT:-3000} sets, and GRAFANA_PORT is set outside the repository (default 3000)");
        assertThat(f.get(1).message()).contains("${DOCS_PORT}").contains("no default");
        // ${API_PORT} is set in the committed .env: compose publishes 9000, not 8000
        assertThat(f.get(2).message()).contains("service 'api' publishes container port 8000 on host port 9000");
    }

    @Test
    void theStackIsTheOneTheCommandRuns() {
        TempRepo r = new TempRepo(dir)
                .file("deployment/docker-compose.yml", "services:\n  webapp:\n    build: ../webapp\n"
                        + "    ports: [\"8080:8080\"]\n")
                .file("tools/compose.yaml", "services:\n  adminer:\n    image: adminer:4\n    ports: [\"8081:8080\"]\n")
                .file("webapp/README.md", """
                        ```shell
                        cd deployment
                        docker-compose up -d
                        ```

                        Open [the shop](http://localhost:8080) and the database UI at http://localhost:8081.
                        """);
        // `cd deployment` in webapp/README.md means the repository's deployment/; tools/ is another project
        assertThat(run(r, new ClaimedButMissingRule())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(x.message()).startsWith("http://localhost:8081 is claimed, but no compose service publishes")
                    .contains("compose files: deployment/docker-compose.yml");
        });
    }

    @Test
    void whatTheRuleCannotSeeIsInfo() {
        TempRepo r = new TempRepo(dir)
                .file("plex/compose.yaml", "services:\n  plex:\n    image: linuxserver/plex\n    network_mode: host\n")
                .file("plex/README.md", "## Deploy with docker compose\n\nThe web UI is at http://localhost:32400/web.\n")
                .file("samples/rails/README.md", "Run `docker compose up` and open http://localhost:3000.\n")
                .file("template/docker-compose.yml", "services:\n  web:\n    image: {{ cookiecutter.image }}\n"
                        + "{% if cookiecutter.mail %}\n  mail:\n    image: axllent/mailpit\n{% endif %}\n")
                .file("template/README.md", "Run `docker compose up`; mail at http://127.0.0.1:8025.\n");
        List<Finding> f = run(r, new ClaimedButMissingRule());
        assertThat(f).extracting(x -> x.path() + " " + x.severity().id()).containsExactly("plex/README.md info",
                "samples/rails/README.md info", "template/README.md info");
        assertThat(f.get(0).message()).contains("service 'plex' runs on the host network");
        assertThat(f.get(1).message()).contains("no compose file in samples/rails/ or the folders above it");
        assertThat(f.get(2).message()).contains("compose file template/docker-compose.yml could not be read");
    }

    @Test
    void upClaimsHonourTheFilesAndProfilesTheCommandNames() {
        TempRepo r = new TempRepo(dir)
                .file("docker-compose.yml", "services:\n  api:\n    image: acme/api:1\n"
                        + "  grafana:\n    image: grafana/grafana:11.2.0\n    profiles: [dashboards]\n")
                .file("docker-compose.monitoring.yml", "services:\n  prometheus:\n    image: prom/prometheus:v2.54.1\n")
                .file("README.md", """
                        `docker compose -f docker-compose.yml -f docker-compose.monitoring.yml up -d` starts Prometheus.

                        `docker compose --profile dashboards up -d` starts Grafana.

                        `docker compose up -d` starts Grafana.
                        """);
        assertThat(run(r, new ClaimedButMissingRule())).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.message()).contains("starts Grafana");
        });
    }

    // ---- unset-compose-variable ----

    @Test
    void unsetVariablesWithoutDefaultInImagePortsAndConfigFile() {
        TempRepo r = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          a:
                            image: acme/a:${TAG}
                            ports: ["${PORT}:80", "${OK_PORT:-81}:81", "${REQ:?set REQ}:82"]
                            environment: {X: "${UNSET_IN_ENV}"}
                          am:
                            image: prom/alertmanager:${AM_TAG:-v0.27.0}
                            command: sh -c "envsubst < /t > /tmp/a.yml && alertmanager --config.file=${AM_CFG} --log.level=${LVL}"
                          b:
                            image: acme/b:${SET_TAG}
                        """)
                .file(".env", "SET_TAG=1.0\n")
                .file(".env.example", "TAG=1.0\nSET_TAG=1.0\n");
        List<Finding> f = run(r, new UnsetComposeVariableRule());
        assertThat(f).extracting(Finding::line).containsExactly(3, 4, 8);
        assertThat(f.get(0).message()).contains("${TAG}").contains(".env.example lists it").contains("'acme/a:'")
                .contains(".env.example:1 (env file) sets TAG, but nothing the repository runs is seen to pass it");
        assertThat(f).extracting(Finding::severity).as("TAG has a value in the repository, the others nowhere")
                .containsExactly(Severity.INFO, Severity.MEDIUM, Severity.MEDIUM);
        assertThat(f.get(1).message()).contains("nothing in the repository sets it");
        assertThat(f.get(2).message()).contains("${AM_CFG}").doesNotContain("LVL");
        TempRepo withEnv = r.environment(Map.of("TAG", "2", "PORT", "80", "AM_CFG", "/etc/am.yml"));
        assertThat(run(withEnv, new UnsetComposeVariableRule())).isEmpty();
    }

    @Test
    void aVariableUsedTwiceInOnePortIsOneFinding() {
        TempRepo r = new TempRepo(dir)
                .file("docker-compose.yml", "services:\n  api:\n    build: .\n    ports:\n"
                        + "      - ${APP_PORT}:${APP_PORT}\n");
        assertThat(run(r, new UnsetComposeVariableRule())).singleElement().satisfies(x -> assertThat(x.message())
                .contains("${APP_PORT}"));
    }

    @Test
    void aScriptThatRunsComposeSetsItsVariables() {
        TempRepo r = new TempRepo(dir)
                .file("logging/docker-compose.yml", "services:\n  es:\n    image: elastic/es:${ES_TAG}\n"
                        + "    ports: [\"${ES_PORT}:9200\"]\n")
                .file("logging/docker-compose.local.yml", "services:\n  es:\n    extends: {file: docker-compose.yml,"
                        + " service: es}\n")
                .file("start.sh", "#!/bin/bash\nexport ES_TAG=8.13.4\n"
                        + "docker compose -f logging/docker-compose.local.yml up -d\n");
        List<Finding> f = run(r, new UnsetComposeVariableRule());
        assertThat(f).extracting(Finding::message).noneMatch(m -> m.contains("ES_TAG"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("${ES_PORT}").contains("nothing in the repository sets it");
            assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    // ---- deployment: what runs a config decides how its findings are judged ----

    @Test
    void messagesNameEveryFileOfTheProjectThatWasSearched() {
        TempRepo r = new TempRepo(dir)
                .file("compose.yaml", "services:\n  api:\n    image: acme/api:1\n")
                .file("compose.observability.yaml", "services:\n" + PROM_SERVICE)
                .file("prometheus/prometheus.yml", scrape("api:8000", "ghost:9100"));
        assertThat(run(r, new UnknownScrapeTargetRule())).singleElement().satisfies(x -> assertThat(x.message())
                .contains("'ghost' in compose.yaml, compose.observability.yaml;"));
    }

    @Test
    void targetsOfAConfigNothingRunsAreInfoWhilePrometheusRunsAnother() {
        TempRepo r = repo(PROM_SERVICE + "  api:\n    image: acme/api:1\n    expose: [\"8000\"]\n", scrape("api:8000"))
                .file("examples/prometheus.yml", scrape("ghost:9100", "api:9999", "${TARGET}:9100"));
        List<Finding> unknown = run(r, new UnknownScrapeTargetRule());
        assertThat(unknown).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("no container runs this config (Prometheus runs prometheus/prometheus.yml");
        });
        assertThat(run(r, new TargetPortNotExposedRule())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("port 9999").contains("not judged");
        });
        // with no Prometheus anywhere the config is the one the repository means to run: judged against compose
        TempRepo none = new TempRepo(dir.resolve("none"))
                .file("docker-compose.yml", "services:\n  api:\n    image: acme/api:1\n")
                .file("monitoring/prometheus.yml", scrape("ghost:9100"));
        assertThat(run(none, new UnknownScrapeTargetRule())).singleElement().satisfies(x ->
                assertThat(x.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void unknownHostsBehindAnExternalNetworkAreInfo() {
        TempRepo r = repo(PROM_SERVICE + "    networks: [default, metrics]\n"
                + "networks:\n  metrics:\n    external: true\n", scrape("billing:8080"));
        assertThat(run(r, new UnknownScrapeTargetRule())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("joins the external network metrics");
        });
    }

    @Test
    void placeholderHostsAreLeftToWhatRendersThem() {
        TempRepo literal = repo(PROM_SERVICE, scrape("${NODE_HOST}:9100"));
        assertThat(run(literal, new UnknownScrapeTargetRule())).as("alerting/unresolved-placeholder reports it")
                .isEmpty();
        TempRepo rendered = new TempRepo(dir.resolve("r"))
                .file("docker-compose.yml", """
                        services:
                          prometheus:
                            image: prom/prometheus:v2.54.1
                            entrypoint: ["/bin/sh", "-c"]
                            command:
                              - envsubst < /tpl/prometheus.yml > /etc/prometheus/prometheus.yml && exec /bin/prometheus --config.file=/etc/prometheus/prometheus.yml
                            environment: {NODE_HOST: node}
                            volumes: ["./prometheus.yml:/tpl/prometheus.yml"]
                        """)
                .file("prometheus.yml", scrape("${NODE_HOST}:9100", "ghost:9100"));
        List<Finding> f = run(rendered, new UnknownScrapeTargetRule());
        assertThat(f).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.HIGH);
        assertThat(f.get(0).message()).contains("filled in when the config is rendered (envsubst run by service"
                + " `prometheus`");
        assertThat(f.get(1).message()).contains("'ghost:9100'");
    }

    @Test
    void aPortTheServiceIsSetToListenOnIsNoFinding() {
        TempRepo r = repo(PROM_SERVICE + """
                  worker:
                    image: acme/worker:1
                    expose: ["8000"]
                    environment: {METRICS_PORT: "8001"}
                """, scrape("worker:8001", "worker:8002"));
        assertThat(run(r, new TargetPortNotExposedRule())).singleElement().satisfies(x ->
                assertThat(x.message()).contains("port 8002").contains("nothing in its command, environment or"
                        + " config files sets 8002"));
    }

    @Test
    void imagesTheRepositoryBuildsUnderTheComposeImageNameCarryTheirConfigs() {
        TempRepo r = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          prometheus:
                            image: acme/stack-prometheus:v2
                            configs: [{source: node, target: /etc/prometheus/node.rules.yml}]
                          alertmanager:
                            image: acme/stack-alertmanager:v1
                        configs:
                          node: {file: ./rules/node.rules.yml}
                        """)
                .file(".gitlab-ci.yml", "images:\n  script:\n    - docker build -t acme/stack-prometheus:$CI_COMMIT_SHA"
                        + " -f prometheus/Dockerfile prometheus\n")
                .file("prometheus/Dockerfile", "FROM prom/prometheus:v2.53.0\nCOPY conf /etc/prometheus/\n")
                .file("prometheus/conf/prometheus.yml", "rule_files: [node.rules.yml, task.rules.yml]\n"
                        + scrape("alertmanager:9093"))
                .file("rules/node.rules.yml", "groups: []\n")
                .file("alertmanager/Dockerfile", "FROM prom/alertmanager:v0.27.0\nCOPY conf /etc/alertmanager/\n")
                .file("alertmanager/conf/alertmanager.yml", "route: {receiver: x}\nreceivers: [{name: x}]\n");
        assertThat(run(r, new StackNotDeployedRule())).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("alertmanager/conf/alertmanager.yml");
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("probably built from alertmanager/Dockerfile").contains("name only");
        });
        assertThat(run(r, new RuleFileMissingRule())).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(1);
            assertThat(x.message()).contains("'task.rules.yml'").contains("prometheus/conf/task.rules.yml")
                    .contains("copied by prometheus/Dockerfile:2 into the image of service 'prometheus'")
                    .contains(".gitlab-ci.yml:3");
        });
    }

    @Test
    void entriesOfAConfigNothingRunsNeedTheirFolderToShowTheLayout() {
        TempRepo r = repo(PROM_SERVICE, scrape("prometheus:9090"))
                .file("aws/prometheus.yml", "rule_files: [hosts.rules, targets.rules]\n" + scrape("prometheus:9090"))
                .file("federation/prometheus.yml", "rule_files: [a.rules.yml, b.rules.yml]\n"
                        + scrape("prometheus:9090"))
                .file("federation/a.rules.yml", "groups: []\n");
        List<Finding> f = run(r, new RuleFileMissingRule());
        assertThat(f).extracting(Finding::path, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("aws/prometheus.yml", Severity.INFO),
                org.assertj.core.groups.Tuple.tuple("aws/prometheus.yml", Severity.INFO),
                org.assertj.core.groups.Tuple.tuple("federation/prometheus.yml", Severity.HIGH));
        assertThat(f.get(0).message()).contains("Prometheus runs prometheus/prometheus.yml").contains("not judged");
        assertThat(f.get(2).message()).contains("b.rules.yml").contains("other entries of the config match");
    }
}

