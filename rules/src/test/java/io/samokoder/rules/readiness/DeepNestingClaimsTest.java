package io.samokoder.rules.readiness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pathologically nested Markdown must not overflow the rule thread (found by the hostile-input suite). */
class DeepNestingClaimsTest {

    @Test
    void thousandsOfNestedQuotesDoNotOverflowAndClaimsAreStillFound() {
        String deep = "> ".repeat(5_000) + "text\n\n**Status: Production Ready (95%)**\n";
        assertThat(ReadinessClaims.find(deep)).isNotEmpty();
    }
}
