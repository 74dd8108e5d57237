package io.samokoder.run;

import io.samokoder.engine.AuditException;
import io.samokoder.engine.BoundedFiles;
import io.samokoder.engine.Category;
import io.samokoder.engine.LineEscape;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;
import io.samokoder.engine.Suggestions;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.engine.yaml.YamlProblem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project's own settings, {@code .samokoder.yml} at the audited root, read into a {@link Source} that ranks below
 * the adapters' settings ({@link AuditService}):
 *
 * <pre>
 * minScore: 80                 # 0-100
 * failOnSeverity: high         # critical, high, medium, low, info
 * failOnViolation: true
 * locale: ru                   # en, ru: language of the audit report
 * excludes: [/expected.json, vendor/]   # .gitignore syntax
 * weights: {secrets: 3, docs: 0.5}
 * rules:
 *   docs/broken-external-link: off      # on / off (true / false)
 *   config/invalid-yaml: medium         # a severity
 *   secrets/weak-value: {enabled: true, severity: low}
 * options:                              # rule options (docs/rules.md): a value, or a list for list options
 *   docs.online: false
 *   secrets.localPaths: [deploy/dev/**]
 * baseline: .samokoder-baseline.json    # relative to the root, inside it
 * suppressions: .samokoder-suppressions.yml
 * </pre>
 *
 * Errors are one line each, with the line number: unknown keys (with a "did you mean"), wrong types, unknown rule ids
 * and categories. Option keys and values are checked with every other source's, against the rules' declarations.
 */
public final class ConfigFile {

    public static final String NAME = ".samokoder.yml";

    private static final List<String> KEYS = List.of("minScore", "failOnSeverity", "failOnViolation", "locale",
            "excludes", "weights", "rules", "secrets", "options", "baseline", "suppressions");
    private static final List<String> SECRETS_KEYS = List.of("allowValues");
    /** The option {@code secrets: {allowValues: [...]}} sets: regexes of values the secrets checks never report. */
    public static final String ALLOW_VALUES_OPTION = "secrets.allowValues";
    private static final List<String> RULE_KEYS = List.of("enabled", "severity");

    private final String name;
    private final Path root;
    private final Node rootNode;
    private final Map<String, Node> map;
    private final List<String> errors = new ArrayList<>();
    /** Setting (as {@link Source#where} names it) to the line it is on. */
    private final Map<String, Integer> lines = new HashMap<>();

    private ConfigFile(String name, Path root, Node rootNode, Map<String, Node> map) {
        this.name = name;
        this.root = root;
        this.rootNode = rootNode;
        this.map = map;
    }

    /**
     * The settings of {@code file}, whose relative paths resolve against {@code root}. Throws an
     * {@link AuditException} listing every problem, one per line.
     */
    public static Source read(Path file, Path root, Collection<RuleMeta> knownRules) {
        String text;
        try {
            text = BoundedFiles.readString(file, Workspace.DEFAULT_MAX_FILE_SIZE, root);
        } catch (IOException e) {
            throw new AuditException("cannot read " + LineEscape.visible(file.toString()) + ": "
                    + BoundedFiles.reason(e));
        }
        return parse(file.getFileName().toString(), text, root).source(knownRules);
    }

    static ConfigFile parse(String name, String text, Path root) {
        YamlDocument doc = YamlLoader.load(name, text);
        if (!doc.problems().isEmpty()) {
            YamlProblem p = doc.problems().get(0);
            throw new AuditException(name + ":" + p.line() + ": " + p.message());
        }
        Optional<Node> rootNode = doc.root();
        if (rootNode.isEmpty() || YamlDocument.isNull(rootNode.get())) {
            return new ConfigFile(name, root, null, Map.of());
        }
        if (!(rootNode.get() instanceof MappingNode)) {
            throw new AuditException(name + ":" + YamlDocument.line(rootNode.get())
                    + ": the configuration must be a mapping of settings (minScore, rules, excludes, ...)");
        }
        return new ConfigFile(name, root, rootNode.get(), YamlDocument.mapping(rootNode.get()));
    }

    private Source source(Collection<RuleMeta> knownRules) {
        Settings.Builder b = Settings.builder();
        Map<String, Node> keys = YamlDocument.mappingKeys(rootNode);
        for (Map.Entry<String, Node> e : map.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                error(keys.getOrDefault(e.getKey(), e.getValue()), "unknown key '" + e.getKey() + "'"
                        + Suggestions.didYouMean(e.getKey(), KEYS) + " (known: " + String.join(", ", KEYS) + ")");
            } else {
                lines.put(e.getKey(), YamlDocument.line(keys.getOrDefault(e.getKey(), e.getValue())));
            }
        }
        integer("minScore", 0, 100).ifPresent(b::minScore);
        enumValue("failOnSeverity").ifPresent(v -> {
            try {
                b.failOnSeverity(Severity.parse(v.value));
            } catch (IllegalArgumentException ex) {
                error(v.node, "failOnSeverity: " + ex.getMessage());
            }
        });
        bool("failOnViolation", map.get("failOnViolation")).ifPresent(b::failOnViolation);
        enumValue("locale").ifPresent(v -> {
            String lang = v.value.trim().toLowerCase(Locale.ROOT);
            if (!lang.equals("en") && !lang.equals("ru")) {
                error(v.node, "locale must be en or ru, got '" + v.value + "'");
            } else {
                b.locale(Locale.forLanguageTag(lang));
            }
        });
        if (map.containsKey("excludes") && !YamlDocument.isNull(map.get("excludes"))) {
            b.excludes(strings("excludes", map.get("excludes")));
        }
        weights(b);
        rules(b, knownRules);
        secrets(b);
        options(b);
        path("baseline").ifPresent(b::baseline);
        path("suppressions").ifPresent(b::suppressions);
        if (!errors.isEmpty()) {
            throw new AuditException(errors.size() == 1 ? errors.get(0)
                    : errors.size() + " problems in " + name + ":\n  " + String.join("\n  ", errors));
        }
        Map<String, Integer> at = Map.copyOf(lines);
        return new Source(b.build(), setting -> {
            Integer line = at.getOrDefault(setting, at.get(Source.base(setting)));
            return name + (line == null || line <= 0 ? "" : ":" + line);
        });
    }

    private record Value(String value, Node node) {
    }

    private void error(Node node, String message) {
        int line = YamlDocument.line(node);
        errors.add(name + (line > 0 ? ":" + line : "") + ": " + message);
    }

    private Optional<Integer> integer(String key, int min, int max) {
        Node n = map.get(key);
        if (n == null || YamlDocument.isNull(n)) {
            return Optional.empty();
        }
        String s = YamlDocument.scalar(n).orElse(null);
        try {
            int v = Integer.parseInt(s == null ? "" : s.trim());
            if (v < min || v > max) {
                error(n, key + " must be between " + min + " and " + max + ", got " + v);
                return Optional.empty();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            error(n, key + " must be an integer between " + min + " and " + max + ", got " + describe(n));
            return Optional.empty();
        }
    }

    private Optional<Value> enumValue(String key) {
        Node n = map.get(key);
        if (n == null || YamlDocument.isNull(n)) {
            return Optional.empty();
        }
        if (!(n instanceof ScalarNode s)) {
            error(n, key + " must be a single value, got " + describe(n));
            return Optional.empty();
        }
        return Optional.of(new Value(s.getValue(), n));
    }

    private Optional<Boolean> bool(String key, Node n) {
        if (n == null || YamlDocument.isNull(n)) {
            return Optional.empty();
        }
        String s = YamlDocument.scalar(n).orElse("").trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "true", "on", "yes":
                return Optional.of(true);
            case "false", "off", "no":
                return Optional.of(false);
            default:
                error(n, key + " must be true or false, got " + describe(n));
                return Optional.empty();
        }
    }

    /** A scalar or a list of non-empty scalars. */
    private List<String> strings(String key, Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            out.add(s.getValue());
            return out;
        }
        if (!(n instanceof SequenceNode)) {
            error(n, key + " must be a value or a list, got " + describe(n));
            return out;
        }
        for (Node item : YamlDocument.sequence(n)) {
            Optional<String> s = YamlDocument.scalar(item);
            if (s.isEmpty() || s.get().isBlank()) {
                error(item, key + " entries must be non-empty strings, got " + describe(item));
            } else {
                out.add(s.get());
            }
        }
        return out;
    }

    /** A path inside the root: the repository's own file must not make the audit read or write elsewhere. */
    private Optional<Path> path(String key) {
        Optional<Value> v = enumValue(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get().value.isBlank()) {
            error(v.get().node, key + " must be a path");
            return Optional.empty();
        }
        Path base = root.toAbsolutePath().normalize();
        Path p;
        try {
            p = base.resolve(v.get().value.strip()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            error(v.get().node, key + " is not a path: '" + v.get().value + "'");
            return Optional.empty();
        }
        if (!p.startsWith(base)) {
            error(v.get().node, key + " must be a path inside the repository, got '" + v.get().value + "'");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /**
     * {@code secrets: {allowValues: [regex, ...]}}, the allowlist as gitleaks and secretlint spell it: the same as
     * {@code options: {secrets.allowValues: [...]}}, validated (each regex compiles) where every option is.
     */
    private void secrets(Settings.Builder b) {
        Node n = map.get("secrets");
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (!(n instanceof MappingNode)) {
            error(n, "secrets must be a mapping, e.g. {allowValues: ['^dummy-']}, got " + describe(n));
            return;
        }
        Map<String, Node> keys = YamlDocument.mappingKeys(n);
        for (Map.Entry<String, Node> e : YamlDocument.mapping(n).entrySet()) {
            if (!SECRETS_KEYS.contains(e.getKey())) {
                error(keys.getOrDefault(e.getKey(), e.getValue()), "unknown key '" + e.getKey() + "' under secrets"
                        + Suggestions.didYouMean(e.getKey(), SECRETS_KEYS) + " (known: allowValues)");
            } else if (!YamlDocument.isNull(e.getValue())) {
                b.option(ALLOW_VALUES_OPTION, strings("secrets.allowValues", e.getValue()));
                lines.put("options." + ALLOW_VALUES_OPTION,
                        YamlDocument.line(keys.getOrDefault(e.getKey(), e.getValue())));
            }
        }
    }

    private void weights(Settings.Builder b) {
        Node n = map.get("weights");
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (!(n instanceof MappingNode)) {
            error(n, "weights must map categories to numbers, e.g. {secrets: 3}, got " + describe(n));
            return;
        }
        Map<String, Node> keys = YamlDocument.mappingKeys(n);
        for (Map.Entry<String, Node> e : YamlDocument.mapping(n).entrySet()) {
            Category c;
            try {
                c = Category.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                error(e.getValue(), "weights: " + ex.getMessage());
                continue;
            }
            String s = YamlDocument.scalar(e.getValue()).orElse("");
            double w;
            try {
                w = Double.parseDouble(s.trim());
            } catch (NumberFormatException ex) {
                error(e.getValue(), "weight of " + c.id() + " must be a number, got " + describe(e.getValue()));
                continue;
            }
            if (w < 0 || Double.isNaN(w) || Double.isInfinite(w)) {
                error(e.getValue(), "weight of " + c.id() + " must be a non-negative number, got " + s);
                continue;
            }
            b.weight(c, w);
            lines.put("weights." + c.id(), YamlDocument.line(keys.getOrDefault(e.getKey(), e.getValue())));
        }
    }

    private void rules(Settings.Builder b, Collection<RuleMeta> knownRules) {
        Node n = map.get("rules");
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (!(n instanceof MappingNode)) {
            error(n, "rules must map rule ids to on/off, a severity or {enabled, severity}, got " + describe(n));
            return;
        }
        Set<String> ids = new TreeSet<>();
        knownRules.forEach(m -> ids.add(m.id()));
        Map<String, Node> keys = YamlDocument.mappingKeys(n);
        List<String> disabled = new ArrayList<>();
        boolean switched = false;
        for (Map.Entry<String, Node> e : YamlDocument.mapping(n).entrySet()) {
            String id = e.getKey();
            Node v = e.getValue();
            if (!ids.contains(id)) {
                error(v, "unknown rule id '" + id + "'" + Suggestions.didYouMean(id, ids));
                continue;
            }
            lines.put("rules." + id, YamlDocument.line(keys.getOrDefault(id, v)));
            Boolean enabled = null;
            String severity = null;
            if (v instanceof ScalarNode s) {
                String t = s.getValue().trim().toLowerCase(Locale.ROOT);
                if (Set.of("true", "false", "on", "off", "yes", "no").contains(t)) {
                    enabled = bool("rules." + id, v).orElse(null);
                } else {
                    severity = t;
                }
            } else if (v instanceof MappingNode) {
                Map<String, Node> m = YamlDocument.mapping(v);
                for (String k : m.keySet()) {
                    if (!RULE_KEYS.contains(k)) {
                        error(m.get(k), "unknown key '" + k + "' for rule " + id
                                + Suggestions.didYouMean(k, RULE_KEYS) + " (known: enabled, severity)");
                    }
                }
                if (m.containsKey("enabled")) {
                    enabled = bool("rules." + id + ".enabled", m.get("enabled")).orElse(null);
                }
                if (m.containsKey("severity")) {
                    severity = YamlDocument.scalar(m.get("severity")).orElse("").trim();
                    v = m.get("severity");
                }
            } else {
                error(v, "rules." + id + " must be on/off, a severity or {enabled, severity}, got " + describe(v));
                continue;
            }
            if (enabled != null) {
                switched = true;
                if (!enabled) {
                    disabled.add(id);
                }
            }
            if (severity != null) {
                try {
                    b.severity(id, Severity.parse(severity));
                } catch (IllegalArgumentException ex) {
                    error(v, "rules." + id + ": " + ex.getMessage() + " or on/off");
                }
            }
        }
        if (switched) { // the rules turned off here are one setting, as --disable and disabledRules are
            b.disabledRules(disabled);
            lines.put("disabledRules", YamlDocument.line(YamlDocument.mappingKeys(rootNode).getOrDefault("rules", n)));
        }
    }

    private void options(Settings.Builder b) {
        Node n = map.get("options");
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (!(n instanceof MappingNode)) {
            error(n, "options must map option keys to values, got " + describe(n));
            return;
        }
        Map<String, Node> keys = YamlDocument.mappingKeys(n);
        for (Map.Entry<String, Node> e : YamlDocument.mapping(n).entrySet()) {
            Node v = e.getValue();
            if (v instanceof MappingNode || YamlDocument.isNull(v)) {
                error(v, "option " + e.getKey() + " must be a value or a list of values, got " + describe(v));
                continue;
            }
            b.option(e.getKey(), strings("option " + e.getKey(), v));
            lines.put("options." + e.getKey(), YamlDocument.line(keys.getOrDefault(e.getKey(), v)));
        }
    }

    private static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        return "nothing";
    }
}
