package io.samokoder.model.environments;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.settings.Setting;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables the repository's deployments pass to programs: the {@code environment:} entries and
 * {@code env_file:} keys of compose services, and the {@code env:} names and Secret/ConfigMap keys
 * ({@code envFrom:}) of Kubernetes manifests. A program's fallback for such a variable ({@code ${DB_PASSWORD:postgres}}
 * in Spring, {@code os.getenv("POSTGRES_PASSWORD", "password")} in Python) is used only when a run does not pass it:
 * in a deployment of the repository it is not the value. Spring Boot also binds a variable to a property by its
 * relaxed name ({@code SPRING_DATASOURCE_PASSWORD} sets {@code spring.datasource.password}).
 */
public final class DeployedVariables {

    private static final Pattern K8S_ENV_NAME = Pattern.compile("^\\s*-\\s+name:\\s*['\"]?([A-Z_][A-Z0-9_]{0,100})['\"]?\\s*$");
    private static final Pattern K8S_DATA_KEY = Pattern.compile("^\\s{2,}['\"]?([A-Z_][A-Z0-9_]{0,100})['\"]?:\\s*\\S.*$");
    private static final int MAX_MANIFEST = 1024 * 1024;
    private static final List<String> TEMPLATE_SUFFIXES = List.of("-sample", ".sample", ".example", "-example",
            ".template", ".dist");

    private final Map<String, Evidence> passed;

    private DeployedVariables(Map<String, Evidence> passed) {
        this.passed = passed;
    }

    public static DeployedVariables of(AuditContext context) {
        return context.model(DeployedVariables.class, DeployedVariables::build);
    }

    /** Where a deployment passes this variable, if one does. */
    public Optional<Evidence> passes(String variable) {
        return Optional.ofNullable(passed.get(variable));
    }

    /** Spring Boot's relaxed binding: {@code spring.datasource.password} is set by {@code SPRING_DATASOURCE_PASSWORD}. */
    public static String springVariable(String property) {
        return property.replace('.', '_').replace("-", "").replace('[', '_').replace("]", "")
                .toUpperCase(Locale.ROOT);
    }

    private static DeployedVariables build(AuditContext context) {
        Map<String, Evidence> out = new HashMap<>();
        ComposeProject project = ComposeProject.of(context);
        for (ComposeStack stack : project.stacks()) {
            for (ComposeService service : stack.services().values()) {
                service.environment().forEach((name, entry) -> {
                    Location l = entry.location();
                    out.putIfAbsent(name, new Evidence(l.path(), l.line(), Text.of("model.evidence.passesToService",
                            service.name())));
                });
            }
        }
        project.envFiles().forEach((path, where) -> {
            Location l = where.get(0);
            Optional<SourceFile> file = context.workspace().file(path);
            String from = null;
            if (file.isEmpty()) {
                // not committed: the operator writes it from the template beside it, which names its keys
                for (String suffix : TEMPLATE_SUFFIXES) {
                    file = context.workspace().file(path + suffix);
                    if (file.isPresent()) {
                        from = path + suffix;
                        break;
                    }
                }
            }
            Text says = from == null ? Text.of("model.evidence.passesEnvFile", path)
                    : Text.of("model.evidence.passesEnvFileFrom", path, from);
            file.ifPresent(f -> {
                for (Setting s : FileSettings.ofEnvFile(context, f).settings()) {
                    out.putIfAbsent(s.name(), new Evidence(l.path(), l.line(), says));
                }
            });
        });
        for (SourceFile f : context.workspace().files()) {
            String lower = f.path().toLowerCase(Locale.ROOT);
            if ((lower.endsWith(".yaml") || lower.endsWith(".yml")) && f.size() <= MAX_MANIFEST) {
                manifest(context, f, out);
            }
        }
        return new DeployedVariables(Map.copyOf(out));
    }

    /** A Kubernetes manifest's {@code env:} names and its Secrets' and ConfigMaps' keys. */
    private static void manifest(AuditContext context, SourceFile f, Map<String, Evidence> out) {
        String text = context.workspace().text(f).orElse("");
        if (!text.contains("apiVersion:") || !text.contains("kind:")) {
            return;
        }
        boolean keys = text.contains("kind: Secret") || text.contains("kind: ConfigMap");
        boolean inData = false;
        int line = 0;
        for (String l : text.split("\n", -1)) {
            line++;
            if (l.startsWith("data:") || l.startsWith("stringData:")) {
                inData = keys;
                continue;
            }
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0))) {
                inData = false;
            }
            Matcher env = K8S_ENV_NAME.matcher(l);
            if (env.matches()) {
                out.putIfAbsent(env.group(1), new Evidence(f.path(), line, Text.of("model.evidence.passesToPod")));
                continue;
            }
            if (inData) {
                Matcher key = K8S_DATA_KEY.matcher(l);
                if (key.matches()) {
                    out.putIfAbsent(key.group(1), new Evidence(f.path(), line, Text.of("model.evidence.passesK8sKey")));
                }
            }
        }
    }
}
