package io.samokoder.workspace;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineEscapeTest {

    @Test
    void valuesSurviveEscapingOnOneLineAndField() {
        for (String text : List.of("", "plain", "two\nlines", "back\\slash\\n not a newline", "cr\r\nlf", "end\\",
                "tab\there \\t", "кириллица ✓")) {
            String escaped = LineEscape.escape(text);
            assertThat(escaped).doesNotContain("\n").doesNotContain("\r").doesNotContain("\t");
            assertThat(LineEscape.unescape(escaped)).isEqualTo(text);
        }
    }
}
