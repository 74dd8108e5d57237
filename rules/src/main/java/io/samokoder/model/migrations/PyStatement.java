package io.samokoder.model.migrations;

import io.samokoder.model.migrations.PyTokenizer.Kind;
import io.samokoder.model.migrations.PyTokenizer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * A logical line of Python and, for compound statements ({@code def}, {@code with}, {@code if}, …), its indented
 * block. Built from the token stream: this is only the block structure, not a full grammar.
 *
 * @param head the tokens of the logical line (without its NEWLINE)
 * @param body the indented block that follows a line ending in {@code :}, empty for simple statements
 */
public record PyStatement(List<Token> head, List<PyStatement> body) {

    public int line() {
        return head.isEmpty() ? 0 : head.get(0).line();
    }

    public boolean startsWith(String word) {
        return !head.isEmpty() && head.get(0).is(word);
    }

    /** Splits the tokens into statements. Statements nested deeper than {@code maxDepth} are flattened. */
    public static List<PyStatement> parse(List<Token> tokens) {
        int[] i = {0};
        List<PyStatement> out = block(tokens, i, 0);
        // stray DEDENT/INDENT after an indentation error: keep going so that nothing is lost
        while (i[0] < tokens.size() && tokens.get(i[0]).kind() != Kind.END) {
            i[0]++;
            out.addAll(block(tokens, i, 0));
        }
        return out;
    }

    private static final int MAX_DEPTH = 200;

    private static List<PyStatement> block(List<Token> tokens, int[] i, int depth) {
        List<PyStatement> out = new ArrayList<>();
        while (i[0] < tokens.size()) {
            Token t = tokens.get(i[0]);
            if (t.kind() == Kind.END || t.kind() == Kind.DEDENT) {
                return out;
            }
            if (t.kind() == Kind.INDENT) { // unexpected indent: treat as part of the current block
                i[0]++;
                List<PyStatement> nested = depth < MAX_DEPTH ? block(tokens, i, depth + 1) : List.of();
                if (i[0] < tokens.size() && tokens.get(i[0]).kind() == Kind.DEDENT) {
                    i[0]++;
                }
                out.addAll(nested);
                continue;
            }
            List<Token> head = new ArrayList<>();
            while (i[0] < tokens.size()) {
                Token h = tokens.get(i[0]);
                if (h.kind() == Kind.NEWLINE) {
                    i[0]++;
                    break;
                }
                if (h.kind() == Kind.END || h.kind() == Kind.DEDENT || h.kind() == Kind.INDENT) {
                    break;
                }
                head.add(h);
                i[0]++;
            }
            List<PyStatement> body = List.of();
            if (i[0] < tokens.size() && tokens.get(i[0]).kind() == Kind.INDENT) {
                i[0]++;
                body = depth < MAX_DEPTH ? block(tokens, i, depth + 1) : skipBlock(tokens, i);
                if (i[0] < tokens.size() && tokens.get(i[0]).kind() == Kind.DEDENT) {
                    i[0]++;
                }
            }
            if (body.isEmpty()) {
                for (List<Token> part : splitSemicolons(head)) {
                    out.add(new PyStatement(part, List.of()));
                }
            } else {
                out.add(new PyStatement(head, body));
            }
        }
        return out;
    }

    private static List<PyStatement> skipBlock(List<Token> tokens, int[] i) {
        int level = 1;
        while (i[0] < tokens.size() && level > 0) {
            Kind k = tokens.get(i[0]).kind();
            if (k == Kind.INDENT) {
                level++;
            } else if (k == Kind.DEDENT) {
                level--;
                if (level == 0) {
                    break;
                }
            } else if (k == Kind.END) {
                break;
            }
            i[0]++;
        }
        return List.of();
    }

    private static List<List<Token>> splitSemicolons(List<Token> head) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        int depth = 0;
        for (Token t : head) {
            if (t.kind() == Kind.OP) {
                switch (t.text()) {
                    case "(", "[", "{" -> depth++;
                    case ")", "]", "}" -> depth = Math.max(0, depth - 1);
                    default -> { }
                }
                if (depth == 0 && t.text().equals(";")) {
                    if (!cur.isEmpty()) {
                        parts.add(cur);
                    }
                    cur = new ArrayList<>();
                    continue;
                }
            }
            cur.add(t);
        }
        if (!cur.isEmpty() || parts.isEmpty()) {
            parts.add(cur);
        }
        return parts;
    }

    /** Index of the first top-level token {@code op} at or after {@code from}, or -1. */
    public static int indexOfTopLevel(List<Token> tokens, String op, int from) {
        int depth = 0;
        for (int k = from; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.kind() != Kind.OP) {
                continue;
            }
            String s = t.text();
            if (depth == 0 && s.equals(op)) {
                return k;
            }
            switch (s) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
        return -1;
    }

    /** Index of the bracket closing the one at {@code open}, or {@code tokens.size()} when unclosed. */
    public static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.kind() != Kind.OP) {
                continue;
            }
            switch (t.text()) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> {
                    depth--;
                    if (depth == 0) {
                        return k;
                    }
                }
                default -> { }
            }
        }
        return tokens.size();
    }

    /** Splits at top-level commas. */
    public static List<List<Token>> splitCommas(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        int start = 0;
        while (start <= tokens.size()) {
            int comma = indexOfTopLevel(tokens, ",", start);
            int end = comma < 0 ? tokens.size() : comma;
            List<Token> part = tokens.subList(start, end);
            if (!part.isEmpty()) {
                parts.add(part);
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return parts;
    }
}
