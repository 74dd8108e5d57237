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
    /** Automata run side by side over one text, each on its own segment. */
    private static final int STREAMS = 4;

    private final int[] delta;
    /** For each state, the indices of the patterns whose keyword ends there (including through failure links). */
    private final int[][] output;
    /** The longest keyword: a stream that starts this many characters minus one early is in step at its segment. */
    private final int longest;

    /**
     * The keyword occurrences of one text in order of their end: for occurrence {@code i}, the pattern index and the
     * offset just past the keyword's last character.
     */
    static final class Occurrences {
        private int[] data = new int[32];
        private int size;

        private void addAll(Occurrences other) {
            if (size + other.size > data.length) {
                data = Arrays.copyOf(data, Math.max(2 * data.length, size + other.size));
            }
            System.arraycopy(other.data, 0, data, size, other.size);
            size += other.size;
        }

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
        int max = 1;
        for (int p = 0; p < keywords.size(); p++) {
            for (String kw : keywords.get(p)) {
                String k = kw.toLowerCase(Locale.ROOT);
                max = Math.max(max, k.length());
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
        longest = max;
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
     * benchmark tree took 1.0 s on one thread, against 0.7 s with this loop). The record costs 8 bytes an
     * occurrence: at most 4 bytes a character (a two-letter keyword repeated), 20 MB for the largest file the engine
     * reads (5 MB), twice that while the segments' records are joined.
     * A {@code String} is scanned as its ISO-8859-1 bytes when they map one to one onto its characters: a byte array
     * has no per-character encoding check. Characters outside Latin-1 become {@code ?} there; outside ASCII, no
     * character takes part in a built-in keyword, and a user keyword holding {@code ?} only gains prefilter hits that
     * its regex then rejects. Any other text is copied to bytes with every character outside ASCII as NUL.
     */
    Occurrences scan(CharSequence text) {
        byte[] bytes = null;
        if (text instanceof String string) {
            bytes = string.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (bytes == null || bytes.length != text.length()) { // a surrogate pair encodes to one '?': offsets shift
            bytes = new byte[text.length()];
            for (int i = 0; i < bytes.length; i++) {
                char c = text.charAt(i);
                bytes[i] = c < ALPHABET ? (byte) c : 0; // NUL leaves any keyword, as a character outside ASCII must
            }
        }
        return scan(bytes, bytes.length);
    }

    /**
     * The text is cut into {@value #STREAMS} segments scanned in one loop, one automaton each: a single automaton is
     * bound by its chain of dependent table loads (about 7 cycles a character), and independent chains overlap in
     * the CPU. Each automaton after the first starts {@code longest - 1} characters before its segment, without
     * recording: every keyword ending inside its segment then lies wholly in what it reads, so it reports the same
     * occurrences there as a single pass. The segments' occurrences are then joined in order. Scans the first
     * {@code n} bytes of {@code text}: ASCII text as it was read (bytes above 0x7F take part in no keyword).
     */
    Occurrences scan(byte[] text, int n) {
        int segment = n / STREAMS;
        if (segment < 4 * longest) {
            Occurrences found = new Occurrences();
            run(text, 0, n, 0, found);
            return found;
        }
        int[] d = delta;
        int s1 = segment;
        int s2 = 2 * segment;
        int s3 = 3 * segment;
        int r0 = 0;
        int r1 = run(text, s1 - longest + 1, s1, 0, null);
        int r2 = run(text, s2 - longest + 1, s2, 0, null);
        int r3 = run(text, s3 - longest + 1, s3, 0, null);
        Occurrences o0 = new Occurrences();
        Occurrences o1 = new Occurrences();
        Occurrences o2 = new Occurrences();
        Occurrences o3 = new Occurrences();
        for (int i = 0; i < segment; i++) {
            int c0 = text[i];
            int c1 = text[s1 + i];
            int c2 = text[s2 + i];
            int c3 = text[s3 + i];
            r0 = d[r0 + (c0 < 0 ? 0 : c0)];
            r1 = d[r1 + (c1 < 0 ? 0 : c1)];
            r2 = d[r2 + (c2 < 0 ? 0 : c2)];
            r3 = d[r3 + (c3 < 0 ? 0 : c3)];
            if ((r0 | r1 | r2 | r3) < 0) {
                r0 = record(r0, i + 1, o0);
                r1 = record(r1, s1 + i + 1, o1);
                r2 = record(r2, s2 + i + 1, o2);
                r3 = record(r3, s3 + i + 1, o3);
            }
        }
        run(text, s3 + segment, n, r3, o3);
        o0.addAll(o1);
        o0.addAll(o2);
        o0.addAll(o3);
        return o0;
    }

    /** Scans {@code [from, to)} from {@code row}, recording into {@code found} unless it is null; returns the row. */
    private int run(byte[] text, int from, int to, int row, Occurrences found) {
        int[] d = delta;
        for (int i = from; i < to; i++) {
            int c = text[i];
            row = d[row + (c < 0 ? 0 : c)];
            if (row < 0) {
                row = found == null ? row & Integer.MAX_VALUE : record(row, i + 1, found);
            }
        }
        return row;
    }

    /** For an entry with outputs, records them as ending at {@code end}; returns the entry as a plain row offset. */
    private int record(int row, int end, Occurrences found) {
        if (row >= 0) {
            return row;
        }
        row &= Integer.MAX_VALUE;
        for (int p : output[row >>> ROW_SHIFT]) {
            found.add(p, end);
        }
        return row;
    }
}
