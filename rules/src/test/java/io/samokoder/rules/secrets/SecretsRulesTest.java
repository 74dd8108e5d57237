package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsRulesTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private List<Finding> audit(Map<String, String> options) {
        AuditConfig config = AuditConfig.forRoot(dir);
        options.forEach(config::option);
        AuditResult result = new Auditor().run(config);
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals("config/check-failed"));
        return result.findings().stream().filter(f -> f.category() == Category.SECRETS).toList();
    }

    private List<Finding> audit() {
        return audit(Map.of());
    }

    private static List<String> where(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).map(Finding::location).toList();
    }

    private static final String SCRAPE_CONFIG = """
            global:
              scrape_interval: 15s
            scrape_configs:
              - job_name: api
                basic_auth:
                  username: scraper
                  password: Xk9mQ2vR7pL4wN8t
                static_configs:
                  - targets: ['api:8000']
            """;

    /** A Prometheus config known by its content and its mount, not by its name. */
    private void mountedScrapeConfig() throws IOException {
        write("docker-compose.yml", """
                services:
                  prometheus:
                    image: prom/prometheus:v2.53.0
                    volumes:
                      - ./ops/scrape.yml:/etc/prometheus/prometheus.yml:ro
                """);
        write("ops/scrape.yml", SCRAPE_CONFIG);
    }

    @Test
    void aPrometheusConfigKnownByContentIsCheckedInTheStagedMode() throws IOException {
        mountedScrapeConfig();
        assertThat(where(audit(), "secrets/hardcoded-credential")).containsExactly("ops/scrape.yml:7");
        AuditResult staged = new Auditor().run(AuditConfig.forRoot(dir).changedFiles(List.of("ops/scrape.yml")));
        assertThat(where(staged.findings(), "secrets/hardcoded-credential")).containsExactly("ops/scrape.yml:7");
    }

    @Test
    void aPrometheusConfigKnownByContentAloneIsChecked() throws IOException {
        write("ops/scrape.yml", SCRAPE_CONFIG);
        assertThat(where(audit(), "secrets/hardcoded-credential")).containsExactly("ops/scrape.yml:7");
        AuditResult staged = new Auditor().run(AuditConfig.forRoot(dir).changedFiles(List.of("ops/scrape.yml")));
        assertThat(where(staged.findings(), "secrets/hardcoded-credential")).containsExactly("ops/scrape.yml:7");
    }

    @Test
    void gitlabCiVariablesLiteralMapFormAndReferences() throws IOException {
        write(".gitlab-ci.yml", """
                variables:
                  POSTGRES_PASSWORD: "runner-db-pass-2024"
                  DB_PASSWORD:
                    value: "Zq8vN2kLp4Rt7wXy"
                    description: database password
                  API_TOKEN: $CI_API_TOKEN
                  REGISTRY_PASSWORD: ${CI_REGISTRY_PASSWORD}
                test:
                  services:
                    - name: postgres:15
                      variables:
                        POSTGRES_PASSWORD: postgres
                  script:
                    - pytest
                """);
        List<Finding> f = audit();
        assertThat(where(f, "secrets/hardcoded-in-ci"))
                .containsExactly(".gitlab-ci.yml:2", ".gitlab-ci.yml:4", ".gitlab-ci.yml:12");
        // the service container's password is the job's own throw-away database
        assertThat(f).filteredOn(x -> x.ruleId().equals("secrets/hardcoded-in-ci"))
                .allMatch(x -> x.severity() == (x.line() == 12 ? Severity.LOW : Severity.MEDIUM));
        assertThat(where(f, "secrets/weak-value")).containsExactly(".gitlab-ci.yml:2", ".gitlab-ci.yml:12");
    }

    @Test
    void committedEnvFilesOnePerFileAtTheFirstSecret() throws IOException {
        write(".gitignore", ".env\n");
        write(".env", "DB_PASSWORD=Zq8vN2kLp4Rt7wXy\n");
        write(".env.local", "# local\nLOG_LEVEL=debug\nOPENAI_API_KEY=not-a-real-key-but-filled-in\nDB_PASSWORD=x\n");
        write("deploy/prod.env", "export API_TOKEN='Zq8vN2kLp4Rt7wXy9'\n");
        write(".env.production.backup", "SECRET_KEY=\"Zq8vN2kLp4Rt7wXy9Zq8vN2kLp4Rt7wXy9\"\n");
        write(".env.development", "DB_PASSWORD=devdevdevdev1\n");
        write(".env.staging", "DB_PASSWORD=\nAPI_KEY=${API_KEY}\nPASSWORD_FILE=/run/secrets/db\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/committed-env-file")).containsExactlyInAnyOrder(".env.local:3",
                "deploy/prod.env:1", ".env.production.backup:1", ".env.development:1");
        assertThat(f).filteredOn(x -> x.ruleId().equals("secrets/committed-env-file"))
                .allSatisfy(x -> assertThat(x.severity())
                        .isEqualTo(x.path().equals(".env.development") ? Severity.LOW : Severity.CRITICAL));
    }

    @Test
    void templatesMayHoldPlaceholdersButNotRealSecrets() throws IOException {
        write(".env.example", "DB_PASSWORD=<change-me>\nSECRET_KEY=your-secret-key-here\nAPI_KEY=\nADMIN_PASSWORD=admin\n");
        write(".env.sample", "DB_PASSWORD=changeme\nSECRET_KEY=q8Zr2Lk9Vt4Xw7Mn1Bp6Hy3Jc5Df0GaEe\n");
        TokenSamples s = new TokenSamples(11);
        write(".env.template", "LOG_LEVEL=info\nNOTIFY=" + s.lines().get("slack-webhook") + "\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/committed-env-file")).containsExactlyInAnyOrder(".env.sample:2",
                ".env.template:2");
        assertThat(where(f, "secrets/weak-value")).isEmpty();
    }

    @Test
    void composeEnvironmentMapListAndDefaultsWithSeverityByPath() throws IOException {
        String compose = """
                services:
                  db:
                    image: postgres:15
                    environment:
                      POSTGRES_USER: shop
                      POSTGRES_PASSWORD: shop
                  grafana:
                    environment:
                      - GF_SECURITY_ADMIN_PASSWORD=${GRAFANA_ADMIN_PASSWORD:-admin}
                      - GF_SECURITY_ADMIN_USER=admin
                  mq:
                    environment:
                      RABBITMQ_DEFAULT_PASS: "${RABBITMQ_PASS:-guest}"
                """;
        write("docker-compose.yml", compose);
        write("docker-compose.dev.yml", compose);
        write("deploy/dev/compose.yaml", compose);
        List<Finding> f = audit(Map.of(SecretsPolicy.OPTION, "**/docker-compose.dev.yml,deploy/dev/**"));
        assertThat(where(f, "secrets/weak-value")).containsExactlyInAnyOrder("deploy/dev/compose.yaml:6",
                "deploy/dev/compose.yaml:9", "deploy/dev/compose.yaml:13", "docker-compose.dev.yml:6",
                "docker-compose.dev.yml:9", "docker-compose.dev.yml:13", "docker-compose.yml:6", "docker-compose.yml:9",
                "docker-compose.yml:13");
        assertThat(f).filteredOn(x -> x.path().equals("docker-compose.yml")).allMatch(x -> x.severity() == Severity.HIGH);
        assertThat(f).filteredOn(x -> !x.path().equals("docker-compose.yml")).allMatch(x -> x.severity() == Severity.LOW);
        assertThat(f).filteredOn(x -> x.path().equals("docker-compose.yml") && x.line() == 6).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("equals its user name").doesNotContain("shop"));
    }

    @Test
    void defaultsInsideCommandsAndTheComposeProjectName() throws IOException {
        write("compose.yaml", """
                name: billing
                services:
                  redis:
                    image: redis:7
                    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD:-redis}"]
                  db:
                    environment:
                      MYSQL_ROOT_PASSWORD: billing
                      MYSQL_PASSWORD: ${MYSQL_PASSWORD:?required}
                """);
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).containsExactly("compose.yaml:5", "compose.yaml:8");
        assertThat(f).filteredOn(x -> x.line() == 8).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("project's name"));
    }

    @Test
    void imagesWithBuiltInDefaultPasswordsWhenTheSettingIsAbsent() throws IOException {
        write("docker-compose.yml", """
                services:
                  grafana:
                    image: grafana/grafana:10.2.0
                    ports: ["3000:3000"]
                  grafana-ok:
                    image: grafana/grafana-oss:10.2.0
                    environment:
                      - GF_SECURITY_ADMIN_PASSWORD__FILE=/run/secrets/grafana
                  grafana-env-file:
                    image: grafana/grafana:10.2.0
                    env_file: grafana.env
                  grafana-ini:
                    image: grafana/grafana:10.2.0
                    volumes:
                      - ./grafana.ini:/etc/grafana/grafana.ini:ro
                  mq:
                    image: rabbitmq:3-management
                  minio:
                    image: minio/minio:latest
                    environment:
                      MINIO_ROOT_USER: storage
                      MINIO_ROOT_PASSWORD: ${MINIO_ROOT_PASSWORD:?}
                """);
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).containsExactly("docker-compose.yml:3", "docker-compose.yml:17");
        assertThat(f).first().satisfies(x -> assertThat(x.message()).contains("Grafana")
                .contains("GF_SECURITY_ADMIN_PASSWORD is not set"));
    }

    @Test
    void scriptsIniPropertiesTomlDockerfileAndCodeDefaults() throws IOException {
        write("scripts/run.sh", "#!/bin/sh\nexport DB_PASSWORD=\"root\"\nAPI_TOKEN=$(vault read -field=token x)\n");
        write("bin/start", "#!/usr/bin/env bash\nREDIS_PASSWORD='redis'\n");
        write("conf/app.ini", "[db]\nuser = app\npassword = letmein\n");
        write("src/main/resources/application.properties",
                "spring.datasource.password=${DB_PASSWORD:secret}\njwt.secret=Zq8vN2k\n");
        write("pyproject.toml", "[tool.app]\napi_key = \"12345\"\n");
        write("Dockerfile", "FROM python:3.12\nENV ADMIN_PASSWORD=admin\nARG NPM_TOKEN\n");
        write("web/config.js", "const secret = process.env.SESSION_SECRET || 'keyboard cat';\n");
        write("app/settings.py", "SECRET_KEY = 'django-insecure-q8Zr2Lk9Vt4Xw7Mn1Bp6Hy3Jc5Df0GaEe'\nDEBUG = False\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).containsExactlyInAnyOrder("scripts/run.sh:2", "bin/start:2",
                "conf/app.ini:3", "src/main/resources/application.properties:1",
                "src/main/resources/application.properties:2", "pyproject.toml:2", "Dockerfile:2", "web/config.js:1",
                "app/settings.py:1");
    }

    @Test
    void codeDefaultsAreFoundLineByLineInCrlfFilesAndAfterLongRunsOfOtherLines() throws IOException {
        String filler = "x = compute(1)\r\n".repeat(2000);
        write("app/config.py", filler + "    os.getenv('X')\r\nDB_PASSWORD = \"postgres\"\r\n"
                + "token = os.environ.get(\"API_TOKEN\", \"changeme\")\r\n");
        write("web/env.js", "// process.env.NOT_A_DEFAULT\n" + "let a = 1;\n".repeat(2000)
                + "  export const JWT_SECRET = 'secret';\nconst key = process.env.API_KEY ?? \"test\";\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).containsExactlyInAnyOrder("app/config.py:2002",
                "app/config.py:2003", "web/env.js:2002", "web/env.js:2003");
    }

    @Test
    void tokensAreFoundInAnyTextFileButNotInBinaryFiles() throws IOException {
        TokenSamples s = new TokenSamples(5);
        String token = s.lines().get("github-pat");
        write("docs/setup.md", "Use this token:\n\n    " + token + "\n");
        Path bin = dir.resolve("blob.bin");
        byte[] bytes = ("\0\0\0" + token).getBytes(StandardCharsets.UTF_8);
        Files.write(bin, bytes);
        byte[] latin = ("caf\u00e9 \u00ff\u00fe " + token + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("notes.txt"), latin);
        List<Finding> f = audit();
        assertThat(where(f, "secrets/known-token")).containsExactly("docs/setup.md:3", "notes.txt:1");
        assertThat(f).allSatisfy(x -> assertThat(x.message()).doesNotContain(token.substring(4)));
    }

    @Test
    void userPatternFileExtendsTheTableAndABadOneIsReported() throws IOException {
        write("security/tokens.yml", """
                patterns:
                  - id: acme-api-key
                    description: ACME API key
                    regex: '(?<![A-Za-z0-9])(acme_[A-Za-z0-9]{24})(?![A-Za-z0-9])'
                    keywords: [acme_]
                    anchor: start
                    entropy: 3.0
                """);
        write("app.cfg", "ACME=acme_" + new TokenSamples(9).r(TokenSamples.ALNUM, 24) + "\n");
        assertThat(where(audit(Map.of(TokenCatalog.OPTION, "security/tokens.yml")), "secrets/known-token"))
                .containsExactly("app.cfg:1");
        assertThat(where(audit(), "secrets/known-token")).isEmpty();
        write("security/broken.yml", "patterns:\n  - id: broken\n    regex: '(('\n    keywords: [x]\n");
        List<Finding> f = audit(Map.of(TokenCatalog.OPTION, "security/broken.yml"));
        assertThat(f).filteredOn(x -> x.ruleId().equals("secrets/known-token")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("broken").contains("invalid regex"));
    }

    @Test
    void forbiddenValueListsInValidatorsAreNotSettings() throws IOException {
        write("core/config/validator.py", """
                FORBIDDEN = {"secret", "changeme", "password", "admin"}
                WEAK_PASSWORDS = ["admin", "postgres", "root"]
                DEFAULT_SECRET_KEYS = ("dev-secret", "change-me")

                def check(settings):
                    if settings.SECRET_KEY in FORBIDDEN or settings.DB_PASSWORD == "postgres":
                        raise ValueError("weak secret")
                """);
        write("config/rules.yml", "forbidden_passwords: [admin, password, postgres]\n");
        assertThat(audit()).isEmpty();
    }

    @Test
    void translationsAreLabelsNotSettings() throws IOException {
        write("config/locales/ru.yml", "ru:\n  login:\n    password: Пароль\n    token: Токен\n");
        write("src/main/resources/messages_de.properties", "login.password=Passwort\n");
        write("src/main/resources/messages.properties", "login.password=Password\n");
        write("config/settings.yml", "admin:\n  password: Пароль\n");
        assertThat(where(audit(), "secrets/weak-value")).containsExactly("config/settings.yml:2");
    }

    @Test
    void malformedFilesNeverBreakTheRules() throws IOException {
        write("docker-compose.yml", "services:\n  db:\n    environment: [\n  - POSTGRES_PASSWORD=postgres\n");
        write(".env", "\"unterminated\nPASSWORD=\"open\n=novalue\n");
        write("x.toml", "password = \"unterminated\n");
        write("huge.sh", "A=" + "x".repeat(200_000) + "\n");
        List<Finding> f = audit();
        assertThat(f).noneMatch(x -> x.ruleId().equals("config/check-failed"));
    }

    private static final String SECRET_FILES_COMPOSE = """
            services:
              api:
                image: ghcr.io/acme/api:1.2.0
                ports: ["8080:8080"]
                depends_on: [db]
              db:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD_FILE: /run/secrets/pg
                secrets: [pg, api_key, tls_key, users, session]
            secrets:
              pg:
                file: ./secrets/pg.txt
              api_key:
                file: ./secrets/api_key.txt
              tls_key:
                file: ./secrets/tls.pem
              users:
                file: ./secrets/users.json
              session:
                environment: SESSION_SECRET
            """;

    @Test
    void committedComposeSecretFilesAreJudgedAsTheSecretsTheyHold() throws IOException {
        write("compose.yaml", SECRET_FILES_COMPOSE);
        write("secrets/pg.txt", "password1\n"); // named for the _FILE variable pointing at it: POSTGRES_PASSWORD
        write("secrets/api_key.txt", "Qm7vXc2RtL9pWz4KdN8sHy3JbF6gAe1T\n");
        write("secrets/tls.pem", "-----BEGIN CERTIFICATE-----MIIBszCCAVmgAwIBAgIU\n");
        write("secrets/users.json", "{\n  \"admin\": \"admin\"\n}\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).containsExactly("secrets/pg.txt:1");
        assertThat(where(f, "secrets/committed-env-file")).containsExactlyInAnyOrder("secrets/pg.txt:1",
                "secrets/api_key.txt:1");
        assertThat(f).filteredOn(x -> x.location().startsWith("secrets/")).extracting(Finding::message)
                .allSatisfy(m -> assertThat(m).contains("(declared at compose.yaml:")
                        .doesNotContain("password1").doesNotContain("Qm7vXc2RtL9pWz4KdN8sHy3JbF6gAe1T"));
        assertThat(f).filteredOn(x -> x.ruleId().equals("secrets/weak-value")).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
        assertThat(f).filteredOn(x -> x.ruleId().equals("secrets/committed-env-file"))
                .allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void aSecretFileOnlyADevelopmentComposeFileDeclaresIsLow() throws IOException {
        write("compose.dev.yaml", SECRET_FILES_COMPOSE);
        write("secrets/pg.txt", "postgres\n");
        write("secrets/api_key.txt", "changeme\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).containsExactlyInAnyOrder("secrets/pg.txt:1",
                "secrets/api_key.txt:1");
        assertThat(where(f, "secrets/committed-env-file")).containsExactlyInAnyOrder("secrets/pg.txt:1",
                "secrets/api_key.txt:1");
        assertThat(f).filteredOn(x -> x.location().startsWith("secrets/"))
                .allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.LOW));
    }
}
