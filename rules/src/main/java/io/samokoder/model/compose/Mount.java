package io.samokoder.model.compose;

import io.samokoder.model.Location;

import java.util.Optional;

/**
 * A {@code volumes:} entry of a service.
 *
 * @param source         the entry as written (short syntax) or its {@code source} scalar (long syntax)
 * @param type           {@code bind}, {@code volume}, {@code tmpfs}, {@code npipe}, {@code image}, or {@code config} /
 *                       {@code secret} for swarm-style {@code configs:}/{@code secrets:} backed by a repository file
 * @param hostPath       the source after interpolation for a bind mount ({@code ./monitoring/prometheus}), the volume
 *                       name for a named volume, empty for an anonymous volume
 * @param repositoryPath the repository path a bind mount maps (repo-relative, normalised), empty when it points outside
 *                       the repository (absolute host paths, {@code ~}, {@code ..} above the root) or is no bind mount
 * @param target         the path inside the container
 * @param readOnly       {@code :ro} or {@code read_only: true}
 */
public record Mount(ComposeValue source, String type, String hostPath, Optional<String> repositoryPath, String target,
                    boolean readOnly) {

    public Location location() {
        return source.location();
    }

    public boolean isBind() {
        return type.equals("bind");
    }

    /**
     * The repository path that {@code containerPath} maps to through this bind mount, when the container path is the
     * mount target or lies below it.
     */
    public Optional<String> repositoryPathFor(String containerPath) {
        if (!(isBind() || type.equals("config") || type.equals("secret")) || repositoryPath.isEmpty()) {
            return Optional.empty();
        }
        String t = stripSlash(target);
        String c = stripSlash(containerPath);
        if (c.equals(t)) {
            return repositoryPath;
        }
        if (t.equals("/") || c.startsWith(t + "/")) {
            String rest = c.substring(t.equals("/") ? 1 : t.length() + 1);
            String base = repositoryPath.get();
            return Optional.of(base.isEmpty() ? rest : base + "/" + rest);
        }
        return Optional.empty();
    }

    private static String stripSlash(String s) {
        String out = s;
        while (out.length() > 1 && out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
