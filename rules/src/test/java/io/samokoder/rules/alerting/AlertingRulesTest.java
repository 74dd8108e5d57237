package io.samokoder.rules.alerting;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviours of the alerting rules on small repositories written in each test. */
class AlertingRulesTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private List<Finding> audit() {
        return new Auditor().run(AuditConfig.forRoot(repo)).active();
    }

    private List<Finding> audit(String ruleId) {
        return audit().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static final String MINIMAL = """
            route:
              receiver: r
            receivers:
              - name: r
                telegram_configs:
                  - bot_token: '${TOKEN}'
                    chat_id: 1
            """;

    @Test
    void exactColumnsAfterNonBmpTextAndCrLf() throws IOException {
        write("alertmanager.yml", ("route:\n  receiver: r\nreceivers:\n  - name: r\n    telegram_configs:\n"
                + "      - message: '🚨🚨 {{ .Status }}'\n        bot_token: 'x-🚨-${TOKEN}'\n        chat_id: 1\n")
                .replace("\n", "\r\n"));
        List<Finding> f = audit("alerting/unresolved-placeholder");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(7);
            assertThat(x.column()).isEqualTo("        bot_token: 'x-🚨-".length() + 1);
        });
    }

    @Test
    void configFoundByContentUnderAnyName() throws IOException {
        write("ops/routing.yaml", MINIMAL);
        assertThat(audit("alerting/unresolved-placeholder")).singleElement()
                .satisfies(x -> assertThat(x.path()).isEqualTo("ops/routing.yaml"));
    }

    @Test
    void aKubernetesManifestNamedAlertmanagerIsNotAnAlertmanagerConfig() throws IOException {
        write("k8s/alertmanager.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: alertmanager-${ENV}
                stringData:
                  token: ${TOKEN}
                """);
        assertThat(audit()).noneMatch(f -> f.category().id().equals("alerting"));
    }

    @Test
    void jinjaAndMakoFilesAreNeverScanned() throws IOException {
        write("roles/am/templates/alertmanager.yml.j2", MINIMAL.replace("'${TOKEN}'", "'{{ telegram_token }}'")
                + "# ${NOT_A_PLACEHOLDER}\n");
        write("alembic/script.py.mako", "revision = ${repr(up_revision)}\n${UPGRADES}\n");
        assertThat(audit()).noneMatch(f -> f.category().id().equals("alerting"));
    }

    @Test
    void brokenYamlIsScannedLineByLineWithoutComments() throws IOException {
        write("alertmanager.yml", "route:\n  receiver: r\n receivers: [\n  - bot_token: ${TOKEN}  # ${IN_COMMENT}\n"
                + "    chat_id: ${CHAT}\n");
        List<Finding> f = audit("alerting/unresolved-placeholder");
        assertThat(f).hasSize(2);
        assertThat(f.get(0).line()).isEqualTo(4);
        assertThat(f.get(0).message()).contains("${TOKEN}").doesNotContain("IN_COMMENT");
        assertThat(f.get(0).remediation()).contains("bot_token_file");
        assertThat(f.get(1).message()).as("the field's type is known without its position")
                .startsWith("Alertmanager will refuse to load: ${CHAT} in `chat_id`");
        assertThat(audit()).noneMatch(x -> x.ruleId().equals("config/check-failed"));
    }

    @Test
    void hostileInputNeverFailsARule() throws IOException {
        Files.write(repo.resolve("alertmanager.yml"), new byte[] {0, 1, 2, (byte) 0xff, '$', '{', 'X', '}'});
        write("monitoring/alertmanager.yaml", "a: &a [\"${X}\",\"${X}\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nroute: {receiver: r}\n"
                + "receivers: [{name: r}]\n");
        write("ops/alertmanager-big.yml", "route:\n  receiver: r\nreceivers:\n  - name: r\n"
                + "    email_configs:\n".concat("      - to: '${TO}${CC}${BCC}'\n".repeat(5_000)));
        Files.write(repo.resolve("ops/alertmanager-latin1.yml"),
                "route: {receiver: r}\nreceivers: [{name: r, email_configs: [{to: '\u00e9${TO}'}]}]\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        List<Finding> all = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> audit());
        assertThat(all).noneMatch(x -> x.ruleId().equals("config/check-failed"));
        // 15,000 placeholders: a check lists 1,000 a file and counts the rest in one finding
        assertThat(all).filteredOn(x -> x.path().equals("ops/alertmanager-big.yml")).hasSize(1_001)
                .anyMatch(x -> x.message().startsWith("… and 14000 more findings of alerting/unresolved-placeholder"));
        assertThat(all).anyMatch(x -> x.path().equals("ops/alertmanager-latin1.yml")
                && x.ruleId().equals("alerting/unresolved-placeholder"));
    }

    @Test
    void usersExtendTheFieldTypeTable() throws IOException {
        write("alertmanager.yml", MINIMAL.replace("'${TOKEN}'", "t").replace("chat_id: 1", "chat_id: 1\n"
                + "        custom_timeout: ${TIMEOUT}"));
        assertThat(audit("alerting/unresolved-placeholder")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("sent literally"));
        write(".samokoder/alertmanager-fields.tsv", "# our fork's fields\ntelegram_configs\tcustom_timeout\tduration\t-\n");
        AuditConfig config = AuditConfig.forRoot(repo).option(UnresolvedPlaceholderRule.FIELD_TYPES_OPTION,
                ".samokoder/alertmanager-fields.tsv");
        assertThat(new Auditor().run(config).active()).filteredOn(x -> x.ruleId().equals("alerting/unresolved-placeholder"))
                .singleElement().satisfies(x -> assertThat(x.message()).startsWith("Alertmanager will refuse to load"));
        write(".samokoder/alertmanager-fields.tsv", "telegram_configs\tcustom_timeout\tnot-a-type\t-\n");
        assertThat(new Auditor().run(config).active()).anyMatch(x -> x.path().equals(".samokoder/alertmanager-fields.tsv")
                && x.message().contains("not used"));
    }

    @Test
    void findingsAreDeterministic() throws IOException {
        write("alertmanager.yml", MINIMAL);
        write("b/alertmanager.yml", MINIMAL.replace("TOKEN", "OTHER"));
        assertThat(audit()).isEqualTo(audit());
    }

    @Test
    void noSecretValueInAnyMessage() throws IOException {
        write("alertmanager.yml", MINIMAL.replace("'${TOKEN}'", "'123456:AAHsuperSecretTokenValue${SUFFIX}'"));
        List<Finding> f = audit("alerting/unresolved-placeholder");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("${SUFFIX}").doesNotContain("superSecret").doesNotContain("123456");
        });
    }

    @Test
    void rootRouteWithoutReceiverAndPlaceholderReceiverNames() throws IOException {
        write("alertmanager.yml", """
                route:
                  group_by: [alertname]
                  routes:
                    - receiver: '${RECEIVER}'
                receivers:
                  - name: r
                """);
        assertThat(audit("alerting/undefined-receiver")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("root route has no `receiver`"));
        assertThat(audit("alerting/unresolved-placeholder")).singleElement()
                .satisfies(x -> assertThat(x.message()).startsWith("Alertmanager will refuse to load: ${RECEIVER}"));
        assertThat(audit("alerting/unused-receiver")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("`r`"));
    }

    @Test
    void emptyEqualListIsStillAnInhibitWithoutEqual() throws IOException {
        write("alertmanager.yml", MINIMAL.replace("'${TOKEN}'", "t") + """
                inhibit_rules:
                  - source_matchers: [severity="critical"]
                    target_matchers: [severity="warning"]
                    equal: []
                """);
        assertThat(audit("alerting/inhibit-without-equal")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("an empty `equal` list"));
    }

    @Test
    void templateNamedFileNotRenderedByComposeIsATemplate() throws IOException {
        write("alertmanager.yml.tmpl", MINIMAL);
        assertThat(audit("alerting/unresolved-placeholder")).isEmpty();
    }

    @Test
    void deployScriptsMakefilesAndCiStepsThatRenderTheFileMakeItATemplate() throws IOException {
        write("monitoring/alertmanager/alertmanager.yml", MINIMAL);
        write("scripts/deploy.sh", "#!/bin/sh\nset -eu\nenvsubst < monitoring/alertmanager/alertmanager.yml \\\n"
                + "  > /srv/alertmanager/alertmanager.yml\n");
        assertThat(audit("alerting/unresolved-placeholder")).isEmpty();
        assertThat(audit("alerting/template-variable-not-supplied")).as("a script's environment is unknown").isEmpty();

        Files.delete(repo.resolve("scripts/deploy.sh"));
        write("Makefile", "deploy:\n\t@envsubst '$$TOKEN' < monitoring/alertmanager/alertmanager.yml > out.yml\n");
        assertThat(audit("alerting/unresolved-placeholder")).isEmpty();

        Files.delete(repo.resolve("Makefile"));
        write(".github/workflows/deploy.yml", """
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: envsubst < monitoring/alertmanager/alertmanager.yml > rendered.yml
                """);
        assertThat(audit("alerting/unresolved-placeholder")).isEmpty();

        Files.delete(repo.resolve(".github/workflows/deploy.yml"));
        assertThat(audit("alerting/unresolved-placeholder")).as("nothing renders it any more").hasSize(1);
    }

    @Test
    void templateNamedFileLoadedDirectlyByComposeIsReported() throws IOException {
        write("am/alertmanager.yml.tmpl", MINIMAL);
        write("docker-compose.yml", """
                services:
                  alertmanager:
                    image: prom/alertmanager
                    volumes: ["./am:/etc/alertmanager"]
                    command: ["--config.file=/etc/alertmanager/alertmanager.yml.tmpl"]
                """);
        assertThat(audit("alerting/unresolved-placeholder")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("named like a template but is loaded as it is"));
    }

    @Test
    void gomplateRendersGoTemplateEnvironmentNotDollarBraces() throws IOException {
        write("am/alertmanager.yml.tmpl", """
                route:
                  receiver: r
                receivers:
                  - name: r
                    telegram_configs:
                      - bot_token: '{{ .Env.TELEGRAM_BOT_TOKEN }}'
                        chat_id: ${TELEGRAM_CHAT_ID}
                """);
        write("docker-compose.yml", """
                services:
                  alertmanager:
                    image: example/am-gomplate
                    volumes: ["./am:/etc/alertmanager"]
                    entrypoint: ["/bin/sh", "-c", "gomplate -f /etc/alertmanager/alertmanager.yml.tmpl -o /tmp/am.yml && alertmanager --config.file=/tmp/am.yml"]
                """);
        assertThat(audit("alerting/template-variable-not-supplied")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("${TELEGRAM_BOT_TOKEN}").contains("gomplate"));
        assertThat(audit("alerting/unresolved-placeholder")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("${TELEGRAM_CHAT_ID}")
                        .contains("gomplate render step does not substitute it"));
    }

    @Test
    void missingExampleFileReportsAtFirstUse() throws IOException {
        write("docker-compose.yml", """
                services:
                  grafana:
                    image: grafana/grafana
                    environment:
                      GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD}
                      GF_SERVER_ROOT_URL: ${ROOT_URL:-http://localhost:3000}
                      GF_X: $${LITERAL}
                """);
        assertThat(audit("alerting/env-example-missing-variable")).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("docker-compose.yml");
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.message()).contains("GRAFANA_ADMIN_PASSWORD").contains("no .env.example");
        });
    }

    @Test
    void theFileASetupStepCopiesToTheEnvIsTheExampleWhateverItsName() throws IOException {
        write("docker-compose.yml", "services:\n  app:\n    image: x:${TAG}\n    command: run ${MODE}\n");
        write("default.env", "TAG=1.2\n");
        write("setup.sh", "#!/bin/sh\ncp default.env .env\ndocker compose up -d\n");
        assertThat(audit("alerting/env-example-missing-variable")).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("default.env");
            assertThat(x.message()).contains("`MODE`").contains("docker-compose.yml:4");
        });
    }

    @Test
    void aVariableNamedTwiceInOneValueOfAPrometheusConfigIsOneFinding() throws IOException {
        write("prometheus.yml", """
                scrape_configs:
                  - job_name: app
                    metrics_path: /${TENANT}/metrics/${TENANT}
                    static_configs:
                      - targets: ['app:8080']
                """);
        assertThat(audit("alerting/unresolved-placeholder")).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.column()).isEqualTo(20);
            assertThat(x.message()).contains("${TENANT}");
        });
    }

    @Test
    void aComposeOverlayNamedPrometheusIsNotReadAsAPrometheusConfig() throws IOException {
        write("docker-compose.yml", "services:\n  app:\n    image: acme/app:1\n");
        write("prometheus.yml", """
                services:
                  prometheus:
                    image: prom/prometheus
                    restart: ${RESTART_POLICY:-unless-stopped}
                    labels:
                      - traefik.http.routers.${PROM_HOST:-prom}.service=${PROM_HOST:-prom}
                    volumes: ["./prometheus:/etc/prometheus"]
                """);
        write("prometheus/prometheus.yml", """
                scrape_configs:
                  - job_name: app
                    static_configs:
                      - targets: ['${APP_HOST}:8080']
                """);
        assertThat(audit("alerting/unresolved-placeholder")).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("prometheus/prometheus.yml");
            assertThat(x.message()).contains("${APP_HOST}");
        });
    }

    @Test
    void eachStackIsCheckedAgainstTheNearestExample() throws IOException {
        write("deploy/a/docker-compose.yml", "services:\n  app:\n    image: x:${A_TAG}\n");
        write("deploy/a/.env.example", "A_TAG=1\n");
        write("deploy/b/docker-compose.yml", "services:\n  app:\n    image: x:${B_TAG}\n");
        write(".env.example", "A_TAG=1\n");
        assertThat(audit("alerting/env-example-missing-variable")).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo(".env.example");
            assertThat(x.message()).contains("`B_TAG`").contains("deploy/b/docker-compose.yml:3");
        });
    }

    @Test
    void committedDotEnvSuppliesComposeVariables() throws IOException {
        write("docker-compose.yml", "services:\n  app:\n    image: x:${TAG}\n");
        write(".env", "TAG=1.2\n");
        write(".env.example", "OTHER=\n");
        assertThat(audit("alerting/env-example-missing-variable")).isEmpty();
    }

    @Test
    void prometheusExternalLabelsWithTheFeatureFlag() throws IOException {
        write("prometheus/prometheus.yml", """
                global:
                  external_labels:
                    cluster: ${CLUSTER}
                scrape_configs:
                  - job_name: x
                    static_configs:
                      - targets: ['${HOST}:9100']
                """);
        write("docker-compose.yml", """
                services:
                  prometheus:
                    image: prom/prometheus
                    volumes: ["./prometheus:/etc/prometheus"]
                    command: ["--config.file=/etc/prometheus/prometheus.yml", "--enable-feature=expand-external-labels"]
                """);
        assertThat(audit("alerting/unresolved-placeholder")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("${HOST}").contains("job `x`"));
    }

    @Test
    void aPrometheusConfigRenderedByItsServiceIsATemplate() throws IOException {
        write("prometheus/prometheus.yml", "scrape_configs:\n  - job_name: x\n    static_configs:\n"
                + "      - targets: ['${HOST}:9100']\n");
        assertThat(audit("alerting/unresolved-placeholder")).hasSize(1);
        write("docker-compose.yml", """
                services:
                  prometheus:
                    image: example/prometheus-gettext
                    volumes: ["./prometheus:/etc/prometheus-src:ro"]
                    entrypoint: ["/bin/sh", "-c", "envsubst < /etc/prometheus-src/prometheus.yml > /tmp/p.yml && exec prometheus --config.file=/tmp/p.yml"]
                """);
        assertThat(audit("alerting/unresolved-placeholder")).isEmpty();
    }

    @Test
    void anInitServiceRenderingIntoASharedVolumeMakesTheFileATemplate() throws IOException {
        write("monitoring/alertmanager/alertmanager.yml", MINIMAL);
        write("docker-compose.yml", """
                services:
                  render-config:
                    image: bhgedigital/envsubst
                    volumes: ["./monitoring/alertmanager:/in:ro", "am-config:/out"]
                    command: ["sh", "-c", "envsubst < /in/alertmanager.yml > /out/alertmanager.yml"]
                  alertmanager:
                    image: prom/alertmanager
                    volumes: ["am-config:/etc/alertmanager"]
                    depends_on: [render-config]
                volumes:
                  am-config:
                """);
        assertThat(audit("alerting/unresolved-placeholder")).isEmpty();
    }

    @Test
    void prometheusRuleFilesAreNotConfigs() throws IOException {
        write("prometheus/rules/alerts.yml", """
                groups:
                  - name: x
                    rules:
                      - alert: Down
                        expr: up == 0
                        annotations:
                          summary: '{{ $labels.instance }} down, value {{ $value }}'
                """);
        write("prometheus/prometheus.yml", "scrape_configs: []\n");
        assertThat(audit()).noneMatch(f -> f.category().id().equals("alerting"));
    }

    @Test
    void aCiStepThatSedsTheComposeFileDoesNotMakeItAnAlertmanagerTemplate() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    environment:\n"
                + "      DEBUG: \"${DEBUG}\"\n    restart: \"${RESTART_POLICY}\"\n");
        write(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - run: sed -i \"s|.:/app|/tmp:/tmp|g\" compose.yaml\n");
        assertThat(audit("alerting/unresolved-placeholder")).isEmpty();
    }

    @Test
    void aDeployScriptThatRendersIntoAlertmanagersPathMakesTheFileATemplate() throws IOException {
        write("ops/am.yml", MINIMAL);
        write("deploy.sh", "#!/bin/sh\nenvsubst < ops/am.yml > /etc/alertmanager/alertmanager.yml\n");
        assertThat(audit("alerting/unresolved-placeholder")).isEmpty();
    }

    @Test
    void anImageBuiltFromOutsideTheRepositoryIsNotJudgedByItsTag() throws IOException {
        write("alertmanager.yml.tmpl", MINIMAL);
        write("docker-compose.yml", """
                services:
                  alertmanager:
                    build: https://github.com/example/alertmanager-gettext.git#v1
                    image: prom/alertmanager:with-gettext
                    entrypoint: ["/bin/sh", "-c", "envsubst < /t/a.tmpl > /tmp/a.yml && exec alertmanager --config.file=/tmp/a.yml"]
                    environment: [TOKEN]
                    volumes: ["./alertmanager.yml.tmpl:/t/a.tmpl:ro"]
                """);
        assertThat(audit("alerting/render-tool-missing")).isEmpty();
        assertThat(audit("alerting/unresolved-placeholder")).isEmpty();
    }
}
