package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compose services whose image ships a default password that applies when the setting is absent: Grafana
 * ({@code admin}/{@code admin} unless {@code GF_SECURITY_ADMIN_PASSWORD} or its {@code __FILE} form is set),
 * MinIO ({@code minioadmin}), RabbitMQ ({@code guest}). A service that takes an {@code env_file} or mounts a
 * configuration file may set it there and is left alone.
 */
final class ImageDefaults {

    /** image name fragment, variables any of which sets the password, the default that applies otherwise. */
    record Known(String image, List<String> variables, String product) {
    }

    static final List<Known> KNOWN = List.of(
            new Known("grafana/grafana", List.of("GF_SECURITY_ADMIN_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD__FILE"),
                    "Grafana"),
            new Known("grafana-enterprise", List.of("GF_SECURITY_ADMIN_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD__FILE"),
                    "Grafana"),
            new Known("minio/minio", List.of("MINIO_ROOT_PASSWORD", "MINIO_ROOT_PASSWORD_FILE", "MINIO_SECRET_KEY",
                    "MINIO_SECRET_KEY_FILE"), "MinIO"),
            new Known("rabbitmq", List.of("RABBITMQ_DEFAULT_PASS", "RABBITMQ_DEFAULT_PASS_FILE"), "RabbitMQ"));

    /** A service running with its image's default password. */
    record Hit(String path, int line, String service, Known known) {
    }

    private ImageDefaults() {
    }

    static List<Hit> find(AuditContext context) {
        List<Hit> out = new ArrayList<>();
        for (SourceFile f : context.workspace().files()) {
            if (!FileKinds.isCompose(f.path()) || f.size() > FileSettings.MAX_SIZE) {
                continue;
            }
            YamlDocument doc = context.yaml(f);
            for (Map.Entry<String, Node> svc : YamlDocument.mapping(doc.rootMapping().get("services")).entrySet()) {
                Map<String, Node> service = YamlDocument.mapping(svc.getValue());
                Node image = service.get("image");
                String name = YamlDocument.scalar(image).orElse("").toLowerCase(Locale.ROOT);
                if (name.isEmpty() || service.containsKey("env_file") || mountsConfig(service)) {
                    continue;
                }
                for (Known k : KNOWN) {
                    if (name.contains(k.image()) && !setsAny(service.get("environment"), k.variables())) {
                        out.add(new Hit(f.path(), YamlDocument.line(image), svc.getKey(), k));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean mountsConfig(Map<String, Node> service) {
        for (Node v : YamlDocument.sequence(service.get("volumes"))) {
            String text = YamlDocument.scalar(v).orElseGet(() ->
                    YamlDocument.scalar(YamlDocument.mapping(v).get("target")).orElse(""));
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains(".ini") || lower.contains(".conf") || lower.contains("/etc/grafana")
                    || lower.contains("/etc/rabbitmq") || lower.contains("definitions.json")) {
                return true;
            }
        }
        return false;
    }

    private static boolean setsAny(Node environment, List<String> variables) {
        for (String key : YamlDocument.mapping(environment).keySet()) {
            if (variables.contains(key)) {
                return true;
            }
        }
        for (Node item : YamlDocument.sequence(environment)) {
            String s = YamlDocument.scalar(item).orElse("");
            int eq = s.indexOf('=');
            if (variables.contains(eq < 0 ? s : s.substring(0, eq))) {
                return true;
            }
        }
        return false;
    }
}
