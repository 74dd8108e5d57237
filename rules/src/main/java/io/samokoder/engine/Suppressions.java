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
            throw new AuditException("suppressions file " + file + ":" + p.line() + ": " + p.message());
        }
        List<Entry> entries = new ArrayList<>();
        if (doc.root().isEmpty()) {
            return new Suppressions(file, entries);
        }
        Node list = doc.rootMapping().get("suppressions");
        if (list == null) {
            throw new AuditException("suppressions file " + file + ": expected a top-level 'suppressions:' list");
        }
        for (Node item : YamlDocument.sequence(list)) {
            Map<String, Node> m = YamlDocument.mapping(item);
            int at = YamlDocument.line(item);
            String rule = m.containsKey("rule") ? YamlDocument.scalar(m.get("rule")).orElse("") : "";
            String reason = m.containsKey("reason") ? YamlDocument.scalar(m.get("reason")).orElse("") : "";
            if (rule.isBlank()) {
                throw new AuditException("suppressions file " + file + ":" + at + ": entry needs a 'rule'");
            }
            if (reason.isBlank()) {
                throw new AuditException("suppressions file " + file + ":" + at + ": entry for " + rule
                        + " needs a 'reason'");
            }
            String path = m.containsKey("path") ? YamlDocument.scalar(m.get("path")).orElse("") : "";
            int line = 0;
            if (m.containsKey("line")) {
                String l = YamlDocument.scalar(m.get("line")).orElse("");
                try {
                    line = Integer.parseInt(l.trim());
                } catch (NumberFormatException e) {
                    throw new AuditException("suppressions file " + file + ":" + at + ": 'line' is not a number: " + l);
                }
            }
            entries.add(new Entry(rule.strip(), path.isBlank() ? null : new FastIgnoreRule(path), path, line, reason,
                    at));
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
                errors.add("suppressions file " + file + ":" + e.at() + ": unknown rule id '" + e.rule() + "'"
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
