package io.samokoder.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samokoder.engine.report.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Findings accepted at some point, by fingerprint. The gate then looks only at findings not in the baseline; entries
 * no longer found are "fixed since baseline". Messages are stored as reported, so they are already masked.
 */
public final class Baseline {

    /** One accepted finding. */
    public record Entry(String fingerprint, String ruleId, String path, String message) {
    }

    private final Map<String, Entry> entries;

    private Baseline(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static Baseline empty() {
        return new Baseline(Map.of());
    }

    public static Baseline of(Collection<Finding> findings) {
        Map<String, Entry> map = new TreeMap<>();
        for (Finding f : findings) {
            if (f.isActive()) {
                map.put(f.fingerprint(), new Entry(f.fingerprint(), f.ruleId(), f.path(), f.message()));
            }
        }
        return new Baseline(map);
    }

    public static Baseline read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a baseline: a regular file of at most {@link BoundedFiles#MAX_BASELINE} bytes, read without following
     * links when it lies inside {@code auditedRoot} (null: the path is the CI owner's alone). An error names the
     * file and the reason, never the file's content (the path may name a file that is not a baseline at all).
     */
    public static Baseline read(Path file, Path auditedRoot) {
        JsonNode root;
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, BoundedFiles.MAX_BASELINE, auditedRoot);
        } catch (IOException e) {
            throw new AuditException("cannot read baseline " + LineEscape.visible(file.toString()) + ": "
                    + BoundedFiles.reason(e));
        }
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new AuditException("baseline " + LineEscape.visible(file.toString()) + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new AuditException("cannot read baseline " + LineEscape.visible(file.toString()) + ": "
                    + e.getClass().getSimpleName());
        }
        JsonNode list = root == null ? null : root.get("findings");
        if (list == null || !list.isArray()) {
            throw new AuditException("baseline " + file + " has no 'findings' array");
        }
        Map<String, Entry> map = new TreeMap<>();
        for (JsonNode n : list) {
            String fp = n.path("fingerprint").asText("");
            if (fp.isEmpty()) {
                throw new AuditException("baseline " + file + " has an entry without a fingerprint");
            }
            map.put(fp, new Entry(fp, n.path("ruleId").asText(""), n.path("path").asText(""),
                    n.path("message").asText("")));
        }
        return new Baseline(map);
    }

    public void write(Path file) throws IOException {
        ObjectNode root = Json.object();
        root.put("tool", "samokoder");
        root.put("version", 1);
        ArrayNode list = root.putArray("findings");
        entries.values().stream().sorted(Comparator.comparing(Entry::path).thenComparing(Entry::ruleId)
                .thenComparing(Entry::fingerprint)).forEach(e -> {
            ObjectNode n = list.addObject();
            n.put("fingerprint", e.fingerprint());
            n.put("ruleId", e.ruleId());
            n.put("path", e.path());
            n.put("message", e.message());
        });
        AtomicFiles.write(file, Json.bytes(root));
    }

    public boolean contains(String fingerprint) {
        return entries.containsKey(fingerprint);
    }

    public java.util.Set<String> fingerprints() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public List<Entry> fixedSince(Collection<Finding> current) {
        java.util.Set<String> now = new java.util.HashSet<>();
        for (Finding f : current) {
            now.add(f.fingerprint());
        }
        return entries.values().stream().filter(e -> !now.contains(e.fingerprint()))
                .sorted(Comparator.comparing(Entry::path).thenComparing(Entry::ruleId)).toList();
    }
}
