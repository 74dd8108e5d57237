package io.samokoder.model.compose;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.workspace.FileKinds;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which YAML files are compose files. Compose reads whatever {@code -f} or {@code COMPOSE_FILE} names, so overlays are
 * often named for what they add ({@code prometheus.yml}, {@code grafana.yml}, {@code traefik-prom.yml}) rather than
 * {@code docker-compose.*.yml}. Besides the names compose finds itself ({@link FileKinds#isCompose}), a YAML file is a
 * compose file when its content is one: a single document whose root keys are all compose top-level keys (or
 * {@code x-} extensions) with a non-empty {@code services:} mapping whose every service is a mapping of compose service
 * attributes. Such a file holds none of Prometheus' ({@code scrape_configs}, {@code rule_files}, {@code global},
 * {@code alerting}) or Alertmanager's ({@code route}, {@code receivers}) keys, so it is never one of their configs
 * whatever its name.
 */
public final class ComposeDocuments {

    /** Cheap pre-filter before a parse: a {@code services:} key at the start of a line. */
    private static final Pattern SERVICES_KEY = Pattern.compile("(?m)^[\"']?services[\"']?[ \\t]*:");

    /** The per-file answer, cached per audit. */
    private record Kind(boolean compose) {
    }

    private ComposeDocuments() {
    }

    /** Whether compose reads this file: by name, or a YAML file whose content is a compose document. */
    public static boolean isCompose(AuditContext ctx, SourceFile file) {
        return FileKinds.isCompose(file.path()) || isComposeByContent(ctx, file);
    }

    /**
     * Whether a YAML file not named as a compose file is a compose document by its content ({@link #isComposeDocument});
     * CI files are not (GitLab CI has a top-level {@code services:} of its own).
     */
    public static boolean isComposeByContent(AuditContext ctx, SourceFile file) {
        if (!FileKinds.isYaml(file.path()) || FileKinds.isCompose(file.path()) || FileKinds.isCi(file.path())) {
            return false;
        }
        return ctx.parsed(file, Kind.class, f -> new Kind(ctx.workspace().text(f)
                .filter(t -> SERVICES_KEY.matcher(t).find()).isPresent() && isComposeDocument(ctx.yaml(f)))).compose();
    }

    /** The content test: a compose document, and nothing but one (see the class comment). */
    public static boolean isComposeDocument(YamlDocument doc) {
        if (!doc.isUsable() || doc.documents().size() != 1 || !(doc.root().orElse(null) instanceof MappingNode root)) {
            return false;
        }
        Map<String, Node> top = YamlDocument.mapping(root);
        for (String key : top.keySet()) {
            if (!key.startsWith("x-") && !ComposeFileParser.TOP_LEVEL_KEYS.contains(key)) {
                return false;
            }
        }
        if (!(top.get("services") instanceof MappingNode services)) {
            return false;
        }
        int defined = 0;
        for (Map.Entry<String, Node> s : YamlDocument.mapping(services).entrySet()) {
            if (s.getKey().startsWith("x-")) {
                continue;
            }
            if (!(s.getValue() instanceof MappingNode attributes)) {
                return false;
            }
            for (String key : YamlDocument.mapping(attributes).keySet()) {
                if (!key.startsWith("x-") && !ComposeFileParser.SERVICE_KEYS.contains(key)) {
                    return false;
                }
            }
            defined++;
        }
        return defined > 0;
    }
}
