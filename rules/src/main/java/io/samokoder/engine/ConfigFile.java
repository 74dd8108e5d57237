package io.samokoder.engine;

import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.engine.yaml.YamlProblem;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project's own settings, {@code .samokoder.yml} at the audited root:
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
 * localOnly: [.env.production]          # files that must never be committed (option secrets.localOnly)
 * secrets:
 *   allowValues: ['^dummy-', 'AKIA0{16}']  # regexes of values the secrets checks never report (secrets.allowValues)
 * options: {docs.online: "false"}       # rule options
 * baseline: .samokoder-baseline.json    # relative to the root
 * suppressions: .samokoder-suppressions.yml
 * </pre>
 *
 * Settings given explicitly to {@link AuditConfig} (Maven parameters, CLI options) win over the file; list and map
 * settings are merged, the explicit entry winning for the same key. Errors are one line each, with the line number:
 * unknown keys (with a "did you mean"), wrong types, unknown rule ids and categories.
 */
public final class ConfigFile {

    public static final String NAME = ".samokoder.yml";

    private static final List<String> KEYS = List.of("minScore", "failOnSeverity", "failOnViolation", "locale",
            "excludes", "weights", "rules", "localOnly", "secrets", "options", "baseline", "suppressions");
    private static final List<String> SECRETS_KEYS = List.of("allowValues");
    /** The option the secrets checks read the allowed values from: one regex per line. */
    public static final String ALLOW_VALUES_OPTION = "secrets.allowValues";
    private static final List<String> RULE_KEYS = List.of("enabled", "severity");
    /** The option the secrets checks read the local-only file patterns from (comma-separated, .gitignore syntax). */
    public static final String LOCAL_ONLY_OPTION = "secrets.localOnly";

    private final String name;
    private final Node rootNode;
    private final Map<String, Node> root;
    private final List<String> errors = new ArrayList<>();

    private ConfigFile(String name, Node rootNode, Map<String, Node> root) {
        this.name = name;
        this.rootNode = rootNode;
        this.root = root;
    }

