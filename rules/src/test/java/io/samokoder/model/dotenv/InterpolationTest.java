package io.samokoder.model.dotenv;

import io.samokoder.model.dotenv.Interpolation.Operator;
import io.samokoder.model.dotenv.Interpolation.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InterpolationTest {

    private static final Map<String, String> VARS = Map.of("SET", "value", "EMPTY", "", "TAG", "2.51.0");

    private static Result run(String raw) {
        return Interpolation.interpolate(raw, n -> Optional.ofNullable(VARS.get(n)));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "$SET|value",
            "${SET}|value",
            "${UNSET}|``",
            "$UNSET-x|-x",
            "${UNSET:-dflt}|dflt",
            "${EMPTY:-dflt}|dflt",
            "${EMPTY-dflt}|``",
            "${UNSET-dflt}|dflt",
            "${SET:-dflt}|value",
            "${SET:+repl}|repl",
            "${EMPTY:+repl}|``",
            "${EMPTY+repl}|repl",
            "${UNSET+repl}|``",
            "${EMPTY?err}|``",
            "$$SET|$SET",
            "$${SET}|${SET}",
            "a $ b|a $ b",
            "cost: 5$|cost: 5$",
            "${UNSET:-${SET}}|value",
            "${UNSET:-${ALSO_UNSET:-deep}}|deep",
            "${UNSET:-a}${SET}|avalue",
            "prom/prometheus:${TAG}|prom/prometheus:2.51.0",
            "${UNSET:-a:b/c}|a:b/c",
            "${UNSET:-}|``",
    })
    void resolvesAsTheComposeSpecDefines(String raw, String expected) {
        Result r = run(raw);
        assertThat(r.errors()).isEmpty();
        assertThat(r.value()).isEqualTo(expected);
        assertThat(r.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"${UNSET:?must be set}|must be set", "${EMPTY:?no empty}|no empty",
            "${UNSET?gone}|gone"})
    void requiredVariablesFailWithTheirMessage(String raw, String message) {
        Result r = run(raw);
        assertThat(r.errors()).singleElement().asString().contains("UNSET".equals(raw.substring(2, 7)) ? "UNSET" : "EMPTY")
                .contains(message);
        assertThat(r.value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"${", "${SET", "${}", "${1A}", "${SET:x}", "${SET!}", "a ${b c}"})
    void malformedReferencesAreErrors(String raw) {
        Result r = run(raw);
        assertThat(r.errors()).singleElement().asString().contains("invalid interpolation format");
    }

    @Test
    void recordsEveryEvaluatedReferenceWithItsDefault() {
        Result r = run("${UNSET:-${SET}}/$NOPE/${SET:-x}/${REQ:?need}");
        assertThat(r.references()).extracting(Interpolation.Reference::name)
                .containsExactly("UNSET", "SET", "NOPE", "SET", "REQ");
        assertThat(r.references().get(0).operator()).isEqualTo(Operator.DEFAULT_IF_EMPTY);
        assertThat(r.references().get(0).argument()).isEqualTo("${SET}");
        assertThat(r.references().get(1).depth()).isEqualTo(1);
        assertThat(r.references().get(2).isUnsetWithoutDefault()).isTrue();
        assertThat(r.references().get(2).offset()).isEqualTo(17);
        assertThat(r.references().get(4).operator().isRequired()).isTrue();
    }

    @Test
    void defaultOfASetVariableIsNotEvaluated() {
        Result r = run("${SET:-${NEVER}}");
        assertThat(r.references()).extracting(Interpolation.Reference::name).containsExactly("SET");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String raw = "${A:-".repeat(5000) + "x" + "}".repeat(5000);
        Result r = run(raw);
        assertThat(r.errors()).isNotEmpty();
    }
}
