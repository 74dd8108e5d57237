package io.samokoder.model.alertmanager;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.compose.ComposeValue;
import io.samokoder.model.dotenv.DotEnv;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * @param image        the service's {@code image:} when it is not built from a Dockerfile
     */
    public record Render(String tool, String source, Optional<Set<String>> only, String service, String composePath,
                         int line, ServiceEnv env, Optional<String> image) {

        /** Whether this step replaces a {@code $VAR}/{@code ${VAR}} reference to {@code name}. */
        public boolean substitutes(String name) {
            if (tool.equals("gomplate") || tool.equals("dockerize")) {
                return false; // Go templates: they expand {{ .Env.X }}, never ${X}
            }
            return only.map(s -> s.contains(name)).orElse(true);
        }
    }

    /** Where a service gets a variable from. */
    public enum Supply {
        /** {@code environment: NAME: value} (the value may itself be compose interpolation). */
        ENVIRONMENT,
        /** {@code environment: - NAME} with no value: taken from the shell (or compose's .env) at {@code up}. */
        PASS_THROUGH,
        /** An {@code env_file} committed to the repository sets it. */
        ENV_FILE,
        /** An {@code env_file} that is not in the repository (a git-ignored .env) may set it. */
        MISSING_ENV_FILE,
        /** Rendered by a repository script (deploy script, Makefile, CI step) whose environment is not known. */
        UNKNOWN,
        /** Nothing sets it. */
        NONE
    }

    /** What a service's environment supplies. */
    public record ServiceEnv(Set<String> environment, Set<String> passThrough, Set<String> envFileKeys,
                             List<String> missingEnvFiles, boolean unknown) {

        /** The environment of a script run outside compose: anything may be set. */
        static ServiceEnv unknownEnvironment() {
            return new ServiceEnv(Set.of(), Set.of(), Set.of(), List.of(), true);
        }

        public Supply supply(String name) {
            if (unknown) {
                return Supply.UNKNOWN;
            }
            if (passThrough.contains(name)) {
                return Supply.PASS_THROUGH;
            }
            if (environment.contains(name)) {
                return Supply.ENVIRONMENT;
            }
            if (envFileKeys.contains(name)) {
                return Supply.ENV_FILE;
            }
            return missingEnvFiles.isEmpty() ? Supply.NONE : Supply.MISSING_ENV_FILE;
        }

        public boolean provides(String name) {
            return supply(name) != Supply.NONE;
        }
    }

    private final List<Render> renders;
    private final Set<String> loadedAsIs;
    private final Set<String> renderedAnywhere = new LinkedHashSet<>();

    AlertmanagerRendering(List<Render> renders, Set<String> loadedAsIs) {
        this.renders = List.copyOf(renders);
        this.loadedAsIs = Set.copyOf(loadedAsIs);
    }

    /** The default {@code --config.file} of the prom/alertmanager image. */
    static final String DEFAULT_CONFIG = "/etc/alertmanager/alertmanager.yml";

    public static AlertmanagerRendering load(AuditContext ctx) {
        ComposeProject compose = ctx.model(ComposeProject.class, ComposeProject::load);
        List<Render> renders = new ArrayList<>();
        Set<String> asIs = new LinkedHashSet<>();
        Set<String> otherRenders = new LinkedHashSet<>();
        for (ComposeStack stack : compose.stacks()) {
            for (ComposeService s : stack.services().values()) {
                String script = script(ctx, s);
                for (RenderCommands.Step step : RenderCommands.find(script)) {
                    s.repositoryPathAt(step.input()).filter(p -> ctx.workspace().file(p).isPresent())
                            .ifPresent(otherRenders::add);
                }
                if (!isAlertmanager(s, script)) {
                    continue;
                }
                String configFile = s.configFileArgument().map(ComposeValue::value)
                        .or(() -> configFileIn(script)).orElse(DEFAULT_CONFIG);
                boolean rendered = false;
                for (RenderCommands.Step step : RenderCommands.find(script)) {
                    if (!samePath(step.output(), configFile)) {
                        continue;
                    }
                    Optional<String> source = s.repositoryPathAt(step.input());
                    if (source.isPresent() && ctx.workspace().file(source.get()).isPresent()) {
                        renders.add(new Render(step.tool(), source.get(), step.only().filter(o -> !o.isEmpty()
                                || step.tool().equals("sed")), s.name(), s.location().path(), commandLine(s),
                                env(ctx, s), s.hasBuild() ? Optional.empty() : s.image().map(ComposeValue::value)));
                        rendered = true;
                    }
                }
                if (!rendered) {
                    s.repositoryPathAt(configFile).filter(p -> ctx.workspace().file(p).isPresent())
                            .ifPresent(asIs::add);
                }
            }
        }
        renders.addAll(scriptRenders(ctx, renders));
        AlertmanagerRendering result = new AlertmanagerRendering(renders, asIs);
        renders.forEach(r -> result.renderedAnywhere.add(r.source()));
        result.renderedAnywhere.addAll(otherRenders);
        return result;
    }

    /**
     * Render steps in repository scripts that run outside compose (deploy scripts, Makefiles, CI workflow steps):
     * {@code envsubst < monitoring/alertmanager/alertmanager.yml > /etc/alertmanager/alertmanager.yml} makes the
     * repository file a template. Paths are resolved against the repository root and the script's folder; the
     * environment of such a script is unknown.
     */
    private static List<Render> scriptRenders(AuditContext ctx, List<Render> known) {
        List<Render> out = new ArrayList<>();
        for (SourceFile f : ctx.workspace().files()) {
            String n = f.name().toLowerCase(Locale.ROOT);
            boolean script = n.endsWith(".sh") || n.endsWith(".bash") || n.equals("makefile") || n.endsWith(".mk")
                    || n.equals("justfile") || io.samokoder.engine.FileKinds.isCi(f.path());
            if (!script || f.size() > 512 * 1024) {
                continue;
            }
            Optional<String> text = ctx.workspace().text(f);
            if (text.isEmpty() || !(text.get().contains("envsubst") || text.get().contains("sed ")
                    || text.get().contains("gomplate") || text.get().contains("dockerize")
                    || text.get().contains("$ENV{"))) {
                continue;
            }
            for (RenderCommands.Step step : RenderCommands.find(text.get())) {
                for (String candidate : List.of(step.input(), f.folder().isEmpty() ? step.input()
                        : f.folder() + "/" + step.input())) {
                    String path = Workspace.normalize(candidate);
                    if (path.startsWith("..") || ctx.workspace().file(path).isEmpty()
                            || known.stream().anyMatch(r -> r.source().equals(path))
                            || out.stream().anyMatch(r -> r.source().equals(path))) {
                        continue;
                    }
                    int at = text.get().indexOf(step.input());
                    int line = at < 0 ? 0 : f.lineOf(at);
                    out.add(new Render(step.tool(), path, step.only().filter(o -> !o.isEmpty()
                            || step.tool().equals("sed")), f.path(), f.path(), line, ServiceEnv.unknownEnvironment(),
                            Optional.empty()));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean isAlertmanager(ComposeService s, String script) {
        String image = s.image().map(ComposeValue::value).orElse("").toLowerCase(Locale.ROOT);
        return image.contains("alertmanager") || s.name().toLowerCase(Locale.ROOT).contains("alertmanager")
                || RenderCommands.words(script).stream().anyMatch(w -> RenderCommands.basename(w).equals("alertmanager"));
    }

    /** Entrypoint and command joined, plus the text of repository scripts they run (mounted into the container). */
    private static String script(AuditContext ctx, ComposeService s) {
        List<String> parts = new ArrayList<>();
        s.entrypoint().ifPresent(l -> l.forEach(v -> parts.add(v.value())));
        s.command().ifPresent(l -> l.forEach(v -> parts.add(v.value())));
        StringBuilder sb = new StringBuilder(String.join(" ", parts));
        Set<String> seen = new LinkedHashSet<>();
        for (String word : RenderCommands.words(sb.toString())) {
            if (!word.startsWith("/") || seen.size() >= 8) {
                continue;
            }
            s.repositoryPathAt(word).flatMap(p -> ctx.workspace().file(p))
                    .filter(f -> f.size() < 256 * 1024 && seen.add(f.path()))
                    .flatMap(f -> ctx.workspace().text(f))
                    .filter(t -> t.startsWith("#!") || t.contains("envsubst") || t.contains("gomplate")
                            || t.contains("dockerize"))
                    .ifPresent(t -> sb.append('\n').append(t));
        }
        return sb.toString();
    }

    private static final Pattern CONFIG_FLAG = Pattern.compile("--?config\\.file(?:=|\\s+)['\"]?([^\\s'\"]+)");

    private static Optional<String> configFileIn(String script) {
        Matcher m = CONFIG_FLAG.matcher(script);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }

    private static boolean samePath(String a, String b) {
        return a != null && b != null && Workspace.normalize(a).equals(Workspace.normalize(b));
    }

    private static int commandLine(ComposeService s) {
        return s.entrypoint().filter(l -> !l.isEmpty()).map(l -> l.get(0).location().line())
                .or(() -> s.command().filter(l -> !l.isEmpty()).map(l -> l.get(0).location().line()))
                .orElse(s.location().line());
    }

    static ServiceEnv env(AuditContext ctx, ComposeService s) {
        Set<String> environment = new LinkedHashSet<>();
        Set<String> passThrough = new LinkedHashSet<>();
        s.environment().forEach((k, e) -> (e.value().isPresent() ? environment : passThrough).add(k));
        Set<String> keys = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        String folder = folder(s.location().path());
        for (ComposeValue v : s.envFiles()) {
            String path = Workspace.normalize(folder.isEmpty() ? v.value() : folder + "/" + v.value());
            Optional<SourceFile> f = ctx.workspace().file(path);
            if (f.isPresent()) {
                DotEnv.of(ctx, f.get()).entries().forEach(en -> keys.add(en.key()));
            } else {
                missing.add(path);
            }
        }
        return new ServiceEnv(environment, passThrough, keys, missing, false);
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public List<Render> renders() {
        return renders;
    }

    public List<Render> rendersOf(String path) {
        return renders.stream().filter(r -> r.source().equals(path)).toList();
    }

    /**
     * Every repository file some render step reads: Alertmanager templates, and files other services (Prometheus,
     * exporters) or repository scripts render before use. Such a file is a template, whatever its name.
     */
    public boolean isRendered(String path) {
        return renderedAnywhere.contains(path);
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
            // rendered by another service (an init container writing to a shared volume): a template
            return !entry.templateByName() && !renderedAnywhere.contains(entry.path());
        }
        return rs.stream().noneMatch(r -> r.substitutes(name));
    }
}
