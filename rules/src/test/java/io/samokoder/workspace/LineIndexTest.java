package io.samokoder.workspace;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineIndexTest {

    @Test
    void linesEndAtLfCrlfAndLoneCr() {
        String text = "a\nbb\r\nccc\rd";
        LineIndex lines = new LineIndex(text);
        assertThat(lines.count()).isEqualTo(4);
        assertThat(lines.line(0)).isEqualTo(1);
        assertThat(lines.line(text.indexOf("bb"))).isEqualTo(2);
        assertThat(lines.line(text.indexOf('\r'))).isEqualTo(2);
        assertThat(lines.line(text.indexOf("ccc"))).isEqualTo(3);
        assertThat(lines.column(text.indexOf("cc") + 1)).isEqualTo(2);
        assertThat(lines.line(text.indexOf('d'))).isEqualTo(4);
        assertThat(lines.start(4)).isEqualTo(text.indexOf('d'));
    }

    @Test
    void aLineEndsBeforeItsTerminator() {
        String text = "a\nbb\r\nccc\rd\r\n";
        LineIndex lines = new LineIndex(text);
        assertThat(lines.count()).isEqualTo(4);
        assertThat(List.of(lines.text(1), lines.text(2), lines.text(3), lines.text(4)))
                .containsExactly("a", "bb", "ccc", "d");
        assertThat(lines.end(2)).isEqualTo(text.indexOf("\r\n"));
        assertThat(new LineIndex("\r\n\r\n").text(2)).isEmpty();
        assertThat(new LineIndex("").text(1)).isEmpty();
        assertThat(new LineIndex("x\r").text(1)).isEqualTo("x");
    }

    @Test
    void aFinalTerminatorStartsNoLineAndEmptyTextHasOne() {
        assertThat(new LineIndex("x\n").count()).isEqualTo(1);
        assertThat(new LineIndex("").count()).isEqualTo(1);
        assertThat(new LineIndex("\n\n").count()).isEqualTo(2);
    }

    @Test
    void manyLinesGrowTheIndex() {
        LineIndex lines = new LineIndex("x\n".repeat(1000) + "end");
        assertThat(lines.count()).isEqualTo(1001);
        assertThat(lines.line(2000)).isEqualTo(1001);
    }
}
