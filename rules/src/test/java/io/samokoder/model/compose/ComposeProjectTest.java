package io.samokoder.model.compose;

import io.samokoder.model.dotenv.Interpolation;
import io.samokoder.engine.AuditContext;
import io.samokoder.model.dotenv.Interpolation.Operator;
import io.samokoder.testing.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComposeProjectTest {

    @TempDir
    Path dir;

    private ComposeProject load(TempRepo repo) {
        AuditContext ctx = repo.context();
        return ComposeProject.of(ctx);
    }

    @Test
    void readsServicesWithEveryFieldAndItsLine() {
        TempRepo repo = new TempRepo(dir).file("docker-compose.yml", """
                services:
                  prometheus:
                    image: prom/prometheus:${PROM_TAG:-v2.51.0}
                    container_name: samokoder-prometheus
                    hostname: prom
                    ports:
                      - "9090:9090"
                      - "127.0.0.1:8000-8002:8000-8002/udp"
                      - target: 9091
                        published: "19091"
                        host_ip: 0.0.0.0
                      - 3000
                    expose: ["9100", "7000-7002/udp"]
                    volumes:
                      - ./monitoring/prometheus:/etc/prometheus:ro
                      - ./monitoring/prometheus/rules:/etc/prometheus/rules
                      - prometheus_data:/prometheus
                      - type: bind
                        source: ./extra
                        target: /extra
                    command:
                      - '--config.file=/etc/prometheus/prometheus.yml'
                      - --storage.tsdb.retention.time=30d
                    networks:
                      monitoring:
                        aliases: [metrics, Prom-Alias]
                    links: ["db:database", "cache"]
                    environment:
                      A: "1"
                      B:
                    env_file: [.env.prom]
                  alertmanager:
                    image: prom/alertmanager
                    entrypoint: ["/bin/sh", "-c"]
                    command: >-
                      envsubst < /t.yml > /tmp/am.yml && /bin/alertmanager --config.file=/tmp/am.yml
                    environment:
                      - TOKEN=${TOKEN}
                      - PLAIN
                    network_mode: host
                volumes:
                  prometheus_data:
                networks:
                  monitoring:
                """);
        ComposeProject p = load(repo);
        assertThat(p.stacks()).hasSize(1);
        ComposeService prom = p.stacks().get(0).service("prometheus").orElseThrow();
        assertThat(prom.image().orElseThrow().value()).isEqualTo("prom/prometheus:v2.51.0");
        assertThat(prom.image().orElseThrow().raw()).isEqualTo("prom/prometheus:${PROM_TAG:-v2.51.0}");
        assertThat(prom.image().orElseThrow().location().line()).isEqualTo(3);
        assertThat(prom.imageReference().orElseThrow().name()).isEqualTo("prometheus");
        assertThat(prom.dnsNames()).containsExactly("prometheus", "samokoder-prometheus", "prom", "metrics", "prom-alias");
        assertThat(prom.ports()).hasSize(4);
        PortMapping udp = prom.ports().get(1);
        assertThat(udp.hostIp()).isEqualTo("127.0.0.1");
        assertThat(udp.publishedStart()).isEqualTo(8000);
        assertThat(udp.publishedEnd()).isEqualTo(8002);
        assertThat(udp.protocol()).isEqualTo("udp");
        assertThat(udp.location().line()).isEqualTo(8);
        assertThat(prom.ports().get(2).publishes(19091)).isTrue();
        assertThat(prom.ports().get(2).hasTarget(9091)).isTrue();
        assertThat(prom.ports().get(3).hasHostPort()).isFalse();
        assertThat(prom.declaresContainerPort(9100)).isTrue();
        assertThat(prom.declaresContainerPort(7001)).isTrue();
        assertThat(prom.declaresContainerPort(7003)).isFalse();
        assertThat(prom.repositoryPathAt("/etc/prometheus/prometheus.yml")).contains("monitoring/prometheus/prometheus.yml");
        assertThat(prom.repositoryPathAt("/etc/prometheus/rules/a.yml")).contains("monitoring/prometheus/rules/a.yml");
        assertThat(prom.repositoryPathAt("/extra/x")).contains("extra/x");
        assertThat(prom.repositoryPathAt("/prometheus/data")).isEmpty();
        assertThat(prom.volumes().get(0).readOnly()).isTrue();
        assertThat(prom.configFileArgument().orElseThrow().value()).isEqualTo("/etc/prometheus/prometheus.yml");
        assertThat(prom.configFileArgument().orElseThrow().location().line()).isEqualTo(22);
        assertThat(prom.networks()).containsExactly("monitoring");
        assertThat(prom.links()).extracting(ComposeService.Link::alias).containsExactly("database", "cache");
        assertThat(prom.environment().get("A").value().orElseThrow().value()).isEqualTo("1");
        assertThat(prom.environment().get("B").value()).isEmpty();
        assertThat(prom.envFiles()).extracting(ComposeValue::value).containsExactly(".env.prom");

        ComposeService am = p.stacks().get(0).service("alertmanager").orElseThrow();
        assertThat(am.usesHostNetwork()).isTrue();
        assertThat(am.configFileArgument().orElseThrow().value()).isEqualTo("/tmp/am.yml");
        assertThat(am.entrypoint().orElseThrow()).extracting(ComposeValue::value).containsExactly("/bin/sh", "-c");
        ComposeValue token = am.environment().get("TOKEN").value().orElseThrow();
        assertThat(token.value()).isEmpty();
        assertThat(token.references()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("TOKEN");
            assertThat(r.isUnsetWithoutDefault()).isTrue();
        });
        assertThat(am.environment().get("PLAIN").value()).isEmpty();
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void interpolatesWithTheFolderEnvFileAndTheConfiguredEnvironmentWins() {
        TempRepo repo = new TempRepo(dir)
                .file("deploy/.env", "TAG=1.2.3\nPORT=8080 # http\nREGISTRY='ghcr.io/acme'\n")
                .file("deploy/docker-compose.yml", """
                        services:
                          api:
                            image: ${REGISTRY}/api:${TAG:?set TAG}
                            ports: ["${PORT}:80"]
                            environment:
                              LEVEL: ${LEVEL:-info}
                              ${NOT_A_KEY}: x
                        """)
                .environment(Map.of("TAG", "9.9.9"));
        ComposeProject p = load(repo);
        ComposeService api = p.services().get(0);
        assertThat(api.image().orElseThrow().value()).isEqualTo("ghcr.io/acme/api:9.9.9");
        assertThat(api.ports().get(0).publishedStart()).isEqualTo(8080);
        assertThat(api.environment().get("LEVEL").value().orElseThrow().value()).isEqualTo("info");
        assertThat(api.environment()).containsKey("${NOT_A_KEY}");
        assertThat(p.file("deploy/docker-compose.yml").orElseThrow().environmentFile()).contains("deploy/.env");
        assertThat(p.inputs()).contains("deploy/docker-compose.yml", "deploy/.env");
    }

    @Test
    void requiredVariableWithoutValueIsARequiredProblemNotAnInterpolationError() {
        TempRepo repo = new TempRepo(dir).file("compose.yaml", """
                services:
                  api:
                    image: app:${TAG:?TAG must be set}
                """);
        ComposeProject p = load(repo);
        assertThat(p.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.kind()).isEqualTo(ComposeProblem.Kind.REQUIRED_VARIABLE);
            assertThat(pr.message()).contains("TAG must be set");
            assertThat(pr.location().line()).isEqualTo(3);
        });
        assertThat(p.services().get(0).image().orElseThrow().references().get(0).operator())
                .isEqualTo(Operator.REQUIRED_NON_EMPTY);
    }

    @Test
    void mergesOverrideFilesAndKeepsPerEnvironmentFilesInTheStack() {
        TempRepo repo = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          api:
                            image: api:1
                            ports: ["8000:8000"]
                            environment: {A: base, B: base}
                        """)
                .file("docker-compose.override.yml", """
                        services:
                          api:
                            environment: {B: override}
                            ports: ["9000:9000"]
                        """)
                .file("docker-compose.prod.yml", """
                        services:
                          api:
                            image: api:prod
                          worker:
                            image: worker:1
                        """);
        ComposeProject p = load(repo);
        ComposeStack stack = p.stacks().get(0);
        assertThat(stack.files()).containsExactly("docker-compose.yml", "docker-compose.override.yml",
                "docker-compose.prod.yml");
        assertThat(stack.defaultFiles()).containsExactly("docker-compose.yml", "docker-compose.override.yml");
        assertThat(stack.defaultServices()).containsOnlyKeys("api");
        assertThat(stack.defaultServices().get("api").image().orElseThrow().value()).isEqualTo("api:1");
        ComposeService api = stack.service("api").orElseThrow();
        assertThat(api.image().orElseThrow().value()).isEqualTo("api:prod");
        assertThat(api.ports()).extracting(pm -> pm.publishedStart()).containsExactly(8000, 9000);
        assertThat(api.environment().get("A").value().orElseThrow().value()).isEqualTo("base");
        assertThat(api.environment().get("B").value().orElseThrow().value()).isEqualTo("override");
        assertThat(api.sourceFiles()).contains("docker-compose.yml", "docker-compose.override.yml",
                "docker-compose.prod.yml");
        assertThat(stack.services()).containsKeys("api", "worker");
    }

    @Test
    void composeSpecNamedOverlaysAreComposeFilesButOnlyTheOverrideIsReadByDefault() {
        TempRepo repo = new TempRepo(dir)
                .file("compose.yaml", "services:\n  api:\n    image: api:1\n")
                // compose looks for the override by its own names, whatever the base file is called
                .file("docker-compose.override.yml", "services:\n  api:\n    ports: [\"8000:8000\"]\n")
                .file("compose.observability.yaml", "services:\n  prometheus:\n    image: prom/prometheus:v2.54.1\n")
                .file("compose.prod.yml", "services:\n  api:\n    image: api:prod\n")
                .file("deploy/compose.yml", "services:\n  web:\n    image: web:1\n")
                .file("deploy/compose.override.yaml", "services:\n  web:\n    ports: [\"80:80\"]\n")
                .file("deploy/compose.override.yml", "services:\n  web:\n    ports: [\"81:80\"]\n")
                .file("ops/compose.monitoring.yaml", "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n");
        ComposeProject p = load(repo);
        assertThat(p.files()).containsKeys("compose.observability.yaml", "compose.prod.yml",
                "ops/compose.monitoring.yaml");
        ComposeStack root = p.stacks().get(0);
        assertThat(root.defaultFiles()).containsExactly("compose.yaml", "docker-compose.override.yml");
        assertThat(root.files()).containsExactly("compose.yaml", "docker-compose.override.yml",
                "compose.observability.yaml", "compose.prod.yml");
        assertThat(root.defaultServices()).containsOnlyKeys("api");
        assertThat(root.services()).containsKeys("api", "prometheus");
        // compose.override.yml comes before compose.override.yaml in compose's order of preference
        ComposeStack deploy = p.stackOf("deploy/compose.yml").orElseThrow();
        assertThat(deploy.defaultFiles()).containsExactly("deploy/compose.yml", "deploy/compose.override.yml");
        assertThat(deploy.defaultServices().get("web").ports()).extracting(PortMapping::publishedStart)
                .containsExactly(81);
        // a folder with only a named overlay runs nothing on a plain up, but its services are known
        ComposeStack ops = p.stackOf("ops/compose.monitoring.yaml").orElseThrow();
        assertThat(ops.defaultFiles()).isEmpty();
        assertThat(ops.services()).containsOnlyKeys("grafana");
    }

    @Test
    void hostPortsKeepTheVariablesTheyAreWrittenWith() {
        TempRepo repo = new TempRepo(dir)
                .file("compose.yaml", """
                        services:
                          a:
                            image: a:1
                            ports:
                              - "${WEB_PORT:-8080}:8080"
                              - "${BIND:-127.0.0.1}:${API_PORT}:9000/tcp"
                              - "${SET_PORT}:7000"
                              - "${ONLY_TARGET:-6000}"
                              - target: 5000
                                published: ${LONG_PORT:-5001}
                              - "4000:4000"
                        """)
                .file(".env", "SET_PORT=7001\n");
        ComposeService a = load(repo).stacks().get(0).service("a").orElseThrow();
        assertThat(a.ports()).extracting(PortMapping::publishedStart).containsExactly(8080, 0, 7001, 0, 5001, 4000);
        assertThat(a.ports()).extracting(pm -> pm.hostPortFromUnsetVariable().map(Interpolation.Reference::name)
                .orElse("-")).containsExactly("WEB_PORT", "API_PORT", "-", "-", "LONG_PORT", "-");
        assertThat(a.ports().get(2).hostPortReferences()).extracting(Interpolation.Reference::name)
                .containsExactly("SET_PORT");
    }

    @Test
    void followsIncludeExtendsAnchorsAndProfiles() {
        TempRepo repo = new TempRepo(dir)
                .file("compose.yaml", """
                        include:
                          - monitoring/compose.monitoring.yaml
                          - path: [missing.yaml]
                        x-common: &common
                          restart: unless-stopped
                          environment:
                            TZ: UTC
                        services:
                          api:
                            <<: *common
                            image: api:1
                          debug:
                            image: busybox:1.36
                            profiles: [debug]
                          worker:
                            extends:
                              file: common/base.yml
                              service: python
                            command: python -m worker
                        """)
                .file("monitoring/compose.monitoring.yaml", """
                        services:
                          prometheus:
                            image: prom/prometheus:v2.51.0
                            volumes: [./prometheus:/etc/prometheus]
                        """)
                .file("common/base.yml", """
                        services:
                          python:
                            image: python:3.12
                            environment: [PYTHONUNBUFFERED=1]
                            volumes: [../src:/app]
                        """);
        ComposeProject p = load(repo);
        assertThat(p.stacks()).hasSize(1);
        ComposeStack stack = p.stacks().get(0);
        assertThat(stack.files()).containsExactly("monitoring/compose.monitoring.yaml", "compose.yaml");
        assertThat(stack.services()).containsKeys("api", "debug", "worker", "prometheus");
        assertThat(stack.defaultServices()).containsKeys("api", "worker", "prometheus").doesNotContainKey("debug");
        assertThat(stack.service("api").orElseThrow().scalar("restart").orElseThrow().value()).isEqualTo("unless-stopped");
        assertThat(stack.service("api").orElseThrow().environment()).containsKey("TZ");
        ComposeService worker = stack.service("worker").orElseThrow();
        assertThat(worker.image().orElseThrow().value()).isEqualTo("python:3.12");
        assertThat(worker.command().orElseThrow()).extracting(ComposeValue::value).containsExactly("python", "-m", "worker");
        assertThat(worker.environment()).containsKey("PYTHONUNBUFFERED");
        assertThat(worker.repositoryPathAt("/app/main.py")).contains("src/main.py");
        ComposeService prom = stack.service("prometheus").orElseThrow();
        assertThat(prom.repositoryPathAt("/etc/prometheus/prometheus.yml")).contains("monitoring/prometheus/prometheus.yml");
        assertThat(p.servicesMounting("monitoring/prometheus/prometheus.yml")).extracting(m -> m.service().name())
                .containsExactly("prometheus");
        assertThat(p.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.kind()).isEqualTo(ComposeProblem.Kind.MISSING_FILE);
            assertThat(pr.location().line()).isEqualTo(3);
        });
        assertThat(p.file("compose.yaml").orElseThrow().extensionKeys()).containsExactly("x-common");
    }

    @Test
    void networksMustBeDeclaredSomewhereInTheProject() {
        TempRepo repo = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          a: {image: x, networks: [front, back]}
                          b: {image: x, network_mode: host}
                          c: {image: x}
                        networks: {front: {}}
                        """)
                .file("docker-compose.prod.yml", "networks: {back: {driver: overlay}}\nservices: {d: {image: x, networks: [edge]}}\n");
        ComposeProject p = load(repo);
        assertThat(p.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.kind()).isEqualTo(ComposeProblem.Kind.UNDEFINED_NETWORK);
            assertThat(pr.message()).contains("'d'").contains("'edge'");
        });
        ComposeStack stack = p.stacks().get(0);
        assertThat(stack.service("a").orElseThrow().sharesNetworkWith(stack.service("c").orElseThrow())).isFalse();
        assertThat(stack.service("b").orElseThrow().effectiveNetworks()).isEmpty();
        assertThat(stack.service("c").orElseThrow().effectiveNetworks()).containsExactly("default");
    }

    @Test
    void extendsAndIncludeCyclesAreProblemsNotHangs() {
        TempRepo repo = new TempRepo(dir)
                .file("compose.yaml", """
                        include: [other/compose.yaml]
                        services:
                          a:
                            extends: b
                          b:
                            extends: {service: a}
                        """)
                .file("other/compose.yaml", "include: [../compose.yaml]\nservices: {}\n");
        ComposeProject p = load(repo);
        assertThat(p.problems()).extracting(ComposeProblem::kind).contains(ComposeProblem.Kind.CYCLE);
        assertThat(p.stacks()).isNotEmpty();
        assertThat(p.services()).extracting(ComposeService::name).contains("a", "b");
    }

    @Test
    void templatesAreInNoStack() {
        TempRepo repo = new TempRepo(dir)
                .file("{{cookiecutter.project_slug}}/docker-compose.yml", """
                        services:
                          web:
                            image: {{ cookiecutter.project_slug }}_web
                            ports: ["8000:8000"]
                        """)
                .file("{{cookiecutter.project_slug}}/compose.yaml", "services:\n  db:\n    image: postgres:16\n")
                .file("roles/web/templates/docker-compose.yml", """
                        services:
                        {% for w in workers %}
                          {{ w }}:
                            image: web:1.0
                        {% endfor %}
                        """)
                .file("docker-compose.yml", "services:\n  docs:\n    image: nginx:1.27\n");
        ComposeProject project = load(repo);
        assertThat(project.templates()).containsExactly("roles/web/templates/docker-compose.yml",
                "{{cookiecutter.project_slug}}/compose.yaml", "{{cookiecutter.project_slug}}/docker-compose.yml");
        assertThat(project.files()).containsOnlyKeys("docker-compose.yml");
        assertThat(project.stacks()).singleElement().satisfies(st -> assertThat(st.services()).containsOnlyKeys("docs"));
        assertThat(project.problems()).isEmpty();
        assertThat(project.inputs()).contains("{{cookiecutter.project_slug}}/docker-compose.yml");
    }

    @Test
    void overlaysNamedForWhatTheyAddAreComposeFilesByTheirContent() {
        TempRepo repo = new TempRepo(dir)
                .file("docker-compose.yml", "services:\n  web:\n    image: nginx\n")
                .file("prometheus.yml", """
                        services:
                          prometheus:
                            image: prom/prometheus
                            restart: ${RESTART_POLICY:-unless-stopped}
                            volumes: ["./prometheus:/etc/prometheus"]
                        """)
                .file("prometheus/prometheus.yml", "global:\n  scrape_interval: 15s\nscrape_configs: []\n")
                .file("alertmanager.yml", "route:\n  receiver: r\nreceivers:\n  - name: r\n")
                .file("traefik.yml", "entryPoints:\n  web:\n    address: ':80'\n")
                .file("app.yml", "services:\n  mail:\n    host: smtp.example.com\n")
                .file(".gitlab-ci.yml", "services:\n  - docker:dind\n");
        AuditContext ctx = repo.context();
        ComposeProject p = ComposeProject.of(ctx);
        assertThat(p.files().keySet()).containsExactly("docker-compose.yml", "prometheus.yml");
        ComposeStack root = p.stacks().get(0);
        assertThat(root.files()).containsExactly("docker-compose.yml", "prometheus.yml");
        assertThat(root.services().keySet()).containsExactly("web", "prometheus");
        assertThat(root.defaultServices().keySet()).containsExactly("web");
        assertThat(root.service("prometheus").orElseThrow().scalar("restart").orElseThrow().value())
                .isEqualTo("unless-stopped");
        assertThat(p.servicesMounting("prometheus/prometheus.yml")).extracting(m -> m.service().name())
                .containsExactly("prometheus");
    }

    @Test
    void anOverlayOfAnotherFolderJoinsTheProjectOfTheFirstFileItIsPassedWith() {
        TempRepo repo = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          web:
                            image: nginx
                            networks: [meet]
                        networks:
                          meet:
                        """)
                .file("extras/mongodb/mongodb.yml", """
                        services:
                          mongodb:
                            image: mongo:7
                            env_file: [./extras/.env]
                            volumes: ["./extras/mongodb/init:/docker-entrypoint-initdb.d"]
                            networks: [meet]
                        """)
                .file("extras/mongodb/README.md", """
                        ```bash
                        docker compose -f docker-compose.yml -f ./extras/mongodb/mongodb.yml up -d
                        ```
                        """);
        ComposeProject p = ComposeProject.of(repo.context());
        assertThat(p.stacks()).singleElement().satisfies(s -> {
            assertThat(s.directory()).isEmpty();
            assertThat(s.services().keySet()).containsExactly("web", "mongodb");
        });
        ComposeService mongo = p.stacks().get(0).service("mongodb").orElseThrow();
        assertThat(mongo.volumes()).extracting(m -> m.repositoryPath().orElse("?"))
                .containsExactly("extras/mongodb/init");
        assertThat(p.problems()).noneMatch(x -> x.kind() == ComposeProblem.Kind.UNDEFINED_NETWORK);
        assertThat(p.envFiles()).containsOnlyKeys("extras/.env");
    }

    @Test
    void secretFilesResolvedAgainstTheProjectFolderWithTheirFileVariables() {
        TempRepo repo = new TempRepo(dir).file("deploy/.env", "SECRETS_DIR=./creds\n").file("deploy/compose.yaml", """
                services:
                  db:
                    image: postgres:16
                    environment:
                      POSTGRES_PASSWORD_FILE: /run/secrets/pg
                      OTHER_FILE: /run/secrets/elsewhere
                    secrets: [pg]
                secrets:
                  pg:
                    file: ${SECRETS_DIR}/pg_password
                  session:
                    environment: SESSION_SECRET
                  registry:
                    external: true
                  outside:
                    file: ../../etc/secret
                """);
        ComposeProject p = load(repo);
        assertThat(p.file("deploy/compose.yaml").orElseThrow().fileSecrets())
                .extracting(ComposeFile.FileSecret::name).containsExactly("pg", "outside");
        assertThat(p.secretFiles()).containsOnlyKeys("deploy/creds/pg_password");
        ComposeProject.SecretFile pg = p.secretFiles().get("deploy/creds/pg_password");
        assertThat(pg.declarations()).singleElement().satisfies(d -> {
            assertThat(d.secret()).isEqualTo("pg");
            assertThat(d.location().path()).isEqualTo("deploy/compose.yaml");
            assertThat(d.location().line()).isEqualTo(10);
        });
        assertThat(pg.fileVariables()).containsExactly("POSTGRES_PASSWORD");
    }
}
