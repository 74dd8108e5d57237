package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.settings.FileSettings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The env files compose reads, for the checks that judge dotenv files by name too. */
final class EnvFiles {

    private EnvFiles() {
    }

    /** Files in the repository that a compose service reads with {@code env_file:}, with the places naming them. */
    static Map<String, List<Location>> all(AuditContext context) {
        Map<String, List<Location>> out = new TreeMap<>();
        ComposeProject project = ComposeProject.of(context);
        project.envFiles().forEach((path, where) -> {
            if (context.workspace().file(path).isPresent()) {
                out.put(path, where);
            }
        });
        return out;
    }

    /** Those whose name is not a dotenv name ({@code monitoring/grafana.config}): the name-based checks miss them. */
    static Map<String, List<Location>> unnamed(AuditContext context) {
        Map<String, List<Location>> out = new TreeMap<>();
        all(context).forEach((path, where) -> {
            FileSettings.Kind kind = FileSettings.kindOf(path);
            if (kind != FileSettings.Kind.DOTENV && kind != FileSettings.Kind.DOTENV_TEMPLATE) {
                out.put(path, where);
            }
        });
        return out;
    }
}
