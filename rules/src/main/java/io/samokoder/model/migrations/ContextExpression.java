package io.samokoder.model.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Liquibase context expression ({@code faker}, {@code dev, test}, {@code !test}, {@code prod and (eu or us)}) judged
 * against the contexts a run is started with, as Liquibase's {@code ContextExpression} does: a comma or {@code or}
 * means either, {@code and} both, {@code !} or {@code not} negates, parentheses group; names compare without case.
 * An expression that cannot be read matches, so nothing is left out on a guess.
 */
final class ContextExpression {

    private final List<String> tokens;
    private int i;
    private boolean broken;

    private ContextExpression(List<String> tokens) {
        this.tokens = tokens;
    }

    static boolean matches(String expression, Set<String> active) {
        if (expression == null || expression.isBlank()) {
            return true;
        }
        ContextExpression e = new ContextExpression(tokenize(expression));
        boolean r = e.or(active, 0);
        return e.broken || e.i != e.tokens.size() || r;
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int k = 0; k < s.length() && out.size() < 1000; k++) {
            char c = s.charAt(k);
            if (c == ',' || c == '(' || c == ')' || c == '!' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    out.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private String peek() {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    private boolean or(Set<String> active, int depth) {
        boolean r = and(active, depth);
        while (",".equals(peek()) || "or".equals(peek())) {
            i++;
            r |= and(active, depth);
        }
        return r;
    }

    private boolean and(Set<String> active, int depth) {
        boolean r = unary(active, depth);
        while ("and".equals(peek())) {
            i++;
            r &= unary(active, depth);
        }
        return r;
    }

    private boolean unary(Set<String> active, int depth) {
        String t = peek();
        if (t == null || depth > 100) {
            broken = true;
            return true;
        }
        i++;
        if (t.equals("!") || t.equals("not")) {
            return !unary(active, depth + 1);
        }
        if (t.equals("(")) {
            boolean r = or(active, depth + 1);
            if (!")".equals(peek())) {
                broken = true;
            } else {
                i++;
            }
            return r;
        }
        if (t.equals(")") || t.equals(",")) {
            broken = true;
            return true;
        }
        return active.contains(t);
    }
}
