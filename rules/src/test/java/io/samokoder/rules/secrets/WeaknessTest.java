package io.samokoder.rules.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WeaknessTest {

    private final Weakness weakness = weakness("samokoder");

    private static Weakness weakness(String project) {
        Set<String> names = new HashSet<>();
        Weakness.addProjectName(names, project);
        return new Weakness(Weakness.builtIn(), names);
    }

    @Test
    void dictionaryHoldsAtLeastTwoHundredValues() {
        assertThat(Weakness.builtIn()).hasSizeGreaterThanOrEqualTo(200)
                .contains("admin", "password", "postgres", "root", "changeme", "secret", "test", "123456", "qwerty",
                        "letmein");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Admin", "postgres", "changeme", "admin123", "Password1!", "qwerty", "letmein",
            "123456", "P@ssw0rd"})
    void dictionaryValues(String value) {
        assertThat(weakness.reason("DB_PASSWORD", value, List.of())).get().asString()
                .contains("well-known default").doesNotContain(value.substring(2));
    }

    @Test
    void projectNameUserNameAndOwnName() {
        assertThat(weakness.reason("DB_PASSWORD", "samokoder", List.of())).get().asString().contains("project");
        assertThat(weakness("samokoder-seed").reason("DB_PASSWORD", "samokoder", List.of())).get().asString()
                .contains("project");
        assertThat(weakness.reason("DB_PASSWORD", "billing-service-7", List.of("billing-service-7"))).get().asString()
                .contains("user name");
        assertThat(weakness.reason("redis_password", "REDIS_PASSWORD", List.of())).get().asString()
                .contains("own name");
    }

    @Test
    void lengthLimitsDependOnTheKindOfSecret() {
        assertThat(weakness.reason("DB_PASSWORD", "Kx9#mQ2vL7z", List.of())).get().asString()
                .contains("shorter than 12");
        assertThat(weakness.reason("DB_PASSWORD", "Kx9#mQ2vL7zP", List.of())).isEmpty();
        assertThat(weakness.reason("SECRET_KEY", "Kx9#mQ2vL7zPa8Wn4Rt6Yb3", List.of())).get().asString()
                .contains("32 characters a signing key needs");
        assertThat(weakness.reason("SECRET_KEY", "Kx9#mQ2vL7zPa8Wn4Rt6Yb3Hc5Jd1Fg0Ee", List.of())).isEmpty();
    }

    @Test
    void lowEntropySequencesAndTestValues() {
        assertThat(weakness.reason("DB_PASSWORD", "aaaaaaaaaaaaaaaa", List.of())).get().asString()
                .contains("low entropy");
        assertThat(weakness.reason("DB_PASSWORD", "abababababababab", List.of())).get().asString()
                .contains("low entropy");
        assertThat(weakness.reason("DB_PASSWORD", "abcdefghijklmnop", List.of())).get().asString()
                .contains("sequence");
        assertThat(weakness.reason("SECRET_KEY", "test-secret-key-minimum-32-characters-long-for-testing-purposes",
                List.of())).get().asString().contains("test or example");
        assertThat(weakness.reason("SECRET_KEY", "django-insecure-8f#k2l0x!q9z7m3v1b5n6c4x2z8a0s9d7f6g5h",
                List.of())).get().asString().contains("test or example");
    }

    @Test
    void reasonsNeverHoldTheValue() {
        for (String v : List.of("Kx9#mQ2vL7z", "samokoder", "test-secret-key-minimum-32-characters-long", "admin123")) {
            assertThat(weakness.reason("SECRET_KEY", v, List.of())).get().asString().doesNotContain(v);
        }
    }

    @Test
    void realLookingValues() {
        assertThat(weakness.looksReal("SECRET_KEY", "q8Zr2Lk9Vt4Xw7Mn1Bp6Hy3Jc5Df0GaE")).isTrue();
        assertThat(weakness.looksReal("SECRET_KEY", "your-secret-key-here")).isFalse();
        assertThat(weakness.looksReal("SECRET_KEY", "generate-with-openssl-rand")).isFalse();
    }
}
