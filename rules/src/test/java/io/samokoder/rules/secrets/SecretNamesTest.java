package io.samokoder.rules.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretNamesTest {

    /** One line of setting-names.tsv: a real setting name, whether it holds a secret, and a known miss's reason. */
    record Named(String name, boolean secret, String source, String miss) {
    }

    static List<Named> realNames() throws IOException {
        List<Named> out = new ArrayList<>();
        try (InputStream in = SecretNamesTest.class.getResourceAsStream("setting-names.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Named(f[0], f[1].equals("secret"), f[2], f.length > 3 ? f[3] : null));
            }
        }
        return out;
    }

    @Test
    void realSettingNamesAreJudgedAsExpected() throws IOException {
        List<Named> names = realNames();
        assertThat(names).hasSizeGreaterThanOrEqualTo(200);
        List<String> wrong = new ArrayList<>();
        int misses = 0;
        for (Named n : names) {
            boolean judged = SecretNames.isSecret(n.name());
            // a known miss is judged the other way, on purpose: the reason says why
            boolean expected = n.miss() == null ? n.secret() : !n.secret();
            if (n.miss() != null) {
                misses++;
            }
            if (judged != expected) {
                wrong.add(n.name() + " (" + n.source() + "): expected " + (expected ? "secret" : "not secret"));
            }
        }
        assertThat(wrong).as("names judged differently from setting-names.tsv").isEmpty();
        assertThat(misses).as("known misses").isLessThanOrEqualTo(names.size() / 50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POSTGRES_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD", "spring.datasource.password", "DB_PASS",
            "passwd", "MYSQL_ROOT_PWD", "JWT_SECRET", "SECRET_KEY", "APP_SECRET_KEY", "apiKey", "OPENAI_API_KEY",
            "api_key", "BOT_TOKEN", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "GOOGLE_APPLICATION_CREDENTIALS",
            "SENTRY_DSN", "DATABASE_DSN", "REDIS_AUTH", "PRIVATE_KEY", "smtp_auth_password", "SECRET", "password",
            "SECRET_KEY_BASE", "client_secret", "ENCRYPTION_KEY", "APP_KEY", "PGPASSWORD", "admin_password"})
    void secretNames(String name) {
        assertThat(SecretNames.isSecret(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POSTGRES_PASSWORD_FILE", "GF_SECURITY_ADMIN_PASSWORD__FILE", "POSTGRES_USER",
            "ACCESS_TOKEN_EXPIRE_MINUTES", "JWT_ALGORITHM", "TOKEN_URL", "CACHE_KEY", "PRIMARY_KEY", "key",
            "TELEGRAM_CHAT_ID", "AWS_ACCESS_KEY_ID", "persist-credentials-enabled", "SECRET_NAME", "partition_key",
            "PASSWORD_MIN_LENGTH", "DATABASE_URL", "sort_key", "public_key", "KEYCLOAK_REALM"})
    void notSecretNames(String name) {
        assertThat(SecretNames.isSecret(name)).as(name).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SECRET_KEY", "JWT_SECRET", "APP_SECRET_KEY", "SESSION_SECRET", "COOKIE_SECRET",
            "NEXTAUTH_SECRET", "SECRET_KEY_BASE", "ENCRYPTION_KEY", "APP_KEY", "jwt_secret_key", "secretKey",
            "SIGNING_KEY", "FLASK_SECRET_KEY", "DJANGO_SECRET_KEY"})
    void signingKeys(String name) {
        assertThat(SecretNames.isSigningKey(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POSTGRES_PASSWORD", "OPENAI_API_KEY", "BOT_TOKEN", "CLIENT_SECRET", "API_SECRET"})
    void notSigningKeys(String name) {
        assertThat(SecretNames.isSigningKey(name)).as(name).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POSTGRES_USER", "admin_user", "DB_USERNAME", "RABBITMQ_DEFAULT_USER", "login"})
    void userNames(String name) {
        assertThat(SecretNames.isUser(name)).isTrue();
    }
}
