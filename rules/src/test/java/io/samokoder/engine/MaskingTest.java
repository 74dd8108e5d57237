package io.samokoder.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void showsAtMostTwoCharactersAndTheLength() {
        assertThat(Masking.mask("supersecret")).isEqualTo("su***(11)");
        assertThat(Masking.mask("admin")).isEqualTo("***(5)");
        assertThat(Masking.mask("")).isEqualTo("***(0)");
        assertThat(Masking.mask(null)).isEqualTo("***(0)");
    }

    @Test
    void countsCodePointsNotChars() {
        assertThat(Masking.mask("пароль-очень-длинный")).isEqualTo("па***(20)");
        assertThat(Masking.mask("😀😀secretvalue")).isEqualTo("😀😀***(13)");
    }
}
