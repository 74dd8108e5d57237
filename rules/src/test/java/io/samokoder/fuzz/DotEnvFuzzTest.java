package io.samokoder.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.samokoder.model.dotenv.DotEnv;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dotenv parser (compose's quoting rules: single, double, unquoted, multi-line, {@code export}, comments) and its
 * variable resolution on arbitrary bytes. Seeds: {@code DotEnvFuzzTestInputs/parse/}.
 */
class DotEnvFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Bounded.run("DotEnv.parse", () -> {
            DotEnv env = DotEnv.parse(".env", text);
            int lines = (int) text.lines().count() + 1;
            for (DotEnv.Entry e : env.entries()) {
                assertThat(e.key()).isNotEmpty();
                assertThat(e.line()).isBetween(1, lines);
            }
            for (DotEnv.Problem p : env.problems()) {
                assertThat(p.line()).isPositive();
                Bounded.assertOneLine(p.message());
            }
            env.values();
            env.resolve(Map.of("HOME", "/root"));
        });
    }
}
