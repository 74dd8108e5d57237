package io.samokoder.model.docsite;

import io.samokoder.engine.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML value of a site configuration as plain data, so that a configuration and the one it inherits
 * ({@code INHERIT:}) can be merged as MkDocs merges them: mappings deeply, the child's value winning; anything else
 * replaced. Keeps the tag ({@code !!python/name:pymdownx.slugs.uslugify}) and the line and file where the value is
 * written.
 *
 * @param value a {@code String} (null for a YAML null), a {@code List<ConfigTree>} or a {@code Map<String, ConfigTree>}
 * @param tag   the node's tag without the {@code tag:yaml.org,2002:} prefix ({@code str}, {@code python/name:x.y})
 * @param file  repository path of the file the value is written in
 * @param line  1-based line
 */
record ConfigTree(Object value, String tag, String file, int line) {

    private static final String YAML_TAG = "tag:yaml.org,2002:";
    private static final int MAX_DEPTH = 64;

    static ConfigTree of(Node node, String file) {
        return of(node, file, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static ConfigTree of(Node node, String file, int depth, Set<Node> path) {
        String tag = node == null ? "null" : node.getTag().getValue();
        if (tag.startsWith(YAML_TAG)) {
            tag = tag.substring(YAML_TAG.length());
        }
        int line = YamlDocument.line(node);
        if (node == null || depth > MAX_DEPTH || !path.add(node)) {
            return new ConfigTree(null, tag, file, line);
        }
        try {
            if (node instanceof ScalarNode s) {
                return new ConfigTree(YamlDocument.isNull(s) ? null : s.getValue(), tag, file, line);
            }
            if (node instanceof SequenceNode seq) {
                List<ConfigTree> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    items.add(of(item, file, depth + 1, path));
                }
                return new ConfigTree(items, tag, file, line);
            }
            if (node instanceof MappingNode) {
                Map<String, ConfigTree> entries = new LinkedHashMap<>();
                YamlDocument.mapping(node).forEach((k, v) -> entries.put(k, of(v, file, depth + 1, path)));
                return new ConfigTree(entries, tag, file, line);
            }
            return new ConfigTree(null, tag, file, line);
        } finally {
            path.remove(node);
        }
    }

    /** {@code child} over {@code parent}: mappings merged key by key, deeply; other values replaced. */
    static ConfigTree merge(ConfigTree parent, ConfigTree child) {
        if (parent == null) {
            return child;
        }
        if (child == null) {
            return parent;
        }
        if (parent.value instanceof Map<?, ?> p && child.value instanceof Map<?, ?> c) {
            Map<String, ConfigTree> out = new LinkedHashMap<>();
            p.forEach((k, v) -> out.put((String) k, (ConfigTree) v));
            c.forEach((k, v) -> out.merge((String) k, (ConfigTree) v, ConfigTree::merge));
            return new ConfigTree(out, child.tag, child.file, child.line);
        }
        return child;
    }

    @SuppressWarnings("unchecked")
    Map<String, ConfigTree> map() {
        return value instanceof Map<?, ?> m ? (Map<String, ConfigTree>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<ConfigTree> list() {
        return value instanceof List<?> l ? (List<ConfigTree>) l : List.of();
    }

    Optional<String> text() {
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    ConfigTree get(String key) {
        return map().get(key);
    }

    Optional<String> text(String key) {
        ConfigTree t = get(key);
        return t == null ? Optional.empty() : t.text();
    }

    /** A boolean setting: YAML's true/false words; {@code fallback} when absent or not a boolean. */
    boolean flag(String key, boolean fallback) {
        Optional<String> v = text(key);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> fallback;
        };
    }

    /**
     * The entries of a list of names or one-key mappings ({@code - toc: {permalink: true}}, {@code - attr_list}), or of
     * a mapping ({@code toc: {permalink: true}}), as name to options (an empty tree for none): how MkDocs reads
     * {@code markdown_extensions} and {@code plugins}.
     */
    Map<String, ConfigTree> named() {
        Map<String, ConfigTree> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?>) {
            map().forEach((k, v) -> out.put(k, v == null ? empty(file, line) : v));
        } else {
            for (ConfigTree item : list()) {
                if (item.value instanceof String s) {
                    out.put(s, empty(item.file, item.line));
                } else if (item.map().size() == 1) {
                    Map.Entry<String, ConfigTree> e = item.map().entrySet().iterator().next();
                    out.put(e.getKey(), e.getValue() == null ? empty(item.file, item.line) : e.getValue());
                }
            }
        }
        return out;
    }

    static ConfigTree empty(String file, int line) {
        return new ConfigTree(Map.of(), "map", file, line);
    }
}
