package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.compose.ComposeValue;
import io.samokoder.model.compose.Mount;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** Over the compose model: services merged across a stack's files (base + overrides, extends, include). */
    static List<Hit> find(AuditContext context) {
        List<Hit> out = new ArrayList<>();
        ComposeProject project = ComposeProject.of(context);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ComposeStack stack : project.stacks()) {
            for (ComposeService service : stack.services().values()) {
                if (service.image().isEmpty() || !service.envFiles().isEmpty() || mountsConfig(service)) {
                    continue;
                }
                ComposeValue image = service.image().get();
                String name = image.value().toLowerCase(Locale.ROOT);
                for (Known k : KNOWN) {
                    if (name.contains(k.image()) && k.variables().stream().noneMatch(service.environment()::containsKey)) {
                        Location at = image.location();
                        if (seen.add(at.path() + ":" + at.line())) {
                            out.add(new Hit(at.path(), at.line(), service.name(), k));
                        }
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean mountsConfig(ComposeService service) {
        for (Mount m : service.volumes()) {
            String target = m.target() == null ? "" : m.target().toLowerCase(Locale.ROOT);
            if (target.endsWith(".ini") || target.endsWith(".conf") || target.equals("/etc/grafana")
                    || target.startsWith("/etc/rabbitmq") || target.endsWith("definitions.json")) {
                return true;
            }
        }
        return false;
    }
}
