package io.samokoder.engine;

import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.engine.yaml.YamlProblem;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern INLINE = Pattern.compile("samokoder:ignore\\s+([A-Za-z0-9*_./-]+)(?:[ \\t]+([^\\r\\n]*?))?\\s*(?:-->|\\*/)?\\s*$",
            Pattern.MULTILINE);

    record Entry(String rule, FastIgnoreRule path, String pathText, int line, String reason) {
    }

    private final List<Entry> entries;

    private Suppressions(List<Entry> entries) {
        this.entries = entries;
    }

    public static Suppressions none() {
        return new Suppressions(List.of());
    }

    /** Loads the file; a malformed file is a fatal configuration error with one clear line. */
    public static Suppressions load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AuditException("cannot read suppressions file " + file + ": " + e.getMessage());
        }
        YamlDocument doc = YamlLoader.load(file.toString(), text);
        if (!doc.problems().isEmpty()) {
            YamlProblem p = doc.problems().get(0);
            throw new AuditException("suppressions file " + file + ":" + p.line() + ": " + p.message());
        }
        List<Entry> entries = new ArrayList<>();
        if (doc.root().isEmpty()) {
            return new Suppressions(entries);
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
            entries.add(new Entry(rule, path.isBlank() ? null : new FastIgnoreRule(path), path, line, reason));
        }
        return new Suppressions(entries);
    }

    /** The reason a finding is suppressed, if it is. */
    public Optional<String> reason(Finding f, Workspace workspace) {
        for (Entry e : entries) {
            if (ruleMatches(e.rule(), f.ruleId()) && (e.path() == null || e.path().isMatch(f.path(), false))
                    && (e.line() == 0 || e.line() == f.line())) {
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
            Matcher m = INLINE.matcher(text);
            while (m.find()) {
                if (ruleMatches(m.group(1), f.ruleId())) {
                    String reason = m.group(2) == null ? "" : m.group(2).trim();
                    return Optional.of(reason.isEmpty() ? "inline suppression" : reason);
                }
            }
        }
        return Optional.empty();
    }

    static boolean ruleMatches(String pattern, String ruleId) {
        if (pattern.equals("*") || pattern.equals(ruleId)) {
            return true;
        }
        return pattern.endsWith("/*") && ruleId.startsWith(pattern.substring(0, pattern.length() - 1));
    }
}
