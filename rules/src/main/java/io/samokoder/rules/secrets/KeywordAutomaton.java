package io.samokoder.rules.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aho-Corasick automaton over ASCII keywords, matched case-insensitively: one pass over the text finds every keyword
 * occurrence whatever the number of keywords, so the regexes of the token table only run near a hit. Characters
 * outside ASCII never take part in a keyword. The automaton is a complete DFA (a {@code states × 128} table), one
 * array load per character.
 */
final class KeywordAutomaton {

    /** log2 of the alphabet: a state's row starts at its number shifted by this. */
    private static final int ROW_SHIFT = 7;
    private static final int ALPHABET = 1 << ROW_SHIFT;

    private final int[] delta;
    /** For each state, the indices of the patterns whose keyword ends there (including through failure links). */
    private final int[][] output;

    /**
     * The keyword occurrences of one text in order of their end: for occurrence {@code i}, the pattern index and the
     * offset just past the keyword's last character.
     */
    static final class Occurrences {
        private int[] data = new int[32];
        private int size;

        private void add(int pattern, int end) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size] = pattern;
            data[size + 1] = end;
            size += 2;
        }

        int size() {
            return size >>> 1;
        }

        int pattern(int i) {
            return data[2 * i];
        }

        int end(int i) {
            return data[2 * i + 1];
        }
    }

    /** @param keywords for each pattern index, its keywords (ASCII) */
    KeywordAutomaton(List<List<String>> keywords) {
        List<int[]> go = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        go.add(newRow());
        out.add(new ArrayList<>());
        for (int p = 0; p < keywords.size(); p++) {
            for (String kw : keywords.get(p)) {
                String k = kw.toLowerCase(Locale.ROOT);
                int s = 0;
                for (int i = 0; i < k.length(); i++) {
                    int c = k.charAt(i);
                    if (c >= ALPHABET) {
                        throw new IllegalArgumentException("keyword '" + kw + "' is not ASCII");
                    }
                    if (go.get(s)[c] < 0) {
                        go.get(s)[c] = go.size();
                        go.add(newRow());
                        out.add(new ArrayList<>());
                    }
                    s = go.get(s)[c];
                }
                if (!out.get(s).contains(p)) {
                    out.get(s).add(p);
                }
            }
        }
        int n = go.size();
        int[] fail = new int[n];
        delta = new int[n * ALPHABET];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int t = go.get(0)[c];
            if (t < 0) {
                delta[c] = 0;
            } else {
                delta[c] = t;
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int o : out.get(fail[s])) {
                if (!out.get(s).contains(o)) {
                    out.get(s).add(o);
                }
            }
            for (int c = 0; c < ALPHABET; c++) {
                int t = go.get(s)[c];
                if (t < 0) {
                    delta[s * ALPHABET + c] = delta[fail[s] * ALPHABET + c];
                } else {
                    delta[s * ALPHABET + c] = t;
                    fail[t] = delta[fail[s] * ALPHABET + c];
                    queue.add(t);
                }
            }
        }
        for (int s = 0; s < n; s++) {
            for (int c = 'A'; c <= 'Z'; c++) {
                delta[s * ALPHABET + c] = delta[s * ALPHABET + c + 32]; // case folding inside the table
            }
        }
        output = new int[n][];
        for (int s = 0; s < n; s++) {
            List<Integer> o = out.get(s);
            output[s] = o.isEmpty() ? null : o.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        // An entry holds the target's row offset, not its number, and its sign bit says the target has outputs: the
        // scan's speed is bound by the chain of dependent lookups, and this leaves one add and one load in it.
        for (int i = 0; i < delta.length; i++) {
            int target = delta[i];
            delta[i] = target * ALPHABET | (output[target] != null ? Integer.MIN_VALUE : 0);
        }
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    /**
     * Every keyword occurrence, in order of its end. The loop only records occurrences; what they lead to runs after
     * it, which keeps the loop's code small (with the catalog's handling inlined into it, scanning the 207 MB secrets
     * benchmark tree took 1.0 s on one thread, against 0.7 s now). The record costs 8 bytes an occurrence: at most
     * 4 bytes a character (a two-letter keyword repeated), 20 MB for the largest file the engine reads (5 MB).
     * A {@code String} is scanned as its ISO-8859-1 bytes when they map one to one onto its characters: a byte array
     * has no per-character encoding check. Characters outside Latin-1 become {@code ?} there; outside ASCII, no
     * character takes part in a built-in keyword, and a user keyword holding {@code ?} only gains prefilter hits that
     * its regex then rejects.
     */
    Occurrences scan(CharSequence text) {
        Occurrences found = new Occurrences();
        if (text instanceof String string) {
            byte[] bytes = string.getBytes(StandardCharsets.ISO_8859_1);
            if (bytes.length == string.length()) { // a surrogate pair encodes to one '?': offsets would shift
                scan(bytes, found);
                return found;
            }
        }
        int[] d = delta;
        int row = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            row = d[row + (c >= ALPHABET ? 0 : c)];
            if (row < 0) {
                row &= Integer.MAX_VALUE;
                for (int p : output[row >>> ROW_SHIFT]) {
                    found.add(p, i + 1);
                }
            }
        }
        return found;
    }

    private void scan(byte[] text, Occurrences found) {
        int[] d = delta;
        int row = 0;
        for (int i = 0; i < text.length; i++) {
            int c = text[i];
            row = d[row + (c < 0 ? 0 : c)];
            if (row < 0) {
                row &= Integer.MAX_VALUE;
                for (int p : output[row >>> ROW_SHIFT]) {
                    found.add(p, i + 1);
                }
            }
        }
    }
}
