package io.samokoder.engine;

import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.engine.yaml.YamlProblem;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings a team has decided to accept: inline {@code samokoder:ignore <rule-id> [reason]} comments on the finding's
 * line or the line above (any comment syntax), and entries of a suppressions file:
 *
 * <pre>
 * suppressions:
 *   - rule: secrets/weak-value      # a rule id, "category/*" or "*"
 *     path: docker-compose.dev.yml  # .gitignore-style pattern (optional)
 *     line: 12                      # optional
 *     reason: local development only
 * </pre>
 */
public final class Suppressions {

    public static final String DEFAULT_FILE = ".samokoder-suppressions.yml";
    static final String INLINE_MARKER = "samokoder:ignore";

    /** One entry of the file; {@code at} is its line there. */
    record Entry(String rule, FastIgnoreRule path, String pathText, int line, String reason, int at) {
    }

    private final Path file;
    private final List<Entry> entries;

    private Suppressions(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    public static Suppressions none() {
        return new Suppressions(null, List.of());
    }

    /** The file the entries come from; null for none. */
    Path file() {
        return file;
    }

    /** Loads the file; a malformed file is a fatal configuration error with one clear line. */
    public static Suppressions load(Path file) {
        return load(file, null, Workspace.DEFAULT_MAX_FILE_SIZE);
    }

    /**
     * Loads a regular file of at most {@code limit} bytes, read without following links when it lies inside
     * {@code auditedRoot} (null: the path is the CI owner's alone).
     */
    public static Suppressions load(Path file, Path auditedRoot, long limit) {
        String text;
        try {
            text = BoundedFiles.readString(file, limit, auditedRoot);
        } catch (IOException e) {
            throw new AuditException("cannot read suppressions file " + LineEscape.visible(file.toString()) + ": "
                    + BoundedFiles.reason(e));
        }
        YamlDocument doc = YamlLoader.load(file.toString(), text);
        if (!doc.problems().isEmpty()) {
            YamlProblem p = doc.problems().get(0);
            throw new AuditException("suppressions file " + LineEscape.visible(file.toString()) + ":" + p.line() + ": "
                    + LineEscape.visible(p.message()));
        }
        List<Entry> entries = new ArrayList<>();
        if (doc.root().isEmpty()) {
            return new Suppressions(file, entries);
        }
        String where = "suppressions file " + LineEscape.visible(file.toString());
        if (!(doc.root().get() instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            throw new AuditException(where + ":" + YamlDocument.line(doc.root().get())
                    + ": expected a mapping with a top-level 'suppressions:' list");
        }
        Node list = doc.rootMapping().get("suppressions");
        if (list == null) {
            throw new AuditException(where + ": expected a top-level 'suppressions:' list");
        }
        if (!(list instanceof org.yaml.snakeyaml.nodes.SequenceNode) && !YamlDocument.isNull(list)) {
            throw new AuditException(where + ":" + YamlDocument.line(list) + ": 'suppressions' must be a list of"
                    + " entries (rule, path, line, reason), not " + kind(list));
        }
        for (Node item : YamlDocument.sequence(list)) {
            int at = YamlDocument.line(item);
            if (!(item instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
                throw new AuditException(where + ":" + at + ": an entry must be a mapping (rule, path, line, reason),"
                        + " not " + kind(item));
            }
            Map<String, Node> m = YamlDocument.mapping(item);
            for (String key : m.keySet()) {
                if (!ENTRY_KEYS.contains(key)) {
                    throw new AuditException(where + ":" + at + ": unknown key '" + shown(key) + "' (known: "
                            + String.join(", ", ENTRY_KEYS) + ")");
                }
            }
            String rule = text(m, "rule", where, at);
            String reason = text(m, "reason", where, at);
            if (rule.isBlank()) {
                throw new AuditException(where + ":" + at + ": entry needs a 'rule'");
            }
            if (!rule.strip().matches("\\*|[a-z]+/(\\*|[a-z0-9-]+)")) {
                throw new AuditException(where + ":" + at + ": 'rule' must be a rule id, 'category/*' or '*', not '"
                        + shown(rule) + "'");
            }
            if (reason.isBlank()) {
                throw new AuditException(where + ":" + at + ": entry for " + rule + " needs a 'reason'");
            }
            String path = text(m, "path", where, at);
            FastIgnoreRule pattern = path.isBlank() ? null : new FastIgnoreRule(path);
            if (pattern != null && pattern.isEmpty()) {
                throw new AuditException(where + ":" + at + ": 'path' is not a valid pattern (.gitignore syntax): '"
                        + shown(path) + "'");
            }
            int line = 0;
            if (m.containsKey("line")) {
                String l = text(m, "line", where, at);
                try {
                    line = Integer.parseInt(l.trim());
                } catch (NumberFormatException e) {
                    throw new AuditException(where + ":" + at + ": 'line' must be a line number (1 or more), not '"
                            + shown(l) + "'");
                }
                if (line < 1) {
                    throw new AuditException(where + ":" + at + ": 'line' must be a line number (1 or more), not "
                            + line);
                }
            }
            entries.add(new Entry(rule.strip(), pattern, path, line, reason, at));
        }
        return new Suppressions(file, entries);
    }

    /**
     * Fails on entries whose rule is no rule id, {@code category/*} or {@code *}: a misspelt id would suppress nothing
     * while its author believes the finding handled. All such entries in one message, each with a suggestion.
     */
    void checkRules(java.util.Collection<RuleMeta> known) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        known.forEach(m -> names.add(m.id()));
        for (Category c : Category.values()) {
            names.add(c.id() + "/*");
        }
        List<String> errors = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.rule().equals("*") && !names.contains(e.rule())) {
                errors.add("suppressions file " + LineEscape.visible(file.toString()) + ":" + e.at() + ": unknown rule id '"
                        + e.rule() + "'"
                        + Suggestions.didYouMean(e.rule(), names));
            }
        }
        if (!errors.isEmpty()) {
            throw new AuditException(String.join("\n", errors));
        }
    }

