package io.samokoder.model.migrations;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContextExpressionTest {

    private static final Set<String> PROD = Set.of("prod");
    private static final Set<String> DEV = Set.of("dev", "faker");

    @Test
    void namesListsAndCase() {
        assertThat(ContextExpression.matches("faker", PROD)).isFalse();
        assertThat(ContextExpression.matches("faker", DEV)).isTrue();
        assertThat(ContextExpression.matches("FAKER", DEV)).isTrue();
        assertThat(ContextExpression.matches("test, faker", PROD)).isFalse();
        assertThat(ContextExpression.matches("test, prod", PROD)).isTrue();
        assertThat(ContextExpression.matches("test or prod", PROD)).isTrue();
    }

    @Test
    void negationAndGrouping() {
        assertThat(ContextExpression.matches("!test", PROD)).isTrue();
        assertThat(ContextExpression.matches("not prod", PROD)).isFalse();
        assertThat(ContextExpression.matches("prod and (eu or us)", PROD)).isFalse();
        assertThat(ContextExpression.matches("prod and (eu or us)", Set.of("prod", "eu"))).isTrue();
        assertThat(ContextExpression.matches("!(dev or test)", PROD)).isTrue();
    }

    @Test
    void unreadableOrEmptyExpressionsMatchSoNothingIsLeftOutOnAGuess() {
        assertThat(ContextExpression.matches(null, PROD)).isTrue();
        assertThat(ContextExpression.matches("  ", PROD)).isTrue();
        assertThat(ContextExpression.matches("(faker", PROD)).isTrue();
        assertThat(ContextExpression.matches("faker)", PROD)).isTrue();
        assertThat(ContextExpression.matches("faker and", PROD)).isTrue();
        assertThat(ContextExpression.matches("(".repeat(500) + "faker", PROD)).isTrue();
    }
}
