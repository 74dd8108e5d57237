package io.samokoder.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The built-in rules' {@link RuleInfo} metadata as one small resource, written by the build after compiling
 * ({@code process-classes}, see rules/pom.xml). Reading annotations builds a proxy class and one proxy per rule: 15 to
 * 50 ms of every cold start, a tenth of what the Maven goal may add to a build. A rule the index does not name (one a
 * user adds to the class path) is read from its annotation; {@code RuleIndexTest} keeps the index equal to the
 * annotations.
 */
public final class RuleIndex {

    static final String RESOURCE = "rule-index.tsv";
    private static final int FIELDS = 7;

    private static volatile Map<String, RuleMeta> builtIn;

    private RuleIndex() {
    }

    /** Class name to metadata; empty when the resource is missing (classes compiled without the build's step). */
    static Map<String, RuleMeta> builtIn() {
        Map<String, RuleMeta> index = builtIn;
        if (index == null) {
            try (InputStream in = RuleIndex.class.getResourceAsStream(RESOURCE)) {
                index = in == null ? Map.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                index = Map.of(); // the annotations still hold everything
            }
            builtIn = index;
        }
        return index;
    }

    /** One line per rule class, sorted by class name: class, id, category, severity, summary, remediation, description. */
    static String write(List<Class<?>> ruleClasses) {
        Map<String, RuleMeta> sorted = new TreeMap<>();
        for (Class<?> c : ruleClasses) {
            sorted.put(c.getName(), RuleMeta.fromAnnotation(c));
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, RuleMeta> e : sorted.entrySet()) {
            RuleMeta m = e.getValue();
            List<String> fields = List.of(e.getKey(), m.id(), m.category().name(), m.severity().name(), m.summary(),
                    m.remediation(), m.description());
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "" : "\t").append(LineEscape.escape(fields.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static Map<String, RuleMeta> parse(String text) {
        Map<String, RuleMeta> index = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != FIELDS) {
                throw new IllegalArgumentException("rule index line with " + f.length + " fields");
            }
            index.put(LineEscape.unescape(f[0]), new RuleMeta(LineEscape.unescape(f[1]), Category.valueOf(f[2]),
                    Severity.valueOf(f[3]), LineEscape.unescape(f[4]), LineEscape.unescape(f[5]),
                    LineEscape.unescape(f[6])));
        }
        return Collections.unmodifiableMap(index);
    }

    /**
     * Writes the index of every rule registered on this class path, and of the engine's own finding kinds, into the classes
     * directory {@code args[0]}. Reads
     * the provider types without instantiating them or asking their {@code meta()}, which would read a stale index.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RuleIndex <classes directory>");
        }
        List<Class<?>> types = new ArrayList<>(List.of(CheckFailed.class, UnusedSuppression.class));
        ServiceLoader.load(Rule.class, RuleIndex.class.getClassLoader()).stream()
                .forEach(p -> types.add(p.type()));
        Path file = Path.of(args[0]).resolve(RuleIndex.class.getPackageName().replace('.', '/')).resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, write(types), StandardCharsets.UTF_8);
    }
}