    /**
     * The entries no finding matched, among those at least one of whose rules ran (an entry for a rule that did not
     * run, such as the online link check, cannot be judged).
     */
    List<Entry> unused(List<Finding> findings, java.util.Collection<String> ranRules) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            boolean judged = ranRules.stream().anyMatch(id -> ruleMatches(e.rule(), id));
            if (judged && findings.stream().noneMatch(f -> matches(e, f))) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean matches(Entry e, Finding f) {
        return ruleMatches(e.rule(), f.ruleId()) && (e.path() == null || e.path().isMatch(f.path(), false))
                && (e.line() == 0 || e.line() == f.line());
    }

    private static final List<String> ENTRY_KEYS = List.of("rule", "path", "line", "reason");

    /** A setting's text; a list or mapping where text belongs is an error, not an empty value. */
    private static String text(Map<String, Node> m, String key, String where, int at) {
        Node n = m.get(key);
        if (n == null || YamlDocument.isNull(n)) {
            return "";
        }
        if (!(n instanceof org.yaml.snakeyaml.nodes.ScalarNode)) {
            throw new AuditException(where + ":" + at + ": '" + key + "' must be text, not " + kind(n));
        }
        return YamlDocument.scalar(n).orElse("");
    }

    private static String kind(Node n) {
        return n instanceof org.yaml.snakeyaml.nodes.SequenceNode ? "a list"
                : n instanceof org.yaml.snakeyaml.nodes.MappingNode ? "a mapping"
                : "'" + shown(YamlDocument.scalar(n).orElse("")) + "'";
    }

    /** A value of the file in an error message: one line, at most 80 characters. */
    private static String shown(String value) {
        String v = LineEscape.visible(value);
        return v.length() > 80 ? v.substring(0, 80) + "…" : v;
    }

    /** The reason a finding is suppressed, if it is. */
    public Optional<String> reason(Finding f, Workspace workspace) {
        for (Entry e : entries) {
            if (matches(e, f)) {
                return Optional.of(e.reason());
            }
        }
        return inline(f, workspace);
    }

    private static Optional<String> inline(Finding f, Workspace workspace) {
        Optional<SourceFile> file = workspace.file(f.path());
        if (file.isEmpty() || workspace.isBinary(file.get())) {
            return Optional.empty();
        }
        int line = Math.max(1, f.line());
        for (int n = line; n >= Math.max(1, line - 1); n--) {
            String text;
            try {
                text = file.get().line(n);
            } catch (java.io.UncheckedIOException e) {
                return Optional.empty();
            }
            if (!text.contains("samokoder:ignore")) {
                continue;
            }
            Optional<String[]> comment = parseInline(text);
            if (comment.isPresent() && ruleMatches(comment.get()[0], f.ruleId())) {
                String reason = comment.get()[1];
                return Optional.of(reason.isEmpty() ? "inline suppression" : reason);
            }
        }
        return Optional.empty();
    }

    /**
     * The rule pattern and reason of the first well-formed {@code samokoder:ignore <rule> [reason]} on a line, the
     * reason without a trailing comment closer ({@code -->}, {@code *}{@code /}). A linear scan: a regular expression
     * with a lazy reason between optional whitespace runs backtracked cubically on lines of spaces (5,000 spaces took
     * minutes), and a hostile file must not stall the audit.
     */
    static Optional<String[]> parseInline(String line) {
        // the end of the comment text, computed once: trailing whitespace, a comment closer, whitespace again
        int end = line.length();
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        if (line.startsWith("-->", end - 3)) {
            end -= 3;
        } else if (line.startsWith("*/", end - 2)) {
            end -= 2;
        }
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        int from = 0;
        while (true) {
            int at = line.indexOf(INLINE_MARKER, from);
            if (at < 0) {
                return Optional.empty();
            }
            from = at + INLINE_MARKER.length();
            int i = from;
            while (i < end && isSpace(line.charAt(i))) {
                i++;
            }
            if (i == from || i >= end) {
                continue; // "samokoder:ignorefoo" is not the marker; a marker needs a rule id
            }
            int idEnd = i;
            while (idEnd < end && isRuleChar(line.charAt(idEnd))) {
                idEnd++;
            }
            if (idEnd == i || idEnd < end && line.charAt(idEnd) != ' ' && line.charAt(idEnd) != '\t') {
                continue; // no rule id, or the id runs into other text
            }
            return Optional.of(new String[] {line.substring(i, idEnd), line.substring(idEnd, end).trim()});
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isRuleChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '*' || c == '_'
                || c == '.' || c == '/' || c == '-';
    }

    static boolean ruleMatches(String pattern, String ruleId) {
        if (pattern.equals("*") || pattern.equals(ruleId)) {
            return true;
        }
        return pattern.endsWith("/*") && ruleId.startsWith(pattern.substring(0, pattern.length() - 1));
    }
}
