package io.samokoder.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.samokoder.model.dotenv.Interpolation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compose interpolation ({@code ${VAR:-default}}, {@code ${VAR:?err}}, nesting, {@code $$}) on arbitrary text and
 * variables: a result or errors, never an exception, bounded nesting. Seeds: {@code InterpolationFuzzTestInputs/interpolate/}.
 */
class InterpolationFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void interpolate(FuzzedDataProvider data) {
        Map<String, String> vars = new HashMap<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            vars.put(data.consumeString(12), data.consumeString(64));
        }
        String raw = data.consumeRemainingAsString();
        Bounded.run("Interpolation", () -> {
            Interpolation.Result r = Interpolation.interpolate(raw, name -> Optional.ofNullable(vars.get(name)));
            assertThat(r.raw()).isEqualTo(raw);
            assertThat(r.value()).isNotNull();
            r.errors().forEach(Bounded::assertOneLine);
            if (raw.indexOf('$') < 0) {
                assertThat(r.value()).isEqualTo(raw);
            }
        });
    }
}
