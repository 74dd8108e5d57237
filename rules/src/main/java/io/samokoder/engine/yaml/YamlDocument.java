package io.samokoder.engine.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed YAML file: its documents as snakeyaml node trees (every node carries its line and column) and the
 * problems found while loading. A document that failed to parse yields no nodes after the failure point.
 */
public final class YamlDocument {

    private final String path;
    private final List<Node> documents;
    private final List<YamlProblem> problems;
    private final Optional<io.samokoder.i18n.Text> template;

    YamlDocument(String path, List<Node> documents, List<YamlProblem> problems) {
        this(path, documents, problems, Optional.empty());
    }

    private YamlDocument(String path, List<Node> documents, List<YamlProblem> problems,
                         Optional<io.samokoder.i18n.Text> template) {
        this.path = path;
        this.documents = List.copyOf(documents);
        this.problems = List.copyOf(problems);
        this.template = template;
    }

    YamlDocument asTemplate(io.samokoder.i18n.Text why) {
        return new YamlDocument(path, documents, problems, Optional.of(why));
    }

    /** {@link #template()} for reports in every language. */
    public Optional<io.samokoder.i18n.Text> templateText() {
        return template;
    }

    /**
     * Why this file is a template that something renders before any tool reads it (a Cookiecutter folder, Jinja tags
     * that break the YAML), or empty for a file deployed as written. A template's problems and contents are the
     * template's, not the deployed file's.
     */
    public Optional<String> template() {
        return template.map(io.samokoder.i18n.Text::english);
    }

    public String path() {
        return path;
    }

    public List<Node> documents() {
        return documents;
    }

    /** The first document's root node, if any. */
    public Optional<Node> root() {
        return documents.isEmpty() ? Optional.empty() : Optional.ofNullable(documents.get(0));
    }

    /** The first document's root as a mapping (merge keys applied), empty when it is not a mapping. */
    public Map<String, Node> rootMapping() {
        return root().map(YamlDocument::mapping).orElse(Map.of());
    }

    public List<YamlProblem> problems() {
        return problems;
    }

    /** Whether the file loaded with no syntax or limit problem (duplicate keys still leave a usable tree). */
    public boolean isUsable() {
        return problems.stream().noneMatch(p -> p.kind() != YamlProblem.Kind.DUPLICATE_KEY);
    }

    // ---- node helpers shared by every model ----

    /** 1-based line of a node. */
    public static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** 1-based column of a node. */
    public static int column(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getColumn() + 1;
    }

    /** The scalar's text, or empty for non-scalars and nulls. */
    public static Optional<String> scalar(Node node) {
        if (node instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        return Optional.empty();
    }

    /** Whether the node is a YAML null ({@code ~}, {@code null}, empty). */
    public static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && node.getTag().getValue().endsWith(":null"));
    }

    /**
     * A mapping's entries in document order with string keys, merge keys ({@code <<: *anchor}, {@code <<: [*a, *b]})
     * applied as YAML 1.1 defines them: explicit keys win over merged ones, earlier merged mappings over later ones.
     * Cycles through aliases are cut. Non-mapping nodes give an empty map.
     */
    public static Map<String, Node> mapping(Node node) {
        if (!(node instanceof MappingNode m)) {
            return Map.of();
        }
        Map<String, Node> out = new LinkedHashMap<>();
        flatten(m, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    /** The key node of each entry, for positions of keys themselves. */
    public static Map<String, Node> mappingKeys(Node node) {
        if (!(node instanceof MappingNode m)) {
            return Map.of();
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && !isMergeKey(k)) {
                out.putIfAbsent(k.getValue(), k);
            }
        }
        return out;
    }

    private static void flatten(MappingNode m, Map<String, Node> out, Set<Node> seen) {
        if (!seen.add(m)) {
            return;
        }
        List<MappingNode> merges = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                if (isMergeKey(k)) {
                    Node v = t.getValueNode();
                    if (v instanceof MappingNode mm) {
                        merges.add(mm);
                    } else if (v instanceof SequenceNode seq) {
                        for (Node item : seq.getValue()) {
                            if (item instanceof MappingNode mm) {
                                merges.add(mm);
                            }
                        }
                    }
                } else {
                    out.putIfAbsent(k.getValue(), t.getValueNode());
                }
            }
        }
        for (MappingNode merged : merges) {
            Map<String, Node> inner = new LinkedHashMap<>();
            flatten(merged, inner, seen);
            inner.forEach(out::putIfAbsent);
        }
    }

    /** A plain {@code <<} key, which snakeyaml tags as a merge (a quoted one is an ordinary string key). */
    public static boolean isMergeKey(ScalarNode key) {
        return Tag.MERGE.equals(key.getTag());
    }

    /** A sequence's items, or an empty list for non-sequences. */
    public static List<Node> sequence(Node node) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        return List.of();
    }
}
