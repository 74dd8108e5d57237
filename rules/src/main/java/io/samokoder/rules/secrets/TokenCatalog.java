package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.engine.yaml.YamlProblem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The token table: built-in formats from {@code token-patterns.yml} plus the user's file named by the option
 * {@value #OPTION} (entries with a built-in id replace it; {@code enabled: false} removes it), compiled once, with a
 * keyword automaton in front of the regexes.
 */
public final class TokenCatalog {

    public static final String OPTION = "secrets.patterns";
    public static final io.samokoder.engine.RuleOption PATTERNS = io.samokoder.engine.RuleOption.of(OPTION,
            io.samokoder.engine.RuleOption.Type.PATH, "", "A YAML file in the repository of further token formats, in"
                    + " the format of the built-in token-patterns.yml; an entry with a built-in id replaces it.");
    static final String RESOURCE = "/io/samokoder/rules/secrets/token-patterns.yml";
    /** How far before a keyword hit a token may start (prefixes like {@code -----BEGIN RSA} or a URL scheme). */
    static final int LOOK_BACK = 96;
    static final int DEFAULT_WINDOW = 1024;

    private static volatile TokenCatalog builtIn;

    private final List<TokenPattern> patterns;
    private final KeywordAutomaton automaton;
    private final int[] keywordPattern;
    private final int[] keywordLength;
    /** The keyword when a hit must match it case for case ({@link #exactCase}), else null. */
    private final String[] keywordExact;
    private final String problem;

    /** A secret found in text: the pattern, the offsets of the secret itself, and where a finding points (the first line of a block). */
    public record Match(TokenPattern pattern, int start, int end, String secret, int location) {
    }

    private TokenCatalog(List<TokenPattern> patterns, String problem) {
        this.patterns = List.copyOf(patterns);
        List<List<String>> perKeyword = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        for (int p = 0; p < patterns.size(); p++) {
            for (String k : patterns.get(p).keywords()) {
                perKeyword.add(List.of(k));
                exact.add(exactCase(patterns.get(p), k) ? k : null);
                owners.add(p);
                lengths.add(k.length());
            }
        }
        this.automaton = new KeywordAutomaton(perKeyword);
        this.keywordPattern = owners.stream().mapToInt(Integer::intValue).toArray();
        this.keywordLength = lengths.stream().mapToInt(Integer::intValue).toArray();
        this.keywordExact = exact.toArray(new String[0]);
        this.problem = problem;
    }

    /**
     * Whether a keyword hit can only lead to a match in the keyword's own letter case: the regex is case-sensitive
     * (no {@code (?i)}, no flag) and spells the keyword literally. The automaton finds keywords in any case, so
     * {@code async} hits {@code YC} and {@code eyj} hits {@code eyJ}; such hits then skip the regex.
     */
    static boolean exactCase(TokenPattern pattern, String keyword) {
        if (pattern.regex() == null || (pattern.regex().flags() & Pattern.CASE_INSENSITIVE) != 0) {
            return false;
        }
        String source = pattern.regex().pattern();
        return !source.contains("(?i") && source.contains(keyword)
                && !keyword.toLowerCase(Locale.ROOT).equals(keyword.toUpperCase(Locale.ROOT));
    }

    private static boolean sameCase(CharSequence text, int start, String keyword) {
        for (int i = 0; i < keyword.length(); i++) {
            if (text.charAt(start + i) != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static TokenCatalog builtIn() {
        TokenCatalog c = builtIn;
        if (c == null) {
            try (InputStream in = TokenCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                c = new TokenCatalog(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE), null);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE, e);
            }
            builtIn = c;
        }
        return c;
    }

    /** The catalog for an audit: built-ins plus the user's file, if the option names one. */
    public static TokenCatalog of(AuditContext context) {
        return context.model(TokenCatalog.class, ctx -> {
            String option = ctx.config().optionOr(OPTION, "").trim();
            if (option.isEmpty()) {
                return builtIn();
            }
            Path file = ctx.workspace().root().resolve(option);
            try {
                String text = io.samokoder.engine.BoundedFiles.readString(file, ctx.config().maxFileSize(),
                        ctx.workspace().root());
                return extend(builtIn(), parse(text, option));
            } catch (IOException e) {
                return new TokenCatalog(builtIn().patterns, OPTION + " " + option + " cannot be read: "
                        + io.samokoder.engine.BoundedFiles.reason(e));
            } catch (IllegalArgumentException e) {
                return new TokenCatalog(builtIn().patterns, OPTION + " " + option + ": " + e.getMessage());
            }
        });
    }

    /** A catalog of the built-ins with the given user entries applied. */
    static TokenCatalog extend(TokenCatalog base, List<TokenPattern> user) {
        Map<String, TokenPattern> byId = new LinkedHashMap<>();
        base.patterns.forEach(p -> byId.put(p.id(), p));
        for (TokenPattern p : user) {
            if (p.regex() == null) {
                byId.remove(p.id());
            } else {
                byId.put(p.id(), p);
            }
        }
        return new TokenCatalog(new ArrayList<>(byId.values()), null);
    }

    public static TokenCatalog fromYaml(String text) {
        return new TokenCatalog(parse(text, "patterns"), null);
    }

    public List<TokenPattern> patterns() {
        return patterns;
    }

    /** Why the user's table could not be used (the built-ins are used instead), or null. */
    public String problem() {
        return problem;
    }

    /**
     * Parses the table. Entries with {@code enabled: false} come back with a null regex (a removal marker).
     *
     * @throws IllegalArgumentException with a message naming the entry when the table is malformed
     */
    static List<TokenPattern> parse(String text, String source) {
        // the engine's loader, not snakeyaml's Yaml facade: the facade's constructor and representer classes cost a
        // cold JVM (Maven's) about 60 ms, and the loader's are loaded for the compose files anyway
        YamlDocument doc = YamlLoader.load(source, text);
        if (!doc.problems().isEmpty()) {
            YamlProblem p = doc.problems().get(0);
            throw new IllegalArgumentException("not valid YAML: line " + p.line() + ": " + p.message());
        }
        Object root = doc.root().map(n -> plain(n, 0)).orElse(null);
        if (!(root instanceof Map<?, ?> map) || !(map.get("patterns") instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a top-level 'patterns:' list");
        }
        List<TokenPattern> out = new ArrayList<>();
        int index = 0;
        for (Object item : list) {
            index++;
            if (!(item instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException("pattern #" + index + " is not a mapping");
            }
            String id = string(entry.get("id"));
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,80}")) {
                throw new IllegalArgumentException("pattern #" + index + " needs an id in kebab-case");
            }
            if (Boolean.FALSE.equals(entry.get("enabled"))) {
                out.add(new TokenPattern(id, "", null, 0, List.of(), 0, 0, TokenPattern.Anchor.WINDOW, null));
                continue;
            }
            String regex = string(entry.get("regex"));
            if (regex == null || regex.isEmpty()) {
                throw new IllegalArgumentException("pattern " + id + " has no regex");
            }
            Pattern compiled;
            try {
                compiled = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pattern " + id + " has an invalid regex: " + e.getDescription());
            }
            List<String> keywords = new ArrayList<>();
            if (entry.get("keywords") instanceof List<?> kws) {
                for (Object k : kws) {
                    String s = string(k);
                    if (s != null && !s.isEmpty()) {
                        if (!s.chars().allMatch(c -> c >= 32 && c < 127)) {
                            throw new IllegalArgumentException("pattern " + id + ": keyword '" + s + "' must be printable ASCII");
                        }
                        keywords.add(s.toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (keywords.isEmpty()) {
                throw new IllegalArgumentException("pattern " + id + " needs at least one keyword (the regex only runs near one)");
            }
            int groups = compiled.matcher("").groupCount();
            int group = entry.get("group") instanceof Number n ? n.intValue() : (groups >= 1 ? 1 : 0);
            if (group < 0 || group > groups) {
                throw new IllegalArgumentException("pattern " + id + " has no group " + group);
            }
            double entropy = entry.get("entropy") instanceof Number n ? n.doubleValue() : 0;
            int window = entry.get("window") instanceof Number n ? Math.max(16, n.intValue()) : DEFAULT_WINDOW;
            String description = string(entry.get("description"));
            String anchor = string(entry.get("anchor"));
            TokenPattern.Anchor mode;
            if (anchor == null || anchor.equals("window")) {
                mode = TokenPattern.Anchor.WINDOW;
            } else if (anchor.equals("start")) {
                mode = TokenPattern.Anchor.START;
            } else {
                throw new IllegalArgumentException("pattern " + id + ": anchor must be 'start' or 'window'");
            }
            String requires = string(entry.get("requires"));
            if (requires != null && (requires.isEmpty() || mode != TokenPattern.Anchor.START
                    || requires.chars().anyMatch(Character::isWhitespace))) {
                throw new IllegalArgumentException("pattern " + id
                        + ": requires must be a literal without whitespace, on a pattern with anchor: start");
            }
            out.add(new TokenPattern(id, description == null || description.isBlank() ? id : description, compiled,
                    group, List.copyOf(keywords), entropy, window, mode, requires));
        }
        return out;
    }

    /** A node as the plain values a YAML 1.1 loader gives: maps, lists, strings, numbers, booleans and null. */
    private static Object plain(Node node, int depth) {
        if (depth > YamlLoader.MAX_DEPTH) {
            throw new IllegalArgumentException("nesting deeper than " + YamlLoader.MAX_DEPTH);
        }
        if (node instanceof MappingNode) {
            Map<String, Object> map = new LinkedHashMap<>();
            YamlDocument.mapping(node).forEach((k, v) -> map.put(k, plain(v, depth + 1)));
            return map;
        }
        if (node instanceof SequenceNode) {
            List<Object> list = new ArrayList<>();
            YamlDocument.sequence(node).forEach(item -> list.add(plain(item, depth + 1)));
            return list;
        }
        if (!(node instanceof ScalarNode scalar)) {
            return null;
        }
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                String v = value.toLowerCase(Locale.ROOT);
                return v.equals("true") || v.equals("yes") || v.equals("on");
            }
            if (Tag.INT.equals(tag)) {
                return Long.parseLong(value.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(value.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return value; // 0x1F, 1:30, .inf: kept as text, so a numeric field given one keeps its default
        }
        return value;
    }

    /**
     * The {@code requires} test of one pattern over one text: whether its literal starts at or after a hit, before
     * the next whitespace and inside the window. Hits come in order, so both positions it looks for only move
     * forward and the text is read about once per pattern, whatever the hits (a 1 MB line of {@code ://} and token
     * characters has a hit every few characters). Checking the literal costs far less than trying a regex: "://"
     * hits every URL of a tree, and few hold a password.
     */
    static final class Gate {
        private final String literal;
        /** Where the literal was found at or after an earlier hit, or -1. */
        private int literalAt = -1;
        /** No literal starts in [an earlier hit, this): read once, never again. */
        private int scannedTo;
        private int spaceAt = -1;

        /** The literal's characters in lower and upper case when it is ASCII, else null. */
        private final byte[] literalLower;
        private final byte[] literalUpper;

        Gate(String literal) {
            this.literal = literal;
            boolean ascii = literal.chars().allMatch(c -> c < 0x80);
            this.literalLower = ascii ? literal.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)
                    : null;
            this.literalUpper = ascii ? literal.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)
                    : null;
        }

        /** For hits in order of {@code from}: whether the literal occurs in {@code [from, limit)} before a space. */
        boolean opens(CharSequence text, int from, int limit) {
            if (spaceAt < from) {
                spaceAt = from;
                while (spaceAt < text.length() && !isSpace(text.charAt(spaceAt))) {
                    spaceAt++;
                }
            }
            int bound = Math.min(spaceAt, limit - literal.length() + 1);
            if (literalAt < from) {
                // only as far as this hit's space or window: the text beyond is read when a later hit needs it
                int at = indexOf(text, literal, Math.max(from, scannedTo), bound);
                if (at < 0) {
                    scannedTo = Math.max(scannedTo, bound);
                    return false;
                }
                literalAt = at;
            }
            return literalAt < bound;
        }

        /**
         * {@link #opens(CharSequence, int, int)}, over the first {@code n} bytes of the text when it is ASCII and they
         * are at hand: the same test without a {@code charAt} call a character (the gates' time halved). Without
         * bytes, or for a literal outside ASCII (a user's), the character test.
         */
        boolean opens(CharSequence chars, byte[] text, int n, int from, int limit) {
            if (text == null || literalLower == null) {
                return opens(chars, from, limit);
            }
            if (spaceAt < from) {
                spaceAt = from;
                while (spaceAt < n && !isSpace(text[spaceAt])) {
                    spaceAt++;
                }
            }
            int bound = Math.min(spaceAt, limit - literalLower.length + 1);
            if (literalAt < from) {
                int at = indexOf(text, literalLower, literalUpper, Math.max(from, scannedTo), bound);
                if (at < 0) {
                    scannedTo = Math.max(scannedTo, bound);
                    return false;
                }
                literalAt = at;
            }
            return literalAt < bound;
        }

        private static int indexOf(byte[] text, byte[] lower, byte[] upper, int from, int bound) {
            byte l0 = lower[0];
            byte u0 = upper[0];
            outer:
            for (int i = from; i < bound; i++) {
                byte c = text[i];
                if (c != l0 && c != u0) {
                    continue;
                }
                for (int k = 1; k < lower.length; k++) {
                    byte b = text[i + k];
                    if (b != lower[k] && b != upper[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static boolean isSpace(byte c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
        }

        /** Case-insensitive: as sound a test for a regex's case-sensitive literal as for its {@code (?i:…)} one. */
        private static int indexOf(CharSequence text, String literal, int from, int bound) {
            char lower = Character.toLowerCase(literal.charAt(0));
            char upper = Character.toUpperCase(literal.charAt(0));
            for (int i = from; i < bound; i++) {
                char c = text.charAt(i);
                if ((c == lower || c == upper) && regionEqualsIgnoreCase(text, i, literal)) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean regionEqualsIgnoreCase(CharSequence text, int at, String literal) {
            for (int k = 1; k < literal.length(); k++) {
                char a = text.charAt(at + k);
                char b = literal.charAt(k);
                if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
        }
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    /** Whether a value holds a token of one of the formats. */
    public boolean matchesAny(String value) {
        return !scan(value).isEmpty();
    }

    /**
     * Every token in the text, in order of position; overlapping matches keep the earlier table entry. One automaton
     * pass finds keyword hits; {@code start}-anchored patterns try their regex once at each hit ({@code lookingAt}),
     * {@code window} patterns search merged windows around their hits. Both are linear in the text for linear
     * regexes: windows never overlap, attempts are bounded by the pattern's window.
     */
    public List<Match> scan(CharSequence text) {
        return scan(text, null);
    }

    /**
     * {@link #scan(CharSequence)} of a text whose bytes are at hand.
     *
     * @param ascii the text's characters as bytes, one to one (at least {@code text.length()} of them), or null
     */
    public List<Match> scan(CharSequence text, byte[] ascii) {
        int n = text.length();
        int count = patterns.size();
        int[] openStart = new int[count];
        int[] openEnd = new int[count];
        Arrays.fill(openEnd, -1);
        int[] lastStart = new int[count];
        Arrays.fill(lastStart, -1);
        int[] matchedTo = new int[count];
        Matcher[] matchers = new Matcher[count];
        Gate[] gates = new Gate[count];
        List<List<int[]>> windows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            windows.add(null);
        }
        List<Match> found = new ArrayList<>();
        KeywordAutomaton.Occurrences hits = ascii != null ? automaton.scan(ascii, n) : automaton.scan(text);
        for (int h = 0; h < hits.size(); h++) {
            int k = hits.pattern(h);
            int end = hits.end(h);
            if (keywordExact[k] != null && !sameCase(text, end - keywordLength[k], keywordExact[k])) {
                continue;
            }
            int p = keywordPattern[k];
            TokenPattern pattern = patterns.get(p);
            if (pattern.anchor() == TokenPattern.Anchor.START) {
                int start = end - keywordLength[k];
                if (start == lastStart[p] || start < matchedTo[p]) {
                    continue;
                }
                int limit = (int) Math.min(n, (long) start + pattern.window());
                if (pattern.requires() != null) {
                    if (gates[p] == null) {
                        gates[p] = new Gate(pattern.requires());
                    }
                    if (!gates[p].opens(text, ascii, n, end, limit)) {
                        continue;
                    }
                }
                lastStart[p] = start;
                Matcher m = matcher(matchers, p, text);
                m.region(start, limit);
                if (m.lookingAt()) {
                    matchedTo[p] = m.end();
                    accept(pattern, m, text, found);
                }
                continue;
            }
            int s = Math.max(0, end - LOOK_BACK);
            int e = (int) Math.min(n, (long) end + pattern.window());
            if (openEnd[p] >= 0 && s <= openEnd[p]) {
                openEnd[p] = Math.max(openEnd[p], e);
                continue;
            }
            if (openEnd[p] >= 0) {
                if (windows.get(p) == null) {
                    windows.set(p, new ArrayList<>());
                }
                windows.get(p).add(new int[] {openStart[p], openEnd[p]});
            }
            openStart[p] = s;
            openEnd[p] = e;
        }
        for (int p = 0; p < count; p++) {
            if (openEnd[p] < 0) {
                continue;
            }
            if (windows.get(p) == null) {
                windows.set(p, new ArrayList<>());
            }
            windows.get(p).add(new int[] {openStart[p], openEnd[p]});
            TokenPattern pattern = patterns.get(p);
            Matcher m = matcher(matchers, p, text);
            for (int[] w : windows.get(p)) {
                m.region(w[0], w[1]);
                while (m.find()) {
                    accept(pattern, m, text, found);
                }
            }
        }
        found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(patterns.indexOf(a.pattern()), patterns.indexOf(b.pattern())));
        List<Match> kept = new ArrayList<>(found.size());
        int keptTo = -1;
        for (Match m : found) {
            if (m.start() >= keptTo) {
                kept.add(m);
                keptTo = m.end();
            }
        }
        return kept;
    }

    private Matcher matcher(Matcher[] matchers, int p, CharSequence text) {
        Matcher m = matchers[p];
        if (m == null) {
            m = patterns.get(p).regex().matcher(text);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            matchers[p] = m;
        }
        return m;
    }

    private static void accept(TokenPattern pattern, Matcher m, CharSequence text, List<Match> found) {
        int gs = m.start(pattern.group());
        int ge = m.end(pattern.group());
        if (gs < 0) {
            return;
        }
        String secret = text.subSequence(gs, ge).toString();
        if (Entropy.shannon(secret) >= pattern.entropy() && !looksLikePlaceholder(secret)) {
            // a block (private key) is located at its first line, where gitleaks and secretlint put it too
            int at = gs;
            for (int i = m.start(); i < gs; i++) {
                if (text.charAt(i) == '\n') {
                    at = m.start();
                    break;
                }
            }
            found.add(new Match(pattern, gs, ge, secret, at));
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)example|sample|dummy|placeholder|redacted|xxxxx|\\*\\*\\*|your[_-]|<[a-z_-]+>|\\.\\.\\.|(.)\\1{7}");

    /** Documentation-style fake tokens: {@code AKIAIOSFODNN7EXAMPLE}, {@code ghp_xxxxxxxx…}, {@code sk-...}. */
    static boolean looksLikePlaceholder(String secret) {
        return PLACEHOLDER.matcher(secret).find();
    }
}