    /**
     * Applies the configuration file (the one named in the config, else {@value #NAME} at the root when present)
     * under the settings given explicitly. Throws an {@link AuditException} listing every problem, one per line.
     */
    public static void applyTo(AuditConfig config, Collection<RuleMeta> knownRules) {
        if (config.configFileApplied()) {
            return;
        }
        config.markConfigFileApplied();
        Path file = config.configFile();
        boolean required = file != null;
        if (file == null) {
            if (config.root() == null || config.configFileDisabled()) {
                return;
            }
            file = config.root().resolve(NAME);
        }
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new AuditException("configuration file not found: " + file);
            }
            return;
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AuditException("cannot read " + file + ": " + e.getMessage());
        }
        parse(file.getFileName().toString(), text).apply(config, knownRules);
    }

    static ConfigFile parse(String name, String text) {
        YamlDocument doc = YamlLoader.load(name, text);
        if (!doc.problems().isEmpty()) {
            YamlProblem p = doc.problems().get(0);
            throw new AuditException(name + ":" + p.line() + ": " + p.message());
        }
        Optional<Node> rootNode = doc.root();
        if (rootNode.isEmpty() || YamlDocument.isNull(rootNode.get())) {
            return new ConfigFile(name, null, Map.of());
        }
        Map<String, Node> map = YamlDocument.mapping(rootNode.get());
        if (map.isEmpty() && !(rootNode.get() instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            throw new AuditException(name + ":" + YamlDocument.line(rootNode.get())
                    + ": the configuration must be a mapping of settings (minScore, rules, excludes, ...)");
        }
        return new ConfigFile(name, rootNode.get(), map);
    }

    private void apply(AuditConfig config, Collection<RuleMeta> knownRules) {
        Map<String, Node> keys = YamlDocument.mappingKeys(rootNode);
        for (Map.Entry<String, Node> e : root.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                error(keys.getOrDefault(e.getKey(), e.getValue()), "unknown key '" + e.getKey() + "'"
                        + suggest(e.getKey(), KEYS) + " (known: " + String.join(", ", KEYS) + ")");
            }
        }
        integer("minScore", 0, 100).ifPresent(v -> {
            if (!config.isExplicit("minScore")) {
                config.minScore(v);
                config.unmarkExplicit("minScore");
            }
        });
        enumValue("failOnSeverity").ifPresent(v -> {
            try {
                Severity s = Severity.parse(v.value);
                if (!config.isExplicit("failOnSeverity")) {
                    config.failOnSeverity(s);
                    config.unmarkExplicit("failOnSeverity");
                }
            } catch (IllegalArgumentException ex) {
                error(v.node, "failOnSeverity: " + ex.getMessage());
            }
        });
        bool("failOnViolation", root.get("failOnViolation")).ifPresent(v -> {
            if (!config.isExplicit("failOnViolation")) {
                config.failOnViolation(v);
                config.unmarkExplicit("failOnViolation");
            }
        });
        enumValue("locale").ifPresent(v -> {
            String lang = v.value.trim().toLowerCase(Locale.ROOT);
            if (!lang.equals("en") && !lang.equals("ru")) {
                error(v.node, "locale must be en or ru, got '" + v.value + "'");
            } else if (!config.isExplicit("locale")) {
                config.locale(Locale.forLanguageTag(lang));
                config.unmarkExplicit("locale");
            }
        });
        strings("excludes").forEach(config::exclude);
        List<String> localOnly = strings("localOnly");
        if (!localOnly.isEmpty() && !config.options().containsKey(LOCAL_ONLY_OPTION)) {
            config.option(LOCAL_ONLY_OPTION, String.join(",", localOnly));
        }
        secrets(config);
        weights(config);
        rules(config, knownRules);
        options(config);
        path("baseline").ifPresent(p -> {
            if (config.baseline() == null) {
                config.baseline(config.root().resolve(p));
            }
        });
        path("suppressions").ifPresent(p -> {
            if (config.suppressions() == null) {
                config.suppressions(config.root().resolve(p));
            }
        });
        if (!errors.isEmpty()) {
            throw new AuditException(errors.size() == 1 ? errors.get(0)
                    : errors.size() + " problems in " + name + ":\n  " + String.join("\n  ", errors));
        }
    }

    private record Value(String value, Node node) {
    }

    private void error(Node node, String message) {
        int line = YamlDocument.line(node);
        errors.add(name + (line > 0 ? ":" + line : "") + ": " + message);
    }

    private Optional<Integer> integer(String key, int min, int max) {
        Node n = root.get(key);
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
        Node n = root.get(key);
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

    private List<String> strings(String key) {
        Node n = root.get(key);
        if (n == null || YamlDocument.isNull(n)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            out.add(s.getValue());
            return out;
        }
        if (!(n instanceof org.yaml.snakeyaml.nodes.SequenceNode)) {
            error(n, key + " must be a list of paths, got " + describe(n));
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

    private Optional<String> path(String key) {
        Optional<Value> v = enumValue(key);
        if (v.isPresent() && v.get().value.isBlank()) {
            error(v.get().node, key + " must be a path");
            return Optional.empty();
        }
        return v.map(Value::value);
    }

    /** {@code secrets: {allowValues: [regex, ...]}}: each regex must compile; they reach the checks one per line. */
    private void secrets(AuditConfig config) {
        Node n = root.get("secrets");
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (!(n instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            error(n, "secrets must be a mapping, e.g. {allowValues: ['^dummy-']}, got " + describe(n));
            return;
        }
        Map<String, Node> m = YamlDocument.mapping(n);
        for (String k : m.keySet()) {
            if (!SECRETS_KEYS.contains(k)) {
                error(m.get(k), "unknown key '" + k + "' under secrets" + suggest(k, SECRETS_KEYS)
                        + " (known: allowValues)");
            }
        }
        Node allow = m.get("allowValues");
        if (allow == null || YamlDocument.isNull(allow)) {
            return;
        }
        List<String> regexes = new ArrayList<>();
        List<Node> items = allow instanceof ScalarNode ? List.of(allow) : YamlDocument.sequence(allow);
        if (items.isEmpty() && !(allow instanceof org.yaml.snakeyaml.nodes.SequenceNode)) {
            error(allow, "secrets.allowValues must be a list of regular expressions, got " + describe(allow));
        }
        for (Node item : items) {
            Optional<String> regex = YamlDocument.scalar(item);
            if (regex.isEmpty() || regex.get().isBlank() || regex.get().contains("\n")) {
                error(item, "secrets.allowValues entries must be one-line regular expressions, got " + describe(item));
                continue;
            }
            try {
                java.util.regex.Pattern.compile(regex.get());
                regexes.add(regex.get());
            } catch (java.util.regex.PatternSyntaxException e) {
                error(item, "secrets.allowValues: not a regular expression: " + e.getDescription() + " in '"
                        + regex.get() + "'");
            }
        }
        if (!regexes.isEmpty() && !config.options().containsKey(ALLOW_VALUES_OPTION)) {
            config.option(ALLOW_VALUES_OPTION, String.join("\n", regexes));
        }
    }

    private void weights(AuditConfig config) {
        Node n = root.get("weights");
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (!(n instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            error(n, "weights must map categories to numbers, e.g. {secrets: 3}, got " + describe(n));
            return;
        }
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
            if (!config.isExplicit("weight." + c.id())) {
                config.weight(c, w);
                config.unmarkExplicit("weight." + c.id());
            }
        }
    }

    private void rules(AuditConfig config, Collection<RuleMeta> knownRules) {
        Node n = root.get("rules");
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (!(n instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            error(n, "rules must map rule ids to on/off, a severity or {enabled, severity}, got " + describe(n));
            return;
        }
        Set<String> ids = new TreeSet<>();
        knownRules.forEach(m -> ids.add(m.id()));
        for (Map.Entry<String, Node> e : YamlDocument.mapping(n).entrySet()) {
            String id = e.getKey();
            Node v = e.getValue();
            if (!ids.contains(id)) {
                error(v, "unknown rule id '" + id + "'" + suggest(id, ids));
                continue;
            }
            Boolean enabled = null;
            String severity = null;
            if (v instanceof ScalarNode s) {
                String t = s.getValue().trim().toLowerCase(Locale.ROOT);
                if (Set.of("true", "false", "on", "off", "yes", "no").contains(t)) {
                    enabled = bool("rules." + id, v).orElse(null);
                } else {
                    severity = t;
                }
            } else if (v instanceof org.yaml.snakeyaml.nodes.MappingNode) {
                Map<String, Node> m = YamlDocument.mapping(v);
                for (String k : m.keySet()) {
                    if (!RULE_KEYS.contains(k)) {
                        error(m.get(k), "unknown key '" + k + "' for rule " + id + suggest(k, RULE_KEYS)
                                + " (known: enabled, severity)");
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
            if (Boolean.FALSE.equals(enabled)) {
                config.disableRule(id);
            }
            if (severity != null) {
                try {
                    Severity sev = Severity.parse(severity);
                    if (!config.severityOverrides().containsKey(id)) {
                        config.severity(id, sev);
                    }
                } catch (IllegalArgumentException ex) {
                    error(v, "rules." + id + ": " + ex.getMessage() + " or on/off");
                }
            }
        }
    }

    private void options(AuditConfig config) {
        Node n = root.get("options");
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (!(n instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            error(n, "options must map option keys to values, got " + describe(n));
            return;
        }
        for (Map.Entry<String, Node> e : YamlDocument.mapping(n).entrySet()) {
            Optional<String> v = YamlDocument.scalar(e.getValue());
            if (v.isEmpty()) {
                error(e.getValue(), "option " + e.getKey() + " must be a single value, got " + describe(e.getValue()));
            } else if (!config.options().containsKey(e.getKey())) {
                config.option(e.getKey(), v.get());
            }
        }
    }

    private static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
        }
        if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            return "a list";
        }
        if (n instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            return "a mapping";
        }
        return "nothing";
    }

    private static String suggest(String key, Collection<String> known) {
        LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
        String lower = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int common = 0;
            while (common < Math.min(kl.length(), lower.length()) && kl.charAt(common) == lower.charAt(common)) {
                common++;
            }
            int dist = d.apply(lower, kl);
            if (kl.startsWith(lower) || lower.startsWith(kl)) {
                dist = Math.min(dist, 1);
            } else if (common * 3 >= lower.length() * 2) {
                dist = Math.min(dist, 2);
            }
            if (dist < bestD) {
                bestD = dist;
                best = k;
            }
        }
        return best == null || bestD > Math.max(3, key.length() / 3) ? "" : " (did you mean '" + best + "'?)";
    }
}
