package io.samokoder.model.migrations;

import java.util.ArrayList;
import java.util.List;

/**
 * A tokenizer for the subset of Python that migration modules are written in: names, numbers, strings (every prefix,
 * single and triple quotes, escapes, raw strings), operators, comments, explicit and implicit line joining, and
 * INDENT/DEDENT as Python's own tokenizer produces them. It never executes anything and never throws: the first
 * error (unterminated string, unclosed bracket, stray character, inconsistent dedent) is recorded with its line, the
 * way {@code python -m py_compile} would report it, and scanning goes on where that is meaningful.
 */
public final class PyTokenizer {

    /** Token kinds. Comments and non-logical newlines are dropped. */
    public enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END }

    /**
     * One token. For strings, {@code value} is the literal's content with simple escapes decoded (not for f-strings
     * or bytes, whose value is their raw content); {@code text} is the source text for other kinds.
     */
    public record Token(Kind kind, String text, String value, int line, boolean fString) {
        public boolean is(String op) {
            return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
        }

        public boolean isName() {
            return kind == Kind.NAME;
        }

        @Override
        public String toString() {
            return kind + "(" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + ")@" + line;
        }
    }

    /** Tokens and the first error, if any. */
    public record Result(List<Token> tokens, String error, int errorLine) {
        public boolean ok() {
            return error == null;
        }
    }

    private static final String[] OPS3 = {"**=", "//=", ">>=", "<<=", "..."};
    private static final String[] OPS2 = {"->", "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=",
            "/=", "%=", "&=", "|=", "^=", ":=", "@="};
    private static final String OPS1 = "()[]{}:,;.+-*/%&|^~<>=@!";
    private static final String[] OPS1_TEXT = new String[OPS1.length()];

    static {
        for (int i = 0; i < OPS1.length(); i++) {
            OPS1_TEXT[i] = String.valueOf(OPS1.charAt(i)).intern();
        }
    }

    private final String src;
    private final int n;
    private int pos;
    private int line = 1;
    private int depth;
    private final List<Token> out = new ArrayList<>();
    private String error;
    private int errorLine;

    private PyTokenizer(String src) {
        this.src = src;
        this.n = src.length();
    }

    public static Result tokenize(String source) {
        PyTokenizer t = new PyTokenizer(source == null ? "" : source);
        t.run();
        return new Result(java.util.Collections.unmodifiableList(t.out), t.error, t.errorLine);
    }

    private void fail(String message, int at) {
        if (error == null) {
            error = message;
            errorLine = at;
        }
    }

    private void emit(Kind kind, String text, String value, int at, boolean f) {
        out.add(new Token(kind, text, value, at, f));
    }

    private boolean lineHasTokens() {
        return !out.isEmpty() && out.get(out.size() - 1).kind() != Kind.NEWLINE
                && out.get(out.size() - 1).kind() != Kind.INDENT && out.get(out.size() - 1).kind() != Kind.DEDENT;
    }

    private void run() {
        List<Integer> indents = new ArrayList<>();
        indents.add(0);
        boolean atLineStart = true;
        while (pos < n) {
            if (atLineStart && depth == 0) {
                int col = 0;
                while (pos < n) {
                    char c = src.charAt(pos);
                    if (c == ' ') {
                        col++;
                    } else if (c == '\t') {
                        col = (col / 8 + 1) * 8;
                    } else if (c == '\f') {
                        col = 0;
                    } else {
                        break;
                    }
                    pos++;
                }
                if (pos >= n) {
                    break;
                }
                char c = src.charAt(pos);
                if (c == '#') {
                    skipComment();
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    newline();
                    continue;
                }
                if (c == '\\' && pos + 1 < n && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
                    pos++;
                    newline();
                    atLineStart = false;
                    continue;
                }
                atLineStart = false;
                int top = indents.get(indents.size() - 1);
                if (col > top) {
                    indents.add(col);
                    emit(Kind.INDENT, "", null, line, false);
                } else {
                    while (col < indents.get(indents.size() - 1)) {
                        indents.remove(indents.size() - 1);
                        emit(Kind.DEDENT, "", null, line, false);
                    }
                    if (col != indents.get(indents.size() - 1)) {
                        fail("unindent does not match any outer indentation level", line);
                        indents.add(col);
                        emit(Kind.INDENT, "", null, line, false);
                    }
                }
            }
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                skipComment();
            } else if (c == '\n' || c == '\r') {
                if (depth == 0 && lineHasTokens()) {
                    emit(Kind.NEWLINE, "", null, line, false);
                }
                newline();
                atLineStart = depth == 0;
            } else if (c == '\\') {
                if (pos + 1 < n && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
                    pos++;
                    newline();
                } else if (pos + 1 >= n) {
                    fail("unexpected end of file after line continuation character", line);
                    pos++;
                } else {
                    fail("unexpected character after line continuation character", line);
                    pos++;
                }
            } else if (c == '"' || c == '\'') {
                string("", pos);
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (c == '_' || Character.isLetter(c) || (c > 127 && Character.isUnicodeIdentifierStart(c))) {
                int start = pos;
                while (pos < n && (src.charAt(pos) == '_' || Character.isLetterOrDigit(src.charAt(pos))
                        || (src.charAt(pos) > 127 && Character.isUnicodeIdentifierPart(src.charAt(pos))))) {
                    pos++;
                }
                String word = src.substring(start, pos);
                if (pos < n && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && isPrefix(word)) {
                    string(word.toLowerCase(java.util.Locale.ROOT), start);
                } else {
                    emit(Kind.NAME, word, null, line, false);
                }
            } else {
                operator(c);
            }
            if (out.size() > 0 && error != null && error.startsWith("unterminated")) {
                break;
            }
        }
        if (depth > 0 && error == null) {
            fail("'(' was never closed (unexpected end of file inside brackets)", line);
        }
        if (lineHasTokens()) {
            emit(Kind.NEWLINE, "", null, line, false);
        }
        for (int i = 1; i < indents.size(); i++) {
            emit(Kind.DEDENT, "", null, line, false);
        }
        emit(Kind.END, "", null, line, false);
    }

    private static boolean isPrefix(String w) {
        String l = w.toLowerCase(java.util.Locale.ROOT);
        return switch (l) {
            case "r", "u", "f", "b", "br", "rb", "fr", "rf" -> true;
            default -> false;
        };
    }

    private void skipComment() {
        while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void newline() {
        if (src.charAt(pos) == '\r' && pos + 1 < n && src.charAt(pos + 1) == '\n') {
            pos += 2;
        } else {
            pos++;
        }
        line++;
    }

    private void number() {
        int start = pos;
        pos++;
        while (pos < n) {
            char c = src.charAt(pos);
            char prev = src.charAt(pos - 1);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.'
                    || ((c == '+' || c == '-') && (prev == 'e' || prev == 'E') && !src.startsWith("0x", start)
                    && !src.startsWith("0X", start))) {
                pos++;
            } else {
                break;
            }
        }
        emit(Kind.NUMBER, src.substring(start, pos), null, line, false);
    }

    private void operator(char c) {
        for (String op : OPS3) {
            if (src.startsWith(op, pos)) {
                emit(Kind.OP, op, null, line, false);
                pos += 3;
                return;
            }
        }
        for (String op : OPS2) {
            if (src.startsWith(op, pos)) {
                emit(Kind.OP, op, null, line, false);
                pos += 2;
                return;
            }
        }
        int single = OPS1.indexOf(c);
        if (single >= 0) {
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    fail("unmatched '" + c + "'", line);
                } else {
                    depth--;
                }
            }
            emit(Kind.OP, OPS1_TEXT[single], null, line, false);
            pos++;
            return;
        }
        fail(Character.isISOControl(c) || c == '\uFFFD'
                ? "invalid non-printable character U+" + String.format("%04X", (int) c)
                : "invalid character '" + c + "'", line);
        pos++;
    }

    private void string(String prefix, int start) {
        int startLine = line;
        boolean raw = prefix.indexOf('r') >= 0;
        boolean fstr = prefix.indexOf('f') >= 0;
        boolean bytes = prefix.indexOf('b') >= 0;
        char q = src.charAt(pos);
        boolean triple = pos + 2 < n && src.charAt(pos + 1) == q && src.charAt(pos + 2) == q;
        pos += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= n) {
                fail(triple ? "unterminated triple-quoted string literal (detected at line " + line + ")"
                        : "unterminated string literal", startLine);
                emit(Kind.STRING, src.substring(start), value.toString(), startLine, fstr);
                return;
            }
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < n) {
                char e = src.charAt(pos + 1);
                if (e == '\n' || e == '\r') {
                    pos++;
                    newline();
                    if (raw) {
                        value.append('\\').append('\n');
                    }
                    continue;
                }
                pos += 2;
                if (raw || bytes || fstr) {
                    value.append('\\').append(e);
                } else {
                    switch (e) {
                        case 'n' -> value.append('\n');
                        case 't' -> value.append('\t');
                        case 'r' -> value.append('\r');
                        case '0' -> value.append('\0');
                        case '\\', '\'', '"' -> value.append(e);
                        default -> value.append('\\').append(e);
                    }
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (!triple) {
                    fail("unterminated string literal", startLine);
                    emit(Kind.STRING, src.substring(start, pos), value.toString(), startLine, fstr);
                    return;
                }
                value.append('\n');
                newline();
                continue;
            }
            if (c == q) {
                if (!triple) {
                    pos++;
                    break;
                }
                if (pos + 2 < n && src.charAt(pos + 1) == q && src.charAt(pos + 2) == q) {
                    pos += 3;
                    break;
                }
            }
            value.append(c);
            pos++;
        }
        emit(Kind.STRING, src.substring(start, pos), value.toString(), startLine, fstr);
    }
}
