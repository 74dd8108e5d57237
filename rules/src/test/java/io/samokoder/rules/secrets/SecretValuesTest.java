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
}
