package io.samokoder.model.alertmanager;

import io.samokoder.engine.AuditContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How Alertmanager configs reach Alertmanager: which repository files a deployment renders (envsubst, sed, gomplate …)
 * into the path Alertmanager loads, and which it passes to {@code --config.file} as they are. Shared model:
 * {@code ctx.model(AlertmanagerRendering.class, AlertmanagerRendering::load)}.
 */
public final class AlertmanagerRendering {

    /**
     * One render step.
     *
     * @param tool         {@code envsubst}, {@code sed}, {@code gomplate}, …
     * @param source       repository path of the template
     * @param only         variables the step is limited to (envsubst's SHELL-FORMAT, the names a sed script
     *                     mentions); empty = every {@code $VAR}/{@code ${VAR}}
     * @param service      the compose service that renders it
     * @param composePath  the compose file defining the service
     * @param line         line of the command in that file (or of the script)
     * @param env          what the service's environment provides
     */
    public record Render(String tool, String source, Optional<Set<String>> only, String service, String composePath,
                         int line, ServiceEnv env) {

        /** Whether this step replaces a {@code $VAR}/{@code ${VAR}} reference to {@code name}. */
        public boolean substitutes(String name) {
            if (tool.equals("gomplate")) {
                return false; // gomplate expands {{ .Env.X }}, never ${X}
            }
            return only.map(s -> s.contains(name)).orElse(true);
        }
    }

    /** What a service's environment supplies. */
    public interface ServiceEnv {
        /** Whether the variable is set in the container (environment or an env_file present in the repository). */
        boolean provides(String name);

        /** Where the environment is declared, for findings about it: compose path and line. */
        String path();

        int line();
    }

    private final List<Render> renders;
    private final Set<String> loadedAsIs;

    AlertmanagerRendering(List<Render> renders, Set<String> loadedAsIs) {
        this.renders = List.copyOf(renders);
        this.loadedAsIs = Set.copyOf(loadedAsIs);
    }

    public static AlertmanagerRendering load(AuditContext ctx) {
        return new AlertmanagerRendering(List.of(), Set.of());
    }

    public List<Render> renders() {
        return renders;
    }

    public List<Render> rendersOf(String path) {
        return renders.stream().filter(r -> r.source().equals(path)).toList();
    }

    /** Repository files a compose service passes to {@code --config.file} without rendering them. */
    public Set<String> loadedAsIs() {
        return loadedAsIs;
    }

    /**
     * Whether Alertmanager reads this file with the placeholder still in it: the file is loaded as it is (directly,
     * or as a plain-named config nothing renders), or every render step leaves that reference alone.
     */
    public boolean readsLiterally(AlertmanagerConfigs.Entry entry, String name) {
        List<Render> rs = rendersOf(entry.path());
        if (loadedAsIs.contains(entry.path())) {
            return true;
        }
        if (rs.isEmpty()) {
            return !entry.templateByName();
        }
        return rs.stream().noneMatch(r -> r.substitutes(name));
    }
}
