package io.samokoder.model.placeholders;

import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.workspace.LineIndex;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Placeholders in a YAML file, each at its exact line and column: every scalar (keys too) is scanned in its source
 * form, so quoting, block scalars and folded lines keep their real positions. A file that does not parse is scanned
 * line by line instead (comments skipped), so a broken file still shows its placeholders.
 */
public final class YamlPlaceholders {

    /** Deeper nesting than this is not walked (the loader already limits depth; this guards the recursion). */
    private static final int MAX_DEPTH = 120;

    private YamlPlaceholders() {
    }

    /**
     * One placeholder in one scalar.
     *
     * @param path   the keys and list indexes leading to the scalar ({@code String} or {@code Integer})
     * @param node   the scalar (null in the line-based fallback)
     * @param isKey  whether the scalar is a mapping key
     * @param line   1-based line of the {@code $}
     * @param column 1-based column of the {@code $}
     * @param value  the scalar's value (the rest of the line in the fallback)
     */
    public record Site(List<Object> path, ScalarNode node, boolean isKey, Placeholder placeholder, int line,
                       int column, String value) {

        /** The dotted field path without list indexes, e.g. {@code receivers.telegram_configs.bot_token}. */
        public String fieldPath() {
            return fieldPath(path, 0);
        }

        public static String fieldPath(List<Object> path, int from) {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < path.size(); i++) {
                if (path.get(i) instanceof String s) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(s);
                }
            }
            return sb.toString();
        }
    }

    /** Every placeholder in the file, in document order. */
    public static List<Site> scan(SourceFile file, String text, YamlDocument doc) {
        LineIndex index = new LineIndex(text);
        List<Site> out = new ArrayList<>();
        if (doc.isUsable() && !doc.documents().isEmpty()) {
            Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Node root : doc.documents()) {
                walk(root, new ArrayList<>(), text, index, out, seen, 0);
            }
        } else if (!doc.isUsable()) {
            scanLines(text, index, out);
        }
        return out;
    }

    /**
     * The first site of each variable in each scalar: {@code traefik.http.routers.${HOST}.service=${HOST}} names
     * {@code HOST} twice in one value, which is one place to fix, not two. Order is kept.
     */
    public static List<Site> firstPerScalar(List<Site> sites) {
        List<Site> out = new ArrayList<>();
        Map<Object, Set<String>> seen = new IdentityHashMap<>();
        Map<Integer, Set<String>> seenLines = new java.util.HashMap<>();
        for (Site s : sites) {
            // the line-based fallback has no scalar: its line stands for it
            Set<String> names = s.node() != null ? seen.computeIfAbsent(s.node(), k -> new java.util.HashSet<>())
                    : seenLines.computeIfAbsent(s.line(), k -> new java.util.HashSet<>());
            if (names.add(s.placeholder().name())) {
                out.add(s);
            }
        }
        return out;
    }

    private static void walk(Node node, List<Object> path, String text, LineIndex index, List<Site> out,
                             Set<Node> seen, int depth) {
        if (node == null || depth > MAX_DEPTH || !seen.add(node)) {
            return; // aliases are reported once, where the anchor is
        }
        if (node instanceof ScalarNode s) {
            scalar(s, path, false, text, index, out);
        } else if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                if (t.getKeyNode() instanceof ScalarNode k && seen.add(k)) {
                    if (!YamlDocument.isMergeKey(k)) {
                        scalar(k, path, true, text, index, out);
                    }
                }
                List<Object> child = new ArrayList<>(path);
                child.add(key);
                walk(t.getValueNode(), child, text, index, out, seen, depth + 1);
            }
        } else if (node instanceof SequenceNode q) {
            List<Node> items = q.getValue();
            for (int i = 0; i < items.size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add(i);
                walk(items.get(i), child, text, index, out, seen, depth + 1);
            }
        }
    }

    private static void scalar(ScalarNode s, List<Object> path, boolean isKey, String text, LineIndex index,
                               List<Site> out) {
        String value = s.getValue();
        if (value.indexOf('$') < 0) {
            return;
        }
        int start = offset(text, index, s.getStartMark());
        int end = offset(text, index, s.getEndMark());
        List<Site> found = new ArrayList<>();
        if (start >= 0 && end > start && end <= text.length()) {
            for (Placeholder p : PlaceholderScanner.scan(text.subSequence(start, end))) {
                int at = start + p.start();
                Placeholder abs = new Placeholder(p.name(), at, start + p.end(), p.braced(), p.operator(), p.argument());
                found.add(new Site(List.copyOf(path), s, isKey, abs, index.line(at), index.column(at), value));
            }
        }
        if (found.isEmpty()) {
            // an escaped form in a double-quoted scalar: report at the scalar
            for (Placeholder p : PlaceholderScanner.scan(value)) {
                found.add(new Site(List.copyOf(path), s, isKey, p, YamlDocument.line(s), YamlDocument.column(s), value));
            }
        }
        out.addAll(found);
    }

    private static void scanLines(String text, LineIndex index, List<Site> out) {
        for (int n = 1; n <= index.count(); n++) {
            int lineStart = index.start(n);
            String line = index.text(n);
            int comment = commentStart(line);
            String code = comment < 0 ? line : line.substring(0, comment);
            String key = keyOf(code);
            for (Placeholder p : PlaceholderScanner.scan(code)) {
                int at = lineStart + p.start();
                Placeholder abs = new Placeholder(p.name(), at, lineStart + p.end(), p.braced(), p.operator(),
                        p.argument());
                List<Object> path = key == null ? List.of() : List.of(key);
                out.add(new Site(path, null, false, abs, n, at - lineStart + 1, code.trim()));
            }
        }
    }

    /** Start of a YAML comment: {@code #} at the line start or after a blank, outside quotes. */
    static int commentStart(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static String keyOf(String code) {
        String t = code.strip();
        if (t.startsWith("- ")) {
            t = t.substring(2).strip();
        }
        int colon = t.indexOf(": ");
        if (colon < 0 && t.endsWith(":")) {
            colon = t.length() - 1;
        }
        if (colon <= 0) {
            return null;
        }
        String key = t.substring(0, colon).strip();
        return key.matches("[A-Za-z0-9_.-]{1,100}") ? key : null;
    }

    /**
     * Char offset of a snakeyaml mark in {@code text}, or -1 when out of range: a mark counts code points within its
     * line, an offset counts chars.
     */
    public static int offset(String text, LineIndex index, Mark mark) {
        if (mark == null || mark.getLine() < 0) {
            return -1;
        }
        int line = mark.getLine() + 1;
        if (line > index.count()) {
            // past the last line: the end of the text (a final line break starts no line of its own)
            boolean terminated = text.endsWith("\n") || text.endsWith("\r");
            return line == index.count() + 1 || line == index.count() + 2 && terminated ? text.length() : -1;
        }
        int start = index.start(line);
        int lineEnd = line < index.count() ? index.start(line + 1) : text.length();
        try {
            int off = text.offsetByCodePoints(start, mark.getColumn());
            return Math.min(off, Math.max(lineEnd, start));
        } catch (IndexOutOfBoundsException e) {
            return Math.min(start + mark.getColumn(), text.length());
        }
    }
}
