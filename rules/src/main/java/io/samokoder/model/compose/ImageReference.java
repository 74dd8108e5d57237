package io.samokoder.model.compose;

import java.util.Locale;
import java.util.Optional;

/**
 * A container image reference split as Docker does: {@code [registry/]path[:tag][@digest]}. The registry is the first
 * component when it contains a dot or a colon or is {@code localhost}.
 *
 * @param registry   e.g. {@code gcr.io}, empty for Docker Hub
 * @param repository the path without registry, e.g. {@code prom/prometheus}, {@code cadvisor/cadvisor}
 * @param tag        empty when none is given (Docker then pulls {@code latest})
 * @param digest     {@code sha256:...} when pinned by digest
 */
public record ImageReference(String registry, String repository, Optional<String> tag, Optional<String> digest) {

    public static ImageReference parse(String text) {
        String s = text == null ? "" : text.trim();
        Optional<String> digest = Optional.empty();
        int at = s.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(s.substring(at + 1));
            s = s.substring(0, at);
        }
        String registry = "";
        int slash = s.indexOf('/');
        if (slash > 0) {
            String first = s.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                s = s.substring(slash + 1);
            }
        }
        Optional<String> tag = Optional.empty();
        int colon = s.lastIndexOf(':');
        if (colon > s.lastIndexOf('/')) {
            tag = Optional.of(s.substring(colon + 1));
            s = s.substring(0, colon);
        }
        return new ImageReference(registry, s.toLowerCase(Locale.ROOT), tag, digest);
    }

    /** The last path component: {@code prom/prometheus} → {@code prometheus}. */
    public String name() {
        int slash = repository.lastIndexOf('/');
        return slash < 0 ? repository : repository.substring(slash + 1);
    }

    /** Pinned: a digest, or a tag other than {@code latest}. */
    public boolean isPinned() {
        return digest.isPresent() || tag.filter(t -> !t.isEmpty() && !t.equals("latest")).isPresent();
    }
}
