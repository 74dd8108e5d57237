package io.samokoder.model.migrations;

import io.samokoder.i18n.Text;

/**
 * The lexical check Flyway's SQL parser makes before running a script: every string literal ({@code '…'} with
 * {@code ''} escapes), quoted identifier ({@code "…"}, {@code `…`}), block comment and PostgreSQL dollar-quoted body
 * ({@code $$…$$}, {@code $tag$…$tag$}) must be closed. Linear, never throws.
 */
public final class SqlLexCheck {

    /** An unclosed construct and the line it opens on. */
    public record Problem(Text text, int line) {
        /** The problem in English. */
        public String message() {
            return text.english();
        }
    }

    private SqlLexCheck() {
    }

    /** The first unclosed construct, or null. */
    public static Problem check(String sql) {
        int n = sql.length();
        int line = 1;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || (c == '#' && lineStartsAt(sql, i))) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int start = line;
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return new Problem(Text.of("model.sql.openComment"), start);
                }
                line += count(sql, i, end);
                i = end + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int start = line;
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == '\n') {
                        line++;
                    }
                    if (d == '\\' && c == '\'' && j + 1 < n && sql.charAt(j + 1) == '\'') {
                        j += 2; // MySQL-style escaped quote
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    j++;
                }
                if (!closed) {
                    return new Problem(Text.of(c == '\'' ? "model.sql.openString" : "model.sql.openIdentifier"), start);
                }
                i = j + 1;
            } else if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
                if (j < n && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
                    String tag = sql.substring(i, j + 1);
                    int end = sql.indexOf(tag, j + 1);
                    if (end < 0) {
                        return new Problem(Text.of("model.sql.openDollar", tag), line);
                    }
                    line += count(sql, i, end);
                    i = end + tag.length();
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
        return null;
    }

    /** Only blanks before {@code i} on its line: a MySQL {@code #} comment (elsewhere '#' is an operator). */
    private static boolean lineStartsAt(String s, int i) {
        for (int k = i - 1; k >= 0 && s.charAt(k) != '\n'; k--) {
            if (!Character.isWhitespace(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                k++;
            }
        }
        return k;
    }
}
