package io.samokoder.engine.yaml;

import io.samokoder.workspace.FileKinds;
import io.samokoder.workspace.Templates;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads YAML through snakeyaml's node API (composition only: no objects are constructed, no tags resolved to classes)
 * with limits that stop hostile input early: an alias expansion of at most {@value #MAX_EXPANDED_NODES} nodes (alias
 * bombs), a nesting depth of {@value #MAX_DEPTH}, a code-point cap, and counts: {@value #MAX_ITEMS} items in a list or
 * entries in a mapping, {@value #MAX_NODES} nodes in a file ({@link BoundedParser}).
 *
 * <p>Composing shares an aliased node instead of copying it, so the number of aliases costs nothing by itself: what
 * hurts a tool is the size of the tree once aliases are copied out, and that is what is bounded. snakeyaml's own
 * alias count ({@value #MAX_ALIASES} aliases to collections) is only a backstop far above what hand-written files use:
 * compose files built from {@code <<: *defaults} merges run to hundreds of aliases.
 */
public final class YamlLoader {

    public static final int MAX_ALIASES = 50_000;
    public static final int MAX_DEPTH = 100;
    public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /** Nodes a document may expand to once aliases are copied out, as PyYAML and most loaders do. */
    public static final long MAX_EXPANDED_NODES = 1_000_000;
    /** Items in one list, entries in one mapping. */
    public static final int MAX_ITEMS = 100_000;
    /** Nodes a file composes into, before any alias is expanded. */
    public static final int MAX_NODES = 500_000;

    private YamlLoader() {
    }

    public static YamlDocument load(String path, String text) {
        return load(path, text, false);
    }

    /**
     * Like {@link #load(String, String)}, accepting global tags such as {@code !!python/name:module.function}: the
     * configuration files of Python tools (MkDocs' {@code mkdocs.yml}) name functions that way, and their loaders
     * resolve them. Safe here because nodes are only composed, never constructed into objects.
     */
    public static YamlDocument loadWithGlobalTags(String path, String text) {
        return load(path, text, true);
    }

    private static YamlDocument load(String path, String text, boolean globalTags) {
        YamlDocument doc = loadAsWritten(path, text, globalTags);
        Optional<String> folder = Templates.templateFolder(path);
        if (folder.isPresent()) {
            return doc.asTemplate(io.samokoder.i18n.Text.of("engine.template.folder", folder.get()));
        }
        boolean broken = doc.problems().stream().anyMatch(p -> p.kind() == YamlProblem.Kind.SYNTAX);
        if (broken && Templates.hasTemplateSyntax(text)) {
            // Prometheus, Alertmanager and Grafana evaluate {{ }} themselves, after loading the YAML as written
            boolean ownGoTemplates = FileKinds.isPrometheusRules(path) || FileKinds.isAlertmanagerByName(path)
                    || FileKinds.isGrafanaProvisioning(path);
            YamlDocument rendered = loadAsWritten(path, Templates.neutralize(text, !ownGoTemplates), globalTags);
            // the tags alone break it: without them it loads (branches of an {% if %} may repeat a key)
            if (rendered.problems().stream().allMatch(p -> p.kind() == YamlProblem.Kind.DUPLICATE_KEY)) {
                return doc.asTemplate(io.samokoder.i18n.Text.of("engine.template.tags",
                        Templates.firstTagLine(text)));
            }
        }
        return doc;
    }

    private static YamlDocument loadAsWritten(String path, String text, boolean globalTags) {
        List<Node> documents = new ArrayList<>();
        List<YamlProblem> problems = new ArrayList<>();
        if (text.indexOf('\0') >= 0) {
            problems.add(new YamlProblem(YamlProblem.Kind.BINARY, 1, 1, "binary content (NUL bytes), not YAML"));
            return new YamlDocument(path, documents, problems);
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        if (globalTags) {
            options.setTagInspector(tag -> true);
        }
        try {
            Composer composer = new Composer(new BoundedParser(
                    new ParserImpl(new PositionOnlyReader(new StringReader(text)), options)), new Resolver(), options);
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node != null) {
                    documents.add(node);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark problem = e.getProblemMark();
            Mark context = e.getContextMark();
            Mark mark = problem != null ? problem : context;
            String message = oneLine(e);
            if (problem != null && context != null && context.getLine() < problem.getLine()) {
                // an unclosed bracket or quote is noticed lines later; point where it was opened
                mark = context;
                message = message + " (opened at line " + (context.getLine() + 1) + ", detected at line "
                        + Math.min(problem.getLine() + 1, text.split("\\R", -1).length) + ")";
            }
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            problems.add(new YamlProblem(kindOf(e), line, column, message));
        } catch (YAMLException e) {
            problems.add(new YamlProblem(kindOf(e), 1, 1, oneLine(e)));
        } catch (StackOverflowError e) {
            problems.add(new YamlProblem(YamlProblem.Kind.LIMIT, 1, 1, "nesting too deep to load"));
        }
        // an alias is written '*name': without a '*' every node is reached once, and the tree is its own expansion
        boolean aliases = text.indexOf('*') >= 0;
        for (Node doc : documents) {
            tidy(doc, problems, aliases);
            if (aliases && expandedSize(doc, new IdentityHashMap<>()) > MAX_EXPANDED_NODES) {
                problems.add(new YamlProblem(YamlProblem.Kind.LIMIT, YamlDocument.line(doc), YamlDocument.column(doc),
                        "aliases expand to more than " + MAX_EXPANDED_NODES + " nodes (a \"billion laughs\" document);"
                                + " tools that expand aliases exhaust memory"));
            }
        }
        if (problems.stream().anyMatch(p -> p.kind() == YamlProblem.Kind.LIMIT)) {
            documents.clear(); // hostile trees never reach the models
        }
        problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return new YamlDocument(path, documents, problems);
    }

    private static YamlProblem.Kind kindOf(YAMLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Number of aliases") || m.contains("Nesting Depth") || m.contains("nesting depth")
                || m.contains("code points") || m.contains("exceeds the limit") || m.contains("Recursive key")) {
            return YamlProblem.Kind.LIMIT;
        }
        return YamlProblem.Kind.SYNTAX;
    }

    private static String oneLine(YAMLException e) {
        String problem = e instanceof MarkedYAMLException m && m.getProblem() != null ? m.getProblem() : e.getMessage();
        if (e instanceof MarkedYAMLException m && m.getContext() != null && m.getProblem() != null) {
            problem = m.getContext() + ", " + m.getProblem();
        }
        problem = String.valueOf(problem).replaceAll("\\s+", " ").trim();
        if (problem.length() > 200) {
            problem = problem.substring(0, 200) + "…";
        }
        return problem;
    }

    /** Node count with every alias expanded; memoised per shared node and saturating, so it never blows up itself. */
    private static long expandedSize(Node node, Map<Node, Long> memo) {
        Long known = memo.get(node);
        if (known != null) {
            return known;
        }
        memo.put(node, 1L); // a recursive structure counts once instead of looping
        long size = 1;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                size = saturatingAdd(size, expandedSize(t.getKeyNode(), memo));
                size = saturatingAdd(size, expandedSize(t.getValueNode(), memo));
            }
        } else if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                size = saturatingAdd(size, expandedSize(item, memo));
            }
        }
        memo.put(node, size);
        return size;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 || r > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : r;
    }

    /**
     * One walk over a composed tree: reports duplicate keys, and drops the comment lists the composer gives every
     * node even with comment processing off (two or three empty lists a node, a fifth of a cached tree's memory;
     * nothing here reads comments).
     */
    private static void tidy(Node root, List<YamlProblem> problems, boolean aliases) {
        Set<Node> seen = aliases ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (seen != null && !seen.add(node)) {
                continue; // aliases share nodes: visit each once
            }
            node.setBlockComments(null);
            node.setInLineComments(null);
            node.setEndComments(null);
            if (node instanceof MappingNode m) {
                Map<String, ScalarNode> keys = new HashMap<>();
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && !YamlDocument.isMergeKey(k)) {
                        ScalarNode first = keys.putIfAbsent(k.getValue(), k);
                        if (first != null) {
                            problems.add(new YamlProblem(YamlProblem.Kind.DUPLICATE_KEY, YamlDocument.line(k),
                                    YamlDocument.column(k), "duplicate key '" + k.getValue() + "' (first at line "
                                    + YamlDocument.line(first) + ")"));
                        }
                    }
                    stack.push(t.getValueNode());
                    stack.push(t.getKeyNode());
                }
            } else if (node instanceof SequenceNode s) {
                for (Node item : s.getValue()) {
                    stack.push(item);
                }
            }
        }
    }
}
