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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Context decides severity: which file, which environment, CI service containers, tests, examples, env files. */
class SecretsContextTest {

    @TempDir
    Path dir;

    private static final String STRONG = "Vq7Lm2Xp9Rt4Kw8Zn3Bc6Hy1Jd5Fs0Gh";

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

    private static Optional<Finding> at(List<Finding> findings, String ruleId, String location) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId) && f.location().equals(location)).findFirst();
    }

    @Test
    void envFilesComposeReadsAreJudgedWhateverTheirName() throws IOException {
        write("compose.yaml", """
                services:
                  grafana:
                    image: grafana/grafana:11.0.0
                    env_file: monitoring/grafana.config
                  api:
                    image: example/api:1
                    env_file:
                      - ./secrets.env
                      - path: config/api.vars
                        required: false
                      - path: config/absent.vars
                        required: false
                """);
        write("monitoring/grafana.config", "GF_SECURITY_ADMIN_USER=admin\nGF_SECURITY_ADMIN_PASSWORD=admin\n");
        write("secrets.env", "SECRET_KEY=" + STRONG + STRONG + "\nDB_PASSWORD=staging_secure_db_password\n");
        write("config/api.vars", "LOG_LEVEL=info\nSMTP_PASSWORD=" + STRONG + "\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).contains("monitoring/grafana.config:2", "secrets.env:2");
        assertThat(where(f, "secrets/committed-env-file")).containsExactlyInAnyOrder("monitoring/grafana.config:2",
                "secrets.env:1", "config/api.vars:2");
        // every exposed key is named for whoever rotates them, masked
        assertThat(at(f, "secrets/committed-env-file", "secrets.env:1")).get().extracting(Finding::message)
                .asString().contains("2 secret values", "SECRET_KEY = Vq***(64)", "DB_PASSWORD = st***(26)")
                .doesNotContain(STRONG);
        // Grafana takes its password from the env file: no built-in default password finding
        assertThat(f).noneMatch(x -> x.message().contains("built-in default password"));
    }

    @Test
    void overlaysForSharedEnvironmentsGetAFindingForAnyLiteralCredential() throws IOException {
        String service = """
                services:
                  api:
                    image: example/api:1
                    environment:
                      SECRET_KEY: "%s"
                      DB_PASSWORD: production_password
                      REDIS_PASSWORD: ${REDIS_PASSWORD:?set it}
                      SMTP_PASSWORD: ${SMTP_PASSWORD}
                      POSTGRES_PASSWORD_FILE: /run/secrets/db
                """.formatted(STRONG);
        write("docker-compose.yml", "services:\n  api:\n    image: example/api:1\n    environment:\n"
                + "      JWT_SECRET: " + STRONG + "\n");
        write("docker-compose.staging.yml", service);
        write("compose.prod.yaml", service);
        write(".ci/compose.ci.yaml", service);
        write("docker-compose.override.yml", service);
        write("compose.dev.yaml", service);
        List<Finding> f = audit();
        // docker-compose.yml is the development stack beside the standalone compose.prod.yaml: nothing for a strong
        // value there; the CI's own stack is a shared environment too (its literals are in every clone): medium
        assertThat(where(f, "secrets/hardcoded-credential")).containsExactlyInAnyOrder(
                "docker-compose.staging.yml:5", "compose.prod.yaml:5", ".ci/compose.ci.yaml:5");
        assertThat(f).filteredOn(x -> x.ruleId().equals("secrets/hardcoded-credential"))
                .allMatch(x -> x.severity() == Severity.MEDIUM)
                .allMatch(x -> x.message().contains("shared environment") && !x.message().contains(STRONG));
        // weak ones are weak values, high in shared environments (the CI's stack included), low in local ones
        assertThat(where(f, "secrets/weak-value")).containsExactlyInAnyOrder("docker-compose.staging.yml:6",
                "compose.prod.yaml:6", ".ci/compose.ci.yaml:6", "docker-compose.override.yml:6", "compose.dev.yaml:6");
        assertThat(f).filteredOn(x -> x.ruleId().equals("secrets/weak-value"))
                .allMatch(x -> x.severity() == (x.path().contains("dev") || x.path().contains("override")
                        ? Severity.LOW : Severity.HIGH));
    }

    @Test
    void environmentsAreReadFromFileAndFolderNames() {
        assertThat(SecretsPolicy.isTestFolder("web/src/__fixtures__/settings.yaml")).isTrue();
        assertThat(SecretsPolicy.isTestFolder("lib/scrape/testdata/prometheus.yml")).isTrue();
        assertThat(SecretsPolicy.isTestFolder("web/src/fixtures-not/settings.yaml")).isFalse();
        assertThat(SecretsPolicy.environment("docker-compose.staging.yml")).isEqualTo(SecretsPolicy.Place.SHARED);
        assertThat(SecretsPolicy.environment("compose.prod.yaml")).isEqualTo(SecretsPolicy.Place.SHARED);
        assertThat(SecretsPolicy.environment("deploy/production/compose.yaml")).isEqualTo(SecretsPolicy.Place.SHARED);
        assertThat(SecretsPolicy.environment(".ci/compose.yaml")).isEqualTo(SecretsPolicy.Place.SHARED);
        assertThat(SecretsPolicy.environment("docker-compose.ci.override.yml")).isEqualTo(SecretsPolicy.Place.LOCAL);
        assertThat(SecretsPolicy.environment("compose.local.yaml")).isEqualTo(SecretsPolicy.Place.LOCAL);
        assertThat(SecretsPolicy.environment("docker-compose.yml")).isEqualTo(SecretsPolicy.Place.DEPLOYED);
        assertThat(SecretsPolicy.environment("compose.observability.yaml")).isEqualTo(SecretsPolicy.Place.DEPLOYED);
    }

    @Test
    void ciServiceContainersPermissionsAndDocumentedExamples() throws IOException {
        write(".github/workflows/ci.yml", """
                on: push
                permissions:
                  id-token: write
                  contents: read
                jobs:
                  test:
                    permissions:
                      id-token: write
                    runs-on: ubuntu-latest
                    services:
                      db:
                        image: postgres:16
                        env:
                          POSTGRES_PASSWORD: postgres
                    env:
                      DATABASE_URL: postgresql://postgres:postgres@localhost:5432/app
                      BROKER_URL: amqp://guest:guest@db:5672
                      AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                      SECRET_KEY: %s
                    steps:
                      - uses: docker/login-action@v3
                        with:
                          password: DOCKER_PASSWORD
                  deploy:
                    uses: ./.github/workflows/deploy.yml
                    secrets: inherit
                """.formatted(STRONG));
        List<Finding> f = audit();
        assertThat(f).noneMatch(x -> x.message().startsWith("id-token") || x.message().startsWith("secrets "));
        assertThat(at(f, "secrets/hardcoded-in-ci", ".github/workflows/ci.yml:14")).get()
                .extracting(Finding::severity).isEqualTo(Severity.LOW);
        assertThat(at(f, "secrets/weak-value", ".github/workflows/ci.yml:14")).get()
                .extracting(Finding::severity).isEqualTo(Severity.LOW);
        assertThat(at(f, "secrets/hardcoded-in-ci", ".github/workflows/ci.yml:16")).get()
                .extracting(Finding::severity).isEqualTo(Severity.LOW);
        assertThat(at(f, "secrets/hardcoded-in-ci", ".github/workflows/ci.yml:17")).get()
                .extracting(Finding::severity).isEqualTo(Severity.LOW);
        assertThat(at(f, "secrets/hardcoded-in-ci", ".github/workflows/ci.yml:18")).get()
                .extracting(Finding::severity).isEqualTo(Severity.INFO);
        assertThat(at(f, "secrets/hardcoded-in-ci", ".github/workflows/ci.yml:19")).get()
                .extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
        assertThat(where(f, "secrets/hardcoded-in-ci")).doesNotContain(".github/workflows/ci.yml:23");
    }

    @Test
    void testFixturesAndObviousTestTokens() throws IOException {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9."
                + "Qx8vR2mN7pL4kT9wZ3cB6hY1jD5fS0gVq7Lm2Xp9Rt4";
        write("src/test/java/app/JwtServiceTest.java", "class JwtServiceTest { String token = \"" + jwt + "\"; }\n");
        write("tests/test_slack.py", "TOKEN = 'xoxb-test-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx'\n");
        write("app/jwt.py", "TOKEN = '" + jwt + "'\n");
        write("web/app/login.spec.ts", "const password = 'password';\n");
        List<Finding> f = audit();
        assertThat(at(f, "secrets/known-token", "src/test/java/app/JwtServiceTest.java:1")).get()
                .extracting(Finding::severity).isEqualTo(Severity.LOW);
        assertThat(where(f, "secrets/known-token")).doesNotContain("tests/test_slack.py:1");
        assertThat(at(f, "secrets/known-token", "app/jwt.py:1")).get()
                .extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
        assertThat(at(f, "secrets/weak-value", "web/app/login.spec.ts:1")).get()
                .extracting(Finding::severity).isEqualTo(Severity.LOW);
    }

    @Test
    void monitoringConfigsAreJudgedLikeAnySecretSetting() throws IOException {
        write("alertmanager/alertmanager.yml", """
                global:
                  smtp_smarthost: smtp.example.org:587
                  smtp_auth_username: alerts@example.org
                  smtp_auth_password: 'Kq9mWv2xTr4b'
                route:
                  receiver: ops
                receivers:
                  - name: ops
                    telegram_configs:
                      - bot_token: changeme
                        chat_id: -100123
                    email_configs:
                      - to: ops@example.org
                        auth_password_file: /etc/alertmanager/smtp
                """);
        write("prometheus/prometheus.yml", """
                scrape_configs:
                  - job_name: app
                    basic_auth:
                      username: prometheus
                      password: %s
                    static_configs:
                      - targets: [app:8080]
                """.formatted(STRONG));
        write("grafana/grafana.ini", "[security]\nadmin_user = admin\nadmin_password = " + STRONG + "\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/hardcoded-credential")).containsExactlyInAnyOrder(
                "alertmanager/alertmanager.yml:4", "prometheus/prometheus.yml:5", "grafana/grafana.ini:3");
        assertThat(where(f, "secrets/weak-value")).contains("alertmanager/alertmanager.yml:10");
        assertThat(where(f, "secrets/hardcoded-credential")).doesNotContain("alertmanager/alertmanager.yml:14");
    }

    @Test
    void shellCommandsInComposeDefaultsAreFixedText() throws IOException {
        write("docker-compose.yml", """
                services:
                  api:
                    image: example/api:1
                    environment:
                      SECRET_KEY: ${SECRET_KEY:-$(openssl rand -base64 32)}
                      JWT_SECRET: $(openssl rand -hex 32)
                      SERVER_DBPASS: devpass123
                    command: sh -c 'export X=$(date) && run'
                """);
        write("scripts/run.sh", "SECRET_KEY=$(openssl rand -hex 32)\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).containsExactlyInAnyOrder("docker-compose.yml:5",
                "docker-compose.yml:6", "docker-compose.yml:7");
        assertThat(at(f, "secrets/weak-value", "docker-compose.yml:5")).get().extracting(Finding::message)
                .asString().contains("shell command", "compose does not run", "same fixed text")
                .doesNotContain("openssl");
    }

    @Test
    void aComposeFileThatDoesNotParseIsStillReadLineByLine() throws IOException {
        write("docker-compose.prod.yml", """
                services:
                  api:
                    image: example/api:1
                    environment:
                      - DB_PASSWORD=postgres
                      - "SECRET_KEY=%s"
                     ports: [broken
                """.formatted(STRONG));
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).contains("docker-compose.prod.yml:5");
        assertThat(where(f, "secrets/hardcoded-credential")).contains("docker-compose.prod.yml:6");
    }

    @Test
    void workflowLevelEnvIsATestValueOnlyWhenNoJobThatSeesItDeploys() throws IOException {
        String env = """
                on: push
                env:
                  SECRET_KEY: %s
                jobs:
                """.formatted(STRONG);
        write(".github/workflows/checks.yml", env + """
                  lint:
                    runs-on: ubuntu-latest
                    steps:
                      - run: npm run lint
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: pytest -q
                  deploy:
                    uses: ./.github/workflows/deploy.yml
                    secrets: inherit
                """);
        write(".github/workflows/publish.yml", env + """
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: pytest -q
                  publish:
                    runs-on: ubuntu-latest
                    steps:
                      - run: npm publish
                """);
        write(".github/workflows/build.yml", env + """
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make
                """);
        List<Finding> f = audit();
        // a called workflow gets no workflow-level env from its caller: the jobs that see it only lint and test
        assertThat(at(f, "secrets/hardcoded-in-ci", ".github/workflows/checks.yml:3")).get()
                .extracting(Finding::severity).isEqualTo(Severity.LOW);
        assertThat(at(f, "secrets/hardcoded-in-ci", ".github/workflows/publish.yml:3")).get()
                .extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
        // nothing shows a test run: the value may configure anything the build produces
        assertThat(at(f, "secrets/hardcoded-in-ci", ".github/workflows/build.yml:3")).get()
                .extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void pytestEnvValuesAreForTheTestRunOnly() throws IOException {
        write("setup.cfg", """
                [tool:pytest]
                env =
                    API_TOKEN=test-token
                [app]
                api_token = test-token
                """);
        List<Finding> f = audit();
        Finding test = at(f, "secrets/weak-value", "setup.cfg:3").orElseThrow();
        assertThat(test.severity()).isEqualTo(Severity.LOW);
        assertThat(test.message()).contains("pytest-env");
        assertThat(at(f, "secrets/weak-value", "setup.cfg:5")).get()
                .extracting(Finding::severity).isNotEqualTo(Severity.LOW);
    }

    @Test
    void allowedValuesAreNeverReported() throws IOException {
        write(".github/workflows/ci.yml", """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    env:
                      API_TOKEN: dummy-token-for-fixtures-1
                      OTHER_TOKEN: Zq8vN2kLp4Rt7wXy9
                """);
        write("tests/fixtures/.env", "API_TOKEN=dummy-token-for-fixtures-1\n");
        List<Finding> f = audit(Map.of("secrets.allowValues", "^dummy-token-\n^never$"));
        assertThat(where(f, "secrets/hardcoded-in-ci")).containsExactly(".github/workflows/ci.yml:7");
        assertThat(where(f, "secrets/weak-value")).isEmpty();
        assertThat(where(f, "secrets/committed-env-file")).isEmpty();
    }

    @Test
    void keyNamesInCodeAreNotSecrets() throws IOException {
        write("web/src/auth.ts", """
                export const TOKEN_KEY = 'token';
                export const ACCESS_TOKEN_KEY = "accessToken";
                const AUTH_TOKEN = 'auth_token';
                const API_KEY_ENV = 'OPENAI_API_KEY';
                export const JWT_SECRET = 'secret';
                """);
        write("app/settings.py", "SESSION_KEY = 'session_token'\nDB_PASSWORD = 'super_secret_password'\n");
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).containsExactlyInAnyOrder("web/src/auth.ts:5",
                "app/settings.py:2");
    }

    @Test
    void templatesAndCommittedPlaceholders() throws IOException {
        write(".env.example", "SECRET_KEY=changeme\nJWT_SECRET=" + STRONG + "\n");
        write("deploy/.env.sample", "GITHUB_TOKEN=ghp_R8sT2vW9xY4zA7bC1dE6fG3hJ5kL0mN8pQ2r\n");
        write(".env", "SECRET_KEY=changethis\nPOSTGRES_PASSWORD=changethis\n");
        List<Finding> f = audit();
        assertThat(at(f, "secrets/committed-env-file", ".env.example:2")).get().extracting(Finding::severity)
                .isEqualTo(Severity.LOW);
        assertThat(at(f, "secrets/committed-env-file", "deploy/.env.sample:1")).get().extracting(Finding::severity)
                .isEqualTo(Severity.CRITICAL);
        assertThat(at(f, "secrets/committed-env-file", ".env:1")).get().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.LOW);
            assertThat(x.message()).contains("change-me placeholders for 2 secrets");
        });
        assertThat(f).filteredOn(x -> x.ruleId().equals("secrets/weak-value") && x.path().equals(".env"))
                .hasSize(2).allMatch(x -> x.severity() == Severity.LOW && x.message().contains("change-me"));
    }

    @Test
    void anExampleAnInstallScriptCopiesIntoPlaceIsDeployed() throws IOException {
        write("install.sh", """
                export CONFIG_YML=conf/config.yml
                ensure() {
                  target="$1"
                  example="$(echo "$target" | sed 's/\\.[^.]*$/.example&/')"
                  [ -f "$target" ] || cp -n "$example" "$target"
                }
                ensure "$CONFIG_YML"
                KEY=$(head -c 48 /dev/urandom | base64)
                sed -i -e 's/^app.secret-key:.*$/app.secret-key: '"$KEY"'/' $CONFIG_YML
                """);
        write("conf/config.example.yml", """
                app.secret-key: 'changeme-later'
                storage:
                  access_key: "store"
                """);
        write("other/config.example.yml", """
                storage:
                  access_key: "store"
                """);
        List<Finding> f = audit();
        assertThat(at(f, "secrets/weak-value", "conf/config.example.yml:3"))
                .hasValueSatisfying(x -> assertThat(x.severity()).isIn(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL));
        // the install step writes a random key over the placeholder in the copy
        assertThat(at(f, "secrets/weak-value", "conf/config.example.yml:1")).hasValueSatisfying(x -> {
            assertThat(x.severity()).isEqualTo(Severity.LOW);
            assertThat(x.message()).contains("install.sh:9");
        });
        // no script copies this example: the operator fills it in
        assertThat(at(f, "secrets/weak-value", "other/config.example.yml:2"))
                .hasValueSatisfying(x -> assertThat(x.severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void urlPasswordsInDocstringsCommentsAndLocalConnectionsOfCodeAreLow() throws IOException {
        write("orm/__init__.py", """
                def register(app, db_url: str) -> None:
                    \"\"\"
                    Registers the ORM. ``db_url`` is a URL, e.g.
                    ``postgres://postgres:Qx7mPz2wRk@localhost:5432/test`` or
                    ``mysql://root:Lm4Nb8Vc2Xz@db.example.com:3306/app``.
                    \"\"\"
                    connect(db_url)  # see also postgres://ops:Tr5Yu8Io1Pa@db.example.com/app
                """);
        write("orm/local.py", "DEFAULT_URL = 'postgres://dev:Hj6Kl9Mn3Bv@127.0.0.1:5432/dev'\n");
        write("orm/prod.py", "DATABASE_URL = 'postgres://app:Zx8Cv5Bn2Ml@db.internal.example.com:5432/app'\n");
        write("deploy/backup.sh", "pg_dump postgres://app:Wq3Er6Ty9Ui@localhost:5432/app > dump.sql\n");
        write("config/app.yml", "database:\n  url: postgres://app:Pl0Ok9Ij8Uh@localhost:5432/app\n");
        List<Finding> f = audit();
        for (String low : List.of("orm/__init__.py:4", "orm/__init__.py:5", "orm/__init__.py:7", "orm/local.py:1")) {
            assertThat(at(f, "secrets/known-token", low)).as(low).get()
                    .extracting(Finding::severity).isEqualTo(Severity.LOW);
        }
        assertThat(at(f, "secrets/known-token", "orm/__init__.py:4")).get().extracting(Finding::message)
                .asString().contains("docstring");
        assertThat(at(f, "secrets/known-token", "orm/local.py:1")).get().extracting(Finding::message)
                .asString().contains("127.0.0.1");
        // a program's connection to a server, a script that runs on the host, a config file: as before
        for (String critical : List.of("orm/prod.py:1", "deploy/backup.sh:1", "config/app.yml:2")) {
            assertThat(at(f, "secrets/known-token", critical)).as(critical).get()
                    .extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
        }
        // the same passwords judged as weak values: low for the program's constant that connects to this machine
        assertThat(at(f, "secrets/weak-value", "orm/local.py:1")).get()
                .extracting(Finding::severity).isEqualTo(Severity.LOW);
        assertThat(at(f, "secrets/weak-value", "orm/prod.py:1")).get()
                .extracting(Finding::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void dependencyVersionsAndScriptCountersAreNoWeakSecrets() throws IOException {
        write("libs/auth/Cargo.toml", """
                [package]
                name = "auth"

                [dependencies]
                jsonwebtoken = "8.3.0"
                secrecy = "0.8"
                """);
        write("utils/keys.sh", """
                #!/usr/bin/env bash
                run() { if [ "$__pass" -eq 2 ]; then echo again; fi; }
                __pass=1
                run
                __pass=2
                run
                DB_PASS=1234
                """);
        List<Finding> f = audit();
        assertThat(where(f, "secrets/weak-value")).containsExactly("utils/keys.sh:7");
    }

    @Test
    void anEntrypointsFallbackIsTheImagesOwnWhenTheDeploymentPassesTheVariableAHostScriptsStaysJudged()
            throws IOException {
        write("compose.yaml", """
                services:
                  api:
                    build: ./docker/api
                    env_file: ./env/api.env
                """);
        write("env/api.env", "DB_PASSWORD=postgres\n");
        write("docker/api/Dockerfile", """
                FROM alpine:3.20
                COPY docker-entrypoint.sh /usr/local/bin/
                ENTRYPOINT ["docker-entrypoint.sh"]
                CMD ["api"]
                """);
        write("docker/api/docker-entrypoint.sh", """
                #!/bin/sh
                DB_PASS=${DB_PASSWORD:-"postgres"}
                REDIS_PASS=${REDIS_PASSWORD-redis}
                exec "$@"
                """);
        write("scripts/backup.sh", "#!/bin/sh\nexport PGPASSWORD=${DB_PASSWORD:-postgres}\npg_dump api\n");
        List<Finding> f = audit();
        // the value the deployment does pass is the weak one to fix
        assertThat(at(f, "secrets/weak-value", "env/api.env:1"))
                .hasValueSatisfying(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
        // the image's fallback for runs without DB_PASSWORD: the compose service passes it
        assertThat(at(f, "secrets/weak-value", "docker/api/docker-entrypoint.sh:2")).hasValueSatisfying(x -> {
            assertThat(x.severity()).isEqualTo(Severity.LOW);
            assertThat(x.message()).contains("a fallback for runs without DB_PASSWORD", "compose.yaml:4");
        });
        // nothing passes REDIS_PASSWORD: the fallback is the value every container runs with
        assertThat(at(f, "secrets/weak-value", "docker/api/docker-entrypoint.sh:3"))
                .hasValueSatisfying(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
        // the operator runs the backup on the host, where compose's env_file is not the environment
        assertThat(at(f, "secrets/weak-value", "scripts/backup.sh:2"))
                .hasValueSatisfying(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void anEntrypointThatReadsTheVariableFromTheFileTheDeploymentNamesFallsBackOnlyWithoutIt() throws IOException {
        write("compose.yaml", """
                services:
                  api:
                    build: ./docker/api
                    environment:
                      DB_PASSWORD_FILE: /run/secrets/db_password
                      CACHE_PASSWORD_FILE: /run/secrets/cache_password
                    secrets:
                      - db_password
                      - cache_password
                secrets:
                  db_password:
                    file: ./secrets/db_password.txt
                  cache_password:
                    file: ./secrets/cache_password.txt
                """);
        write("docker/api/Dockerfile", """
                FROM alpine:3.20
                COPY docker-entrypoint.sh /usr/local/bin/
                ENTRYPOINT ["docker-entrypoint.sh"]
                """);
        write("docker/api/docker-entrypoint.sh", """
                #!/bin/bash
                file_env() {
                    local var="$1"
                    local fileVar="${var}_FILE"
                    if [ "${!fileVar:-}" ]; then
                        export "$var"="$(< "${!fileVar}")"
                    fi
                }
                file_env DB_PASSWORD
                DB_PASS=${DB_PASSWORD:-"postgres"}
                CACHE_PASS=${CACHE_PASSWORD:-"redis"}
                exec "$@"
                """);
        List<Finding> f = audit();
        assertThat(at(f, "secrets/weak-value", "docker/api/docker-entrypoint.sh:10")).hasValueSatisfying(x -> {
            assertThat(x.severity()).isEqualTo(Severity.LOW);
            assertThat(x.message()).contains("a fallback for runs without DB_PASSWORD, which the script also reads"
                    + " from the file DB_PASSWORD_FILE names: compose.yaml:5 passes it to service api");
        });
        // the script never reads CACHE_PASSWORD_FILE: the fallback is what the container runs with
        assertThat(at(f, "secrets/weak-value", "docker/api/docker-entrypoint.sh:11"))
                .hasValueSatisfying(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
    }
}
