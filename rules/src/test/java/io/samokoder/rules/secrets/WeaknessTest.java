package io.samokoder.rules.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** One line of secret-values.tsv. */
    record Sample(String kind, String value, boolean weak, String note) {
        String settingName() {
            return switch (kind) {
                case "password" -> "DB_PASSWORD";
                case "token" -> "API_TOKEN";
                case "signing-key" -> "SECRET_KEY";
                default -> throw new IllegalArgumentException(kind);
            };
        }
    }

    static List<Sample> samples() throws IOException {
        List<Sample> out = new ArrayList<>();
        try (InputStream in = WeaknessTest.class.getResourceAsStream("secret-values.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    out.add(new Sample(f[0], f[1], f[2].equals("weak"), f[3]));
                }
            }
        }
        return out;
    }

    @Test
    void sampleValuesAreJudgedAsExpected() throws IOException {
        List<Sample> samples = samples();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(100);
        assertThat(samples.stream().filter(s -> !s.weak())).hasSizeGreaterThanOrEqualTo(50);
        List<String> wrong = new ArrayList<>();
        for (Sample s : samples) {
            boolean weak = weakness.reason(s.settingName(), s.value(), List.of()).isPresent();
            if (weak != s.weak()) {
                wrong.add(s.kind() + " " + s.value() + " (" + s.note() + "): judged " + (weak ? "weak" : "strong"));
            }
        }
        assertThat(wrong).as("values judged differently from secret-values.tsv").isEmpty();
    }

    @Test
    void theEstimatorSaysWhyInWordsWithoutTheValue() {
        assertThat(weakness.reason("DB_PASSWORD", "staging_secure_db_password", List.of())).get().asString()
                .contains("guessable in about 10^").contains("four words of the project or its settings")
                .contains("a password needs 10^14")
                .doesNotContain("staging");
        assertThat(weakness.reason("DB_PASSWORD", "zaq12wsxcde3", List.of())).get().asString()
                .contains("a common password");
        assertThat(weakness.reason("DB_PASSWORD", "poiuytrewqlkjhgf", List.of())).get().asString()
                .contains("a keyboard pattern");
        assertThat(weakness.reason("DB_PASSWORD", "trustno1trustno1", List.of())).get().asString()
                .contains("two common passwords");
        assertThat(weakness.reason("SECRET_KEY", "my-super-secret-jwt-signing-key-2024", List.of())).get()
                .asString().contains("words of the project or its settings").contains("a year")
                .contains("a signing key needs 10^20");
    }

    @Test
    void theProjectsOwnWordsCostNothing() {
        Weakness withServices = new Weakness(Weakness.builtIn(), Set.of("samokoder"), () -> List.of("orders"));
        // a service name and two words: guessable by whoever reads the compose file
        assertThat(withServices.reason("DB_PASSWORD", "orders-tulip-42", List.of())).get().asString()
                .contains("a word of the project or its settings");
        assertThat(weakness.reason("DB_PASSWORD", "orders-tulip-42", List.of())).isEmpty();
    }

    @Test
    void theEstimatorIsBuiltOnlyForValuesTheCheapChecksLeaveOpen() {
        Weakness fresh = weakness("samokoder");
        fresh.reason("DB_PASSWORD", "admin123", List.of());
        fresh.reason("DB_PASSWORD", "Kx9#mQ2", List.of());
        fresh.reason("SECRET_KEY", "b29e45d9ef5c0f9c4d4170f9429faabf802394bb99f89b5bb6f0a36efca39035", List.of());
        fresh.reason("API_TOKEN", "ghp_" + "R8sT2vW9xY4zA7bC1dE6fG3hJ5kL0mN8pQ2r", List.of());
        assertThat(fresh.estimatorUsed()).isFalse();
        fresh.reason("DB_PASSWORD", "staging_secure_db_password", List.of());
        assertThat(fresh.estimatorUsed()).isTrue();
    }

    @Test
    void generatedLookingValuesSkipTheEstimator() {
        assertThat(Guessability.looksGenerated("b29e45d9ef5c0f9c4d4170f9429faabf")).isTrue();
        assertThat(Guessability.looksGenerated("3f1c8a52-94d7-4e1b-a7c2-0d5e9b6f8a31")).isTrue();
        assertThat(Guessability.looksGenerated("FmTKs5vX52ufKR1rd8tn4MoSP7zvCJwb")).isTrue();
        assertThat(Guessability.looksGenerated("P4ssw0rd!P4ssw0rd!")).isFalse();
        assertThat(Guessability.looksGenerated("superSecretPassword123")).isFalse();
        assertThat(Guessability.looksGenerated("staging_secure_db_password")).isFalse();
    }

    @Test
    void realLookingValues() {
        assertThat(weakness.looksReal("SECRET_KEY", "q8Zr2Lk9Vt4Xw7Mn1Bp6Hy3Jc5Df0GaE")).isTrue();
        assertThat(weakness.looksReal("SECRET_KEY", "your-secret-key-here")).isFalse();
        assertThat(weakness.looksReal("SECRET_KEY", "generate-with-openssl-rand")).isFalse();
    }
}
