package io.samokoder.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.samokoder.rules.secrets.TokenCatalog;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token table: scanning arbitrary text with every built-in pattern (keyword automaton, windows, entropy) and
 * loading a user's pattern file ({@code secrets.patterns}), where a malformed file may only raise
 * {@link IllegalArgumentException} with one line. Seeds: {@code TokenCatalogFuzzTestInputs/scan/}.
 */
class TokenCatalogFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void scan(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Bounded.run("TokenCatalog", () -> {
            int last = -1;
            for (TokenCatalog.Match m : TokenCatalog.builtIn().scan(text)) {
                assertThat(m.start()).isBetween(0, text.length());
                assertThat(m.end()).isBetween(m.start(), text.length());
                assertThat(m.secret()).isEqualTo(text.substring(m.start(), m.end()));
                assertThat(m.start()).isGreaterThanOrEqualTo(last);
                last = m.start();
            }
            try {
                TokenCatalog user = TokenCatalog.fromYaml(text);
                user.scan(text.length() > 1_000 ? text.substring(0, 1_000) : text);
            } catch (IllegalArgumentException e) {
                Bounded.assertOneLine(e.getMessage());
            }
        });
    }
}
