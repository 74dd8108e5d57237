package io.samokoder.workspace;

import java.util.Arrays;

/** Line starts of a text ({@code \n}, {@code \r\n} and lone {@code \r} end a line), for 1-based lines and columns. */
public final class LineIndex {

    private final CharSequence text;
    private final int[] starts;

    public LineIndex(CharSequence text) {
        this.text = text;
        int[] s = new int[16];
        int n = 1;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n')) {
                if (i + 1 == len) {
                    break; // a final terminator does not start another line
                }
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
    }

    /** Number of lines (at least 1). */
    public int count() {
        return starts.length;
    }

    /** Offset where a 1-based line starts. */
    public int start(int line) {
        return starts[line - 1];
    }

    /** Offset where a 1-based line's text ends: at its terminator ({@code \r\n} counts as one), or the text's end. */
    public int end(int line) {
        if (line >= starts.length) {
            int e = text.length();
            if (e > starts[line - 1] && text.charAt(e - 1) == '\n') {
                e--;
            }
            if (e > starts[line - 1] && text.charAt(e - 1) == '\r') {
                e--;
            }
            return e;
        }
        int e = starts[line] - 1;
        return e > starts[line - 1] && text.charAt(e) == '\n' && text.charAt(e - 1) == '\r' ? e - 1 : e;
    }

    /** The text of a 1-based line, without its terminator. */
    public String text(int line) {
        return text.subSequence(start(line), end(line)).toString();
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of an offset. */
    public int column(int offset) {
        return offset - starts[line(offset) - 1] + 1;
    }
}
