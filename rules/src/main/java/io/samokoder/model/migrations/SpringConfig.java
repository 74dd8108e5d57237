package io.samokoder.model.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spring Boot configuration of each application module ({@code application.properties|yml} and
 * {@code application-<profile>.*} under {@code src/main/resources} or {@code src/main/resources/config}), as Spring
 * reads it for one profile: the profile's own values over the base file's. Keys are compared in Spring's relaxed form
 * (lower case, {@code -} and {@code _} ignored: {@code flyway-enabled} = {@code flywayEnabled}); list values are
 * joined with commas. YAML documents activated by {@code spring.config.activate.on-profile} (or the older
 * {@code spring.profiles}) belong to that profile. Test resources are not deployed and are not read.
 */
public final class SpringConfig {

    /** Profile names that mean production. */
    private static final Set<String> PRODUCTION = Set.of("prod", "production", "prd", "live");

    private static final Pattern FILE = Pattern.compile("application(?:-([\\w.-]+))?\\.(properties|ya?ml)");

    /** One file (or YAML document) of one module and profile. */
    private record Part(String path, String profile, Map<String, String> values) {
    }

    private final Map<String, List<Part>> byModule;

    private SpringConfig(Map<String, List<Part>> byModule) {
        this.byModule = byModule;
    }

    /** The model, built once per audit and shared through {@link AuditContext#model}. */
    public static SpringConfig of(AuditContext ctx) {
        return ctx.model(SpringConfig.class, SpringConfig::load);
    }

    /** Reads every {@code application*.properties|yml} of the workspace's main resources. */
    private static SpringConfig load(AuditContext ctx) {
        Workspace ws = ctx.workspace();
        Map<String, List<Part>> byModule = new TreeMap<>();
        for (SourceFile f : ws.files()) {
            Matcher m = FILE.matcher(f.name());
            if (!m.matches()) {
                continue;
            }
            String module = module(f.path());
            if (module == null) {
                continue;
            }
            Optional<String> text = ws.text(f);
            if (text.isEmpty()) {
                continue;
            }
            String profile = m.group(1);
            List<Part> parts = byModule.computeIfAbsent(module, k -> new ArrayList<>());
            if (m.group(2).equals("properties")) {
                parts.add(new Part(f.path(), profile, properties(text.get())));
            } else {
                YamlDocument doc = ctx.yaml(f);
                for (Node root : doc.documents()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    flatten("", root, values, 0);
                    String on = values.getOrDefault("spring.config.activate.onprofile",
                            values.get("spring.profiles"));
                    parts.add(new Part(f.path(), on != null && profile == null ? on.strip() : profile, values));
                }
            }
        }
        return new SpringConfig(byModule);
    }

    /**
     * The module a configuration file belongs to: what precedes {@code src/main/resources} ("" at the root), or
     * null for files that are not main resources.
     */
    static String module(String path) {
        int i = path.indexOf("src/main/resources/");
        if (i < 0 || (i > 0 && path.charAt(i - 1) != '/')) {
            return null;
        }
        String rest = path.substring(i + "src/main/resources/".length());
        if (rest.contains("/") && !rest.startsWith("config/")) {
            return null;
        }
        return i == 0 ? "" : path.substring(0, i - 1);
    }

    /** The module any file under a module's {@code src/main/resources} belongs to, or null. */
    public static String moduleOf(String path) {
        int i = path.startsWith("src/main/resources/") ? 0 : path.indexOf("/src/main/resources/") + 1;
        if (i < 0 || (i == 0 && !path.startsWith("src/main/resources/"))) {
            return null;
        }
        return i == 0 ? "" : path.substring(0, i - 1);
    }

    /** The modules with configuration. */
    public Set<String> modules() {
        return byModule.keySet();
    }

    public boolean has(String module) {
        return byModule.containsKey(module);
    }

    /** The profiles a module configures (files or documents), sorted. */
    public Set<String> profiles(String module) {
        Set<String> out = new TreeSet<>();
        for (Part p : byModule.getOrDefault(module, List.of())) {
            if (p.profile() != null) {
                for (String one : p.profile().split(",")) {
                    if (!one.isBlank() && !one.strip().startsWith("!")) {
                        out.add(one.strip());
                    }
                }
            }
        }
        return out;
    }

    /** Whether a profile name means production. */
    public static boolean isProduction(String profile) {
        return profile != null && PRODUCTION.contains(profile.toLowerCase(Locale.ROOT));
    }

    /** A value as one profile sees it (null profile: the base), with the file that sets it. */
    public record Value(String value, String source) {
    }

    /** The value of {@code key} (relaxed form) for the profile, or null when nothing sets it. */
    public Value get(String module, String profile, String key) {
        String k = relaxed(key);
        Value found = null;
        for (Part p : byModule.getOrDefault(module, List.of())) {
            String v = p.values().get(k);
            if (v == null) {
                continue;
            }
            if (p.profile() == null) {
                if (found == null || found.source().equals(p.path())) {
                    found = new Value(v, p.path()); // later base documents override earlier ones
                }
            } else if (profile != null && activates(p.profile(), profile)) {
                return new Value(v, p.path());
            }
        }
        return found;
    }

    private static boolean activates(String expr, String profile) {
        for (String one : expr.split(",")) {
            if (one.strip().equals(profile)) {
                return true;
            }
        }
        return false;
    }

    static String relaxed(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replaceAll("\\[\\d+]", "");
    }

    private static Map<String, String> properties(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return out;
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String k = relaxed(key);
            String v = p.getProperty(key).strip();
            out.merge(k, v, (a, b) -> a + "," + b); // locations[0]=…, locations[1]=…
        }
        return out;
    }

    private static void flatten(String prefix, Node n, Map<String, String> out, int depth) {
        if (n == null || depth > 40) {
            return;
        }
        if (n instanceof MappingNode) {
            YamlDocument.mapping(n).forEach((k, v) -> flatten(prefix.isEmpty() ? relaxed(k) : prefix + "."
                    + relaxed(k), v, out, depth + 1));
            return;
        }
        Optional<String> s = YamlDocument.scalar(n);
        if (s.isPresent()) {
            out.put(prefix, s.get().strip());
            return;
        }
        List<String> items = new ArrayList<>();
        for (Node item : YamlDocument.sequence(n)) {
            YamlDocument.scalar(item).ifPresent(x -> items.add(x.strip()));
        }
        if (!items.isEmpty()) {
            out.put(prefix, String.join(",", items));
        }
    }
}
