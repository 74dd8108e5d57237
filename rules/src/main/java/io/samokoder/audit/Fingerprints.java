package io.samokoder.audit;

import io.samokoder.engine.Finding;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.Workspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stable finding identity: SHA-256 of rule id, path and a key — the rule's own key when it gives one, otherwise the
 * whitespace-normalised text of the finding's line. Line numbers are not part of it, so unrelated edits that move a
 * finding keep its fingerprint. Equal fingerprints in one file get an occurrence suffix in document order.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static List<Finding> assign(List<Finding> sorted, Workspace workspace) {
        // a key may read its finding's line, and so its file once more: on both cores; the numbering is in order
        List<String> bases = Parallel.map(sorted, 16,
                f -> hash(f.ruleId() + "\0" + f.path() + "\0" + key(f, workspace)));
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            String base = bases.get(i);
            int n = seen.merge(base, 1, Integer::sum);
            out.add(sorted.get(i).withFingerprint(n == 1 ? base : base + ":" + n));
        }
        return out;
    }

    private static String key(Finding f, Workspace workspace) {
        if (f.fingerprintKey() != null) {
            return "k:" + f.fingerprintKey();
        }
        if (f.line() > 0) {
            try {
                String text = workspace.file(f.path())
                        .filter(sf -> !workspace.isBinary(sf))
                        .map(sf -> sf.line(f.line()))
                        .orElse("");
                if (!text.isBlank()) {
                    return "l:" + text.strip().replaceAll("\\s+", " ");
                }
            } catch (java.io.UncheckedIOException e) {
                // fall through to the message
            }
        }
        return "m:" + f.message();
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
