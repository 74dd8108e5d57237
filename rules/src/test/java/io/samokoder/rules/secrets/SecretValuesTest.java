package io.samokoder.rules.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"${POSTGRES_PASSWORD}", "${POSTGRES_PASSWORD:?set it}", "${POSTGRES_PASSWORD?}",
            "${{ secrets.DB_PASSWORD }}", "{{ db_password }}", "<change-me>", "your-secret-key-here",
            "your_api_key_here", "", "   ", "$DB_PASSWORD", "/run/secrets/db_password", "vault:secret/data/db#password",
            "xxxxxxxx", "********", "...", "true", "ENC[AES256_GCM,data:abc]", "$(cat /run/secrets/pw)"})
    void notLiteralSecrets(String value) {
        assertThat(SecretValues.isLiteral(value)).as(value).isFalse();
        assertThat(SecretValues.candidates("DB_PASSWORD", value)).as(value).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "admin", "Sm0k-pr0d-2025", "changeme", "hunter2"})
    void literals(String value) {
        assertThat(SecretValues.isLiteral(value)).isTrue();
        assertThat(SecretValues.candidates("DB_PASSWORD", value)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(SecretValues.Kind.LITERAL));
    }

    @Test
    void interpolationDefaultsAreJudgedUnderTheirVariable() {
        List<SecretValues.Candidate> c = SecretValues.candidates("GF_SECURITY_ADMIN_PASSWORD",
                "${GRAFANA_ADMIN_PASSWORD:-admin}");
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.name()).isEqualTo("GRAFANA_ADMIN_PASSWORD");
            assertThat(x.value()).isEqualTo("admin");
            assertThat(x.kind()).isEqualTo(SecretValues.Kind.DEFAULT);
        });
        assertThat(SecretValues.candidates("X", "${DB_PASSWORD-secret}")).extracting(SecretValues.Candidate::value)
                .containsExactly("secret");
        assertThat(SecretValues.candidates("jwt.secret", "${JWT_SECRET:mysecret}"))
                .extracting(SecretValues.Candidate::value).containsExactly("mysecret");
        assertThat(SecretValues.candidates("LOG_LEVEL", "${LOG_LEVEL:-info}")).isEmpty();
    }

    @Test
    void aConnectionStringThatIsNoURLHoldsNoCredential() {
        assertThat(SecretValues.candidates("SENTRY_DSN", "${JVB_SENTRY_DSN:-0}")).isEmpty();
        assertThat(SecretValues.candidates("SENTRY_DSN", "0")).isEmpty();
        assertThat(SecretValues.candidates("SENTRY_DSN", "false")).isEmpty();
        assertThat(SecretValues.candidates("DATABASE_DSN", "pgsql:host=db;password=secret1")).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(SecretValues.Kind.LITERAL));
        assertThat(SecretValues.candidates("DATABASE_DSN", "postgres://app:hunter2@db/app")).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualTo("hunter2"));
        assertThat(SecretValues.candidates("DB_PASSWORD", "${DB_PASS:-0}")).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualTo("0"));
    }

    @Test
    void urlPasswordsCarryTheirUser() {
        assertThat(SecretValues.candidates("DATABASE_URL", "postgresql://app:app@db:5432/app")).singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(SecretValues.Kind.URL_PASSWORD);
                    assertThat(c.user()).isEqualTo("app");
                    assertThat(c.value()).isEqualTo("app");
                });
        assertThat(SecretValues.candidates("DATABASE_URL",
                "postgresql+asyncpg://samokoder:${POSTGRES_PASSWORD:-postgres}@db:5432/samokoder")).singleElement()
                .satisfies(c -> {
                    assertThat(c.user()).isEqualTo("samokoder");
                    assertThat(c.value()).isEqualTo("postgres");
                });
        assertThat(SecretValues.candidates("DSN", "postgresql://${U}:${P}@db/x")).isEmpty();
        assertThat(SecretValues.candidates("SENTRY_DSN", "https://abc123def@o1.ingest.sentry.io/42")).isEmpty();
        assertThat(SecretValues.hasLiteralUrlPassword("amqp://guest:guest@rabbit:5672/")).isTrue();
        assertThat(SecretValues.hasLiteralUrlPassword("amqp://guest:${RABBIT_PASSWORD}@rabbit:5672/")).isFalse();
    }

    @Test
    void springPlaceholdersHaveNoDashDefault() {
        // in a Spring file ${a.read-only-password} names one property; its default operator is ':' only
        assertThat(SecretValues.candidates("spring.liquibase.parameters.ro-password",
                "${tenant.read-only-password}", false, SecretValues.Dialect.SPRING)).isEmpty();
        assertThat(SecretValues.candidates("password", "${tenant.read-only-password}")).isEmpty();
        assertThat(SecretValues.candidates("password", "${db-password}", false, SecretValues.Dialect.SPRING))
                .isEmpty();
        assertThat(SecretValues.candidates("password", "${DB_PASSWORD:postgres}", false,
                SecretValues.Dialect.SPRING)).extracting(SecretValues.Candidate::value).containsExactly("postgres");
        // the shell's dash operator after a variable name stays a default elsewhere
        assertThat(SecretValues.candidates("password", "${DB_PASSWORD-postgres}"))
                .extracting(SecretValues.Candidate::value).containsExactly("postgres");
    }

    @Test
    void shellDefaultsLoseTheirQuotes() {
        // the shell removes the quotes of ${X:-"word"}: "" is no default at all, "zabbix" is zabbix
        assertThat(SecretValues.candidates("DB_SERVER_ROOT_PASS", "${MYSQL_ROOT_PASSWORD:-\"\"}", false,
                SecretValues.Dialect.SHELL)).isEmpty();
        assertThat(SecretValues.candidates("DB_SERVER_ROOT_PASS", "${MYSQL_ROOT_PASSWORD:-''}", false,
                SecretValues.Dialect.SHELL)).isEmpty();
        assertThat(SecretValues.candidates("DB_SERVER_PASS", "${MYSQL_PASSWORD:-\"zabbix\"}", false,
                SecretValues.Dialect.SHELL)).singleElement().satisfies(c -> {
                    assertThat(c.value()).isEqualTo("zabbix");
                    assertThat(c.offset()).isEqualTo("${MYSQL_PASSWORD:-\"".length());
                });
        assertThat(SecretValues.candidates("P", "${DB_PASSWORD:-'a b'}", false, SecretValues.Dialect.SHELL))
                .extracting(SecretValues.Candidate::value).containsExactly("a b");
        assertThat(SecretValues.candidates("P", "${DB_PASSWORD:-ad\"mi\"n}", false, SecretValues.Dialect.SHELL))
                .extracting(SecretValues.Candidate::value).containsExactly("admin");
        // compose keeps the quotes of an interpolation default: there they are characters of the value
        assertThat(SecretValues.candidates("P", "${DB_PASSWORD:-\"\"}"))
                .extracting(SecretValues.Candidate::value).containsExactly("\"\"");
        assertThat(SecretValues.shellWord("'it''s'")).isEqualTo("its");
        assertThat(SecretValues.shellWord("\"a\\\"b\"")).isEqualTo("a\"b");
        assertThat(SecretValues.shellWord("\"open")).isNull();
    }

    @Test
    void envLookupsAreReferences() {
        assertThat(SecretValues.candidates("password", "${env:POSTGRES_MONITORING_PASSWORD}")).isEmpty();
        assertThat(SecretValues.candidates("password", "${env:DB_PASSWORD:-postgres}")).singleElement()
                .satisfies(c -> {
                    assertThat(c.name()).isEqualTo("DB_PASSWORD");
                    assertThat(c.value()).isEqualTo("postgres");
                    assertThat(c.kind()).isEqualTo(SecretValues.Kind.DEFAULT);
                });
    }

    @Test
    void theUserHalfOfACombinedSettingIsNotThePassword() {
        assertThat(SecretValues.candidates("NEO4J_AUTH", "${NEO4J_USERNAME-neo4j}/${NEO4J_PASSWORD-password}"))
                .singleElement().satisfies(c -> {
                    assertThat(c.name()).isEqualTo("NEO4J_PASSWORD");
                    assertThat(c.value()).isEqualTo("password");
                });
        // a secret setting built only from other variables is still judged through its own name
        assertThat(SecretValues.candidates("NEO4J_AUTH", "${NEO4J_CREDENTIALS_DEFAULT:-neo4j/secret}"))
                .extracting(SecretValues.Candidate::value).containsExactly("neo4j/secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${2}", "\"${2}\"", "${1:-x}", "${4}", "${@}", "${!name}"})
    void positionalParametersAreReferences(String value) {
        assertThat(SecretValues.hasReference(value)).as(value).isTrue();
        assertThat(SecretValues.isLiteral(value)).as(value).isFalse();
        assertThat(SecretValues.candidates("PASSWD", value)).as(value).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp/docker-mailserver/postfix-sasl-password.cf", "/etc/app/db_password",
            "/var/lib/secrets/token", "~/config/keys/api.key", "/srv/app/credentials.json"})
    void absolutePathsNameTheFileNotTheSecret(String value) {
        assertThat(SecretValues.isFilePath(value)).as(value).isTrue();
        assertThat(SecretValues.isLiteral(value)).as(value).isFalse();
        assertThat(SecretValues.candidates("DATABASE_PASSWD", value)).as(value).isEmpty();
        assertThat(SecretValues.candidates("DATABASE_PASSWD", "${SASL_PASSWD:-" + value + "}")).as(value).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Qm9vY2FsZXhhbXBsZQ", "/aB3+xY/zz9Kq", "/secret", "s3cr3t/with/slashes", "/pass.word"})
    void slashedSecretsAreNoPaths(String value) {
        assertThat(SecretValues.isFilePath(value)).as(value).isFalse();
        assertThat(SecretValues.candidates("DB_PASSWORD", value)).as(value).isNotEmpty();
    }

    @Test
    void singleQuotedDollarsAreCharacters() {
        assertThat(SecretValues.isLiteral("r(m$x!!d#P9")).isFalse();
        assertThat(SecretValues.isVerbatimLiteral("r(m$x!!d#P9")).isTrue();
        assertThat(SecretValues.isVerbatimLiteral("<your-key>")).isFalse();
    }
}
