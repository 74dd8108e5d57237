package io.samokoder.model.dotenv;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@code .env} file parsed with docker compose's rules (compose-go's dotenv parser):
 * <ul>
 *   <li>blank lines and lines whose first non-blank character is {@code #} are skipped;</li>
 *   <li>an optional {@code export } prefix; {@code KEY=VALUE} or the YAML-like {@code KEY: VALUE};
 *       a key alone on its line ({@code KEY}) inherits the variable from the environment;</li>
 *   <li>{@code 'single quoted'} values are literal (may span lines);</li>
 *   <li>{@code "double quoted"} values may span lines, expand {@code \n}, {@code \r}, {@code \t}, {@code \\},
 *       {@code \"} and interpolate {@code ${VAR}};</li>
 *   <li>unquoted values run to the end of the line, lose an inline comment only when {@code #} follows a space
 *       ({@code a#b} keeps the {@code #}), are trimmed on the right and interpolated.</li>
 * </ul>
 * Parsing never throws: a malformed line becomes a {@link Problem} and parsing continues on the next line
 * (compose itself stops at the first error; the problems list says where it would).
 */
public final class DotEnv {

    /** How the value was written. */
    public enum Quote { NONE, SINGLE, DOUBLE }

    /**
     * One assignment.
     *
     * @param key         variable name
     * @param rawValue    the value as written, without the surrounding quotes (escapes and {@code ${}} untouched);
     *                    null for an inherited key ({@code KEY} alone)
     * @param value       the value after escapes (not yet interpolated: see {@link DotEnv#resolve})
     * @param line        1-based line of the key
     * @param valueLine   1-based line where the value starts
     * @param valueColumn 1-based column where the value (after any opening quote) starts
     * @param exported    written with {@code export }
     */
    public record Entry(String key, String rawValue, String value, Quote quote, int line, int valueLine,
                        int valueColumn, boolean exported) {
        /** {@code KEY} alone on a line: the value comes from the environment. */
        public boolean inherited() {
            return rawValue == null;
        }

        /** Whether compose interpolates {@code ${VAR}} in this value (unquoted and double-quoted). */
        public boolean interpolated() {
            return quote != Quote.SINGLE && rawValue != null;
        }
    }

    /** A line compose would reject. */
    public record Problem(int line, int column, String message) {
    }

    private final String path;
    private final List<Entry> entries;
    private final List<Problem> problems;

    private DotEnv(String path, List<Entry> entries, List<Problem> problems) {
        this.path = path;
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    /** The file parsed once per audit, shared by every check ({@code ctx.parsed}). */
    public static DotEnv of(AuditContext context, SourceFile file) {
        return context.parsed(file, DotEnv.class, f -> parse(f.path(), context.workspace().text(f).orElse("")));
    }

    public String path() {
        return path;
    }

    /** Assignments in file order (a key assigned twice appears twice; the last one wins in {@link #values()}). */
    public List<Entry> entries() {
        return entries;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The last assignment of a key. */
    public Optional<Entry> entry(String key) {
        Entry found = null;
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Keys to values after escapes, without interpolation; inherited keys are left out. Last assignment wins. */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!e.inherited()) {
                out.put(e.key(), e.value());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The variables as compose sees them: values interpolated in order (a value may use keys defined above it and
     * the environment), inherited keys taken from the environment, and the environment overriding the file.
     *
     * @param environment the process environment to honour (empty for a reproducible audit)
     */
    public Map<String, String> resolve(Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.inherited()) {
                String v = environment.get(e.key());
                if (v != null) {
                    out.put(e.key(), v);
                }
                continue;
            }
            String value = e.value();
            if (e.interpolated()) {
                Function<String, Optional<String>> lookup = name -> {
                    String env = environment.get(name);
                    return Optional.ofNullable(env != null ? env : out.get(name));
                };
                value = Interpolation.interpolate(value, lookup).value();
            }
            String env = environment.get(e.key());
            out.put(e.key(), env != null ? env : value);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Parses dotenv text; never throws. */
    public static DotEnv parse(String path, String text) {
        return new Parser(path, text == null ? "" : text).run();
    }

    private static final class Parser {
        private final String path;
        private final String s;
        private int pos;
        private final List<Entry> entries = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();

        Parser(String path, String text) {
            this.path = path;
            this.s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        }

        DotEnv run() {
            while (pos < s.length()) {
                skipBlankAndComments();
                if (pos >= s.length()) {
                    break;
                }
                statement();
            }
            return new DotEnv(path, entries, problems);
        }

        private int[] lineStarts;

        private int lineAt(int offset) {
            if (lineStarts == null) {
                List<Integer> starts = new ArrayList<>();
                starts.add(0);
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) == '\n') {
                        starts.add(i + 1);
                    }
                }
                lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
            }
            int idx = java.util.Arrays.binarySearch(lineStarts, offset);
            return idx >= 0 ? idx + 1 : -idx - 1;
        }

        private int columnAt(int offset) {
            int nl = offset == 0 ? -1 : s.lastIndexOf('\n', offset - 1);
            return offset - nl;
        }

        private void skipBlankAndComments() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    skipLine();
                } else {
                    return;
                }
            }
        }

        private void skipLine() {
            int nl = s.indexOf('\n', pos);
            pos = nl < 0 ? s.length() : nl + 1;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == 0x85 || c == 0xA0;
        }

        private void statement() {
            int start = pos;
            int line = lineAt(start);
            boolean exported = false;
            if (s.startsWith("export", pos) && pos + 6 < s.length() && isSpace(s.charAt(pos + 6))) {
                exported = true;
                pos += 6;
                while (pos < s.length() && isSpace(s.charAt(pos))) {
                    pos++;
                }
            }
            int keyStart = pos;
            char sep = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '=' || c == ':' || c == '\n') {
                    sep = c;
                    break;
                }
                if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || isSpace(c))) {
                    problems.add(new Problem(line, columnAt(pos), "unexpected character '" + c
                            + "' in variable name"));
                    skipLine();
                    return;
                }
                pos++;
            }
            String key = s.substring(keyStart, pos).strip();
            if (key.isEmpty()) {
                problems.add(new Problem(line, columnAt(keyStart), "missing variable name"));
                skipLine();
                return;
            }
            if (key.contains(" ") || key.contains("\t")) {
                problems.add(new Problem(line, columnAt(keyStart), "key cannot contain a space"));
                skipLine();
                return;
            }
            if (sep == '\n' || sep == 0) {
                entries.add(new Entry(key, null, null, Quote.NONE, line, line, 0, exported));
                if (sep == '\n') {
                    pos++;
                }
                return;
            }
            pos++; // separator
            while (pos < s.length() && isSpace(s.charAt(pos))) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
                quoted(key, line, exported);
            } else {
                int valueStart = pos;
                int nl = s.indexOf('\n', pos);
                int end = nl < 0 ? s.length() : nl;
                String raw = s.substring(valueStart, end);
                int comment = raw.indexOf(" #");
                if (comment >= 0) {
                    raw = raw.substring(0, comment);
                }
                raw = raw.stripTrailing();
                entries.add(new Entry(key, raw, raw, Quote.NONE, line, lineAt(valueStart), columnAt(valueStart),
                        exported));
                pos = nl < 0 ? s.length() : nl + 1;
            }
        }

        private void quoted(String key, int line, boolean exported) {
            char quote = s.charAt(pos);
            int open = pos;
            int i = pos + 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == quote && s.charAt(i - 1) != '\\') {
                    break;
                }
                i++;
            }
            if (i >= s.length()) {
                problems.add(new Problem(line, columnAt(open), "unterminated quoted value"));
                skipLine();
                return;
            }
            String raw = s.substring(open + 1, i);
            String value = quote == '"' ? unescape(raw) : raw;
            entries.add(new Entry(key, raw, value, quote == '"' ? Quote.DOUBLE : Quote.SINGLE, line,
                    lineAt(open + 1), columnAt(open + 1), exported));
            pos = i + 1;
            // the rest of the line after the closing quote is a comment or noise
            int nl = s.indexOf('\n', pos);
            pos = nl < 0 ? s.length() : nl + 1;
        }

        /** compose-go's expandEscapes: {@code \n \r \t} become control characters, {@code \$} stays for interpolation. */
        private static String unescape(String raw) {
            StringBuilder b = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    char n = raw.charAt(i + 1);
                    switch (n) {
                        case 'n' -> b.append('\n');
                        case 'r' -> b.append('\r');
                        case 't' -> b.append('\t');
                        case '$' -> b.append("$$"); // an escaped dollar is never interpolated
                        default -> b.append(n);
                    }
                    i++;
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }
}
