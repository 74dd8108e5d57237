package io.samokoder.model.docker;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the official images of the programs whose configs are checked run when nothing overrides it: their
 * {@code ENTRYPOINT}, {@code CMD} and {@code WORKDIR}, as their own Dockerfiles set them.
 */
public final class KnownImages {

    /** The defaults of one image. */
    public record Defaults(List<String> entrypoint, List<String> cmd, String workdir) {
    }

    private KnownImages() {
    }

    /** The image name without registry default, tag or digest: {@code prom/alertmanager:v0.27.0} → {@code prom/alertmanager}. */
    public static String repository(String image) {
        String i = image.toLowerCase(Locale.ROOT).trim();
        int at = i.indexOf('@');
        if (at >= 0) {
            i = i.substring(0, at);
        }
        int slash = i.lastIndexOf('/');
        int colon = i.lastIndexOf(':');
        if (colon > slash) {
            i = i.substring(0, colon);
        }
        for (String prefix : List.of("docker.io/", "index.docker.io/", "registry-1.docker.io/")) {
            if (i.startsWith(prefix)) {
                i = i.substring(prefix.length());
            }
        }
        return i;
    }

    /**
     * A program that takes its settings only from its config file: the environment reaches it only through that file
     * (Caddy's {@code {$VAR}} and {@code {env.VAR}}), apart from its own variables.
     *
     * @param program       the executable
     * @param config        the config file the image's command reads
     * @param configFlag    the flag that names another config file
     * @param ownPrefixes   names of the variables the program reads itself
     */
    public record FileConfigured(String program, String config, String configFlag, List<String> ownPrefixes) {
    }

    /** The program of an official image that takes its settings only from its config file, if it is one. */
    public static Optional<FileConfigured> fileConfigured(String image) {
        return switch (repository(image)) {
            // the image runs `caddy run --config /etc/caddy/Caddyfile --adapter caddyfile`; Caddy itself reads only
            // its CADDY_* variables and the XDG folders of its data
            case "caddy", "library/caddy" -> Optional.of(new FileConfigured("caddy", "/etc/caddy/Caddyfile",
                    "--config", List.of("CADDY_", "XDG_")));
            default -> Optional.empty();
        };
    }

    public static Optional<Defaults> defaults(String image) {
        return switch (repository(image)) {
            case "prom/alertmanager", "quay.io/prometheus/alertmanager" -> Optional.of(new Defaults(
                    List.of("/bin/alertmanager"),
                    List.of("--config.file=/etc/alertmanager/alertmanager.yml", "--storage.path=/alertmanager"),
                    "/alertmanager"));
            case "prom/prometheus", "quay.io/prometheus/prometheus" -> Optional.of(new Defaults(
                    List.of("/bin/prometheus"),
                    List.of("--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"),
                    "/prometheus"));
            default -> Optional.empty();
        };
    }
}
