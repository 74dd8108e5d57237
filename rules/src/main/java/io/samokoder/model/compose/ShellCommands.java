package io.samokoder.model.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text (a script, a Makefile recipe line, a README code block, a CI step) into simple commands as a
 * POSIX shell reads them, without running anything: commands end at a newline, {@code ;}, {@code &}, {@code &&},
 * {@code ||} or {@code |} outside quotes and command substitutions; a backslash joins lines; {@code #} starts a comment
 * at the start of a word; a here-document's body belongs to the command that opened it. Words keep command
 * substitutions ({@code $(…)}, backticks) whole, quotes removed around them. Never throws; linear in the text.
 */
public final class ShellCommands {

    /** Texts longer than this are not scripts anyone runs by hand; they are skipped. */
    public static final int MAX_TEXT = 512 * 1024;

    /**
     * One simple command.
     *
     * @param line     1-based line where it starts, counted from the {@code firstLine} given
     * @param words    its words, quotes removed (substitutions kept as written)
     * @param heredoc  the body of a here-document it opened, or null
     */
    public record Command(int line, List<String> words, String heredoc) {
    }

    private ShellCommands() {
    }

    public static List<Command> parse(String text, int firstLine) {
        List<Command> out = new ArrayList<>();
        if (text == null || text.length() > MAX_TEXT) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        int line = firstLine;
        int start = firstLine;
        char quote = 0;
        int depth = 0; // $( … ) nesting
        boolean backtick = false;
        List<int[]> heredocs = new ArrayList<>(); // {index of command in out or -1 for cur, strip tabs}
        List<String> delimiters = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < n) {
                char next = text.charAt(i + 1);
                if (next == '\n' || next == '\r' && i + 2 < n && text.charAt(i + 2) == '\n') {
                    i += next == '\r' ? 2 : 1;
                    line++;
                    cur.append(' ');
                    continue; // line continuation
                }
                cur.append(c).append(next);
                i++;
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                if (c == '\n') {
                    line++;
                }
                cur.append(c);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
                continue;
            }
            if (c == '`') {
                backtick = !backtick;
                cur.append(c);
                continue;
            }
            if (c == '$' && i + 1 < n && text.charAt(i + 1) == '(') {
                depth++;
                cur.append("$(");
                i++;
                continue;
            }
            if (depth > 0 && c == '(') {
                depth++;
            } else if (depth > 0 && c == ')') {
                depth--;
            }
            boolean nested = depth > 0 || backtick;
            if (c == '#' && !nested && (cur.length() == 0 || Character.isWhitespace(cur.charAt(cur.length() - 1))
                    || cur.charAt(cur.length() - 1) == ';')) {
                while (i + 1 < n && text.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '<' && !nested && i + 1 < n && text.charAt(i + 1) == '<'
                    && (i + 2 >= n || text.charAt(i + 2) != '<')) {
                int j = i + 2;
                boolean strip = j < n && text.charAt(j) == '-';
                if (strip) {
                    j++;
                }
                while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                int k = j;
                while (k < n && " \t\n;&|<>".indexOf(text.charAt(k)) < 0) {
                    k++;
                }
                String delimiter = text.substring(j, k).replace("'", "").replace("\"", "").replace("\\", "");
                if (!delimiter.isEmpty()) {
                    delimiters.add(delimiter);
                    heredocs.add(new int[] {-1, strip ? 1 : 0});
                    cur.append("<<").append(text, j, k);
                    i = k - 1;
                    continue;
                }
            }
            if (!nested && (c == '\n' || c == ';' || c == '&' || c == '|')) {
                boolean redirect = c == '&' && (cur.length() > 0 && (cur.charAt(cur.length() - 1) == '>'
                        || cur.charAt(cur.length() - 1) == '<') || i + 1 < n && text.charAt(i + 1) == '>');
                if (redirect) {
                    cur.append(c);
                    continue;
                }
                if ((c == '&' || c == '|') && i + 1 < n && text.charAt(i + 1) == c) {
                    i++;
                }
                int index = flush(out, cur, start);
                for (int[] h : heredocs) {
                    if (h[0] == -1) {
                        h[0] = index;
                    }
                }
                if (c == '\n') {
                    line++;
                    if (!delimiters.isEmpty()) {
                        int after = readHeredocs(text, i + 1, delimiters, heredocs, out);
                        for (int j = i + 1; j < after; j++) {
                            if (text.charAt(j) == '\n') {
                                line++;
                            }
                        }
                        i = after - 1;
                        delimiters.clear();
                        heredocs.clear();
                    }
                }
                start = line;
                continue;
            }
            if (cur.length() == 0 && Character.isWhitespace(c)) {
                continue;
            }
            if (cur.length() == 0) {
                start = line;
            }
            cur.append(c);
        }
        flush(out, cur, start);
        return out;
    }

    /** Reads the bodies of pending here-documents from {@code from}; returns the offset after the last one. */
    private static int readHeredocs(String text, int from, List<String> delimiters, List<int[]> heredocs,
                                    List<Command> out) {
        int i = from;
        for (int d = 0; d < delimiters.size(); d++) {
            StringBuilder body = new StringBuilder();
            boolean strip = heredocs.get(d)[1] == 1;
            while (i < text.length()) {
                int eol = text.indexOf('\n', i);
                int end = eol < 0 ? text.length() : eol;
                String l = text.substring(i, end);
                if (l.endsWith("\r")) {
                    l = l.substring(0, l.length() - 1);
                }
                i = eol < 0 ? text.length() : eol + 1;
                String cmp = strip ? l.replaceFirst("^\t+", "") : l;
                if (cmp.equals(delimiters.get(d))) {
                    break;
                }
                body.append(strip ? cmp : l).append('\n');
            }
            int index = heredocs.get(d)[0];
            if (index >= 0 && index < out.size()) {
                Command c = out.get(index);
                out.set(index, new Command(c.line(), c.words(), body.toString()));
            }
        }
        return i;
    }

    /** Adds the command in {@code cur}, if any; returns its index in {@code out}, or -1. */
    private static int flush(List<Command> out, StringBuilder cur, int line) {
        String s = cur.toString().strip();
        cur.setLength(0);
        if (s.isEmpty()) {
            return -1;
        }
        List<String> words = words(s);
        if (words.isEmpty()) {
            return -1;
        }
        out.add(new Command(line, words, null));
        return out.size() - 1;
    }

    /**
     * Words of one command as a POSIX shell splits them: quotes removed, backslash escapes applied, a backslash before
     * a line break joins the lines, {@code $(…)} and backtick substitutions kept whole and as written. The one word
     * splitter of the models.
     */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < n && text.charAt(i + 1) == '(' || c == '`') {
                int end = substitutionEnd(text, i);
                cur.append(text, i, end);
                inWord = true;
                i = end - 1;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                cur.append(text, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '"') {
                inWord = true;
                int j = i + 1;
                while (j < n && text.charAt(j) != '"') {
                    char d = text.charAt(j);
                    if (d == '\\' && j + 1 < n && "\"\\$`".indexOf(text.charAt(j + 1)) >= 0) {
                        cur.append(text.charAt(j + 1));
                        j += 2;
                    } else if (d == '\\' && lineBreakAt(text, j + 1) > 0) {
                        j += 1 + lineBreakAt(text, j + 1); // a line continuation inside double quotes
                    } else if (d == '$' && j + 1 < n && text.charAt(j + 1) == '(' || d == '`') {
                        int end = substitutionEnd(text, j);
                        cur.append(text, j, end);
                        j = end;
                    } else {
                        cur.append(d);
                        j++;
                    }
                }
                i = j;
            } else if (c == '\\' && lineBreakAt(text, i + 1) > 0) {
                i += lineBreakAt(text, i + 1); // a line continuation: no character, no word boundary
            } else if (c == '\\' && i + 1 < n) {
                cur.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Length of the line break ({@code \n} or {@code \r\n}) at {@code i}, 0 when there is none. */
    private static int lineBreakAt(String text, int i) {
        if (i < text.length() && text.charAt(i) == '\n') {
            return 1;
        }
        return i + 1 < text.length() && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n' ? 2 : 0;
    }

    /** End (exclusive) of the substitution starting at {@code i} ({@code $(} or a backtick), quotes inside honoured. */
    private static int substitutionEnd(String text, int i) {
        int n = text.length();
        if (text.charAt(i) == '`') {
            int end = text.indexOf('`', i + 1);
            return end < 0 ? n : end + 1;
        }
        int depth = 0;
        char quote = 0;
        for (int j = i + 1; j < n; j++) {
            char c = text.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    j++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return j + 1;
                }
            }
        }
        return n;
    }
}
