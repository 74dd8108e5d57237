package io.samokoder.model.prometheus;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeDocuments;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.docker.Container;
import io.samokoder.model.docker.Containers;
import io.samokoder.model.docker.ImageBuild;
import io.samokoder.model.render.ConfigRendering;
import io.samokoder.model.render.HostWrites;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every Prometheus configuration of the repository and the containers that run each one. Configs are found by name
 * ({@code prometheus*.yml}, unless the file is a compose overlay by its content: {@link ComposeDocuments}), by
 * content (a YAML file whose root has {@code scrape_configs}) and as the file a container running Prometheus reads
 * at its {@code --config.file} (the image's default {@code /etc/prometheus/prometheus.yml} when it passes none):
 * through a bind mount, a compose {@code configs:} file, a {@code COPY} of the image built for
 * it, a copy or render step of its entrypoint ({@link ConfigRendering}), or a repository script that writes the
 * mounted file from another ({@link HostWrites}: {@code cp prometheus.default.yml prometheus.yml}). Which container runs
 * Prometheus is {@link ConfigRendering}'s answer, so the placeholder checks and the monitoring checks agree. Shared
 * model: {@link #of(AuditContext)}.
 */
public final class PrometheusConfigs {

    /** The Prometheus image's own default for {@code --config.file}. */
    public static final String DEFAULT_CONFIG_PATH = "/etc/prometheus/prometheus.yml";

    /**
     * A container that runs Prometheus.
     *
     * @param container           the container: a compose service, or an image built from a Dockerfile that no
     *                            compose service runs (deployed by other means)
     * @param containerConfigPath the {@code --config.file} path inside the container
     * @param configPath          the repository file Prometheus reads there, when one of the repository's files is
     * @param location            the {@code --config.file} argument's place, or the container's
     * @param how                 how the file gets there when it is not mounted or copied as it is (a render step, a
     *                            script that writes the mounted file), for messages
     */
    public record Runner(Container container, String containerConfigPath, Optional<String> configPath,
                         Location location, Optional<io.samokoder.i18n.Text> how) {

        /** The compose project of a compose service; empty for an image run outside compose. */
        public Optional<ComposeStack> composeStack() {
            return container.stack();
        }

        /** Whether it is a compose service. */
        public boolean inCompose() {
            return container.service().isPresent();
        }

        /** The compose project; only for {@link #inCompose()} runners. */
        public ComposeStack stack() {
            return container.stack().orElseThrow();
        }

        /** The compose service; only for {@link #inCompose()} runners. */
        public ComposeService service() {
            return container.service().orElseThrow();
        }

        /** The container folder of the config: relative {@code rule_files} and {@code file_sd_configs} start there. */
        public String configFolder() {
            String c = ImageBuild.containerPath(container.workdir(), containerConfigPath);
            int slash = c.lastIndexOf('/');
            return slash <= 0 ? "/" : c.substring(0, slash);
        }

        /** For messages: {@code service 'prometheus' (docker-compose.yml:12)} or the image. */
        /** {@link #who()} for reports in every language. */
        public io.samokoder.i18n.Text whoText() {
            return container.service().isPresent()
                    ? io.samokoder.i18n.Text.of("model.prometheus.service", container.name(), container.location())
                    : io.samokoder.i18n.Text.of("model.render.image", container.name());
        }

        public String who() {
            return container.service().isPresent() ? "service '" + container.name() + "' ("
                    + container.location() + ")" : "the image built from " + container.name();
        }
    }

    /**
     * The repository files a {@code rule_files}/{@code file_sd_configs} pattern reaches.
     *
     * @param files    matched repository files, sorted
     * @param runner   the container it was resolved in; empty when no container runs the config and the config's
     *                 own folder stood for {@code /etc/prometheus}
     * @param resolved the pattern as resolved: a container path glob, or the repository glob when nothing runs it;
     *                 empty when it cannot be resolved without a container (an absolute path outside
     *                 {@code /etc/prometheus})
     */
    public record Reach(List<String> files, Optional<Runner> runner, Optional<String> resolved) {
    }

    private final Map<String, PrometheusConfig> configs;
    private final List<SourceFile> files;
    private final List<Runner> runners;
    private final boolean expandExternalLabels;
    private final Set<String> inputs;

    private PrometheusConfigs(Map<String, PrometheusConfig> configs, List<SourceFile> files, List<Runner> runners,
                              boolean expandExternalLabels, Set<String> inputs) {
        this.configs = Collections.unmodifiableMap(configs);
        this.files = List.copyOf(files);
        this.runners = List.copyOf(runners);
        this.expandExternalLabels = expandExternalLabels;
        this.inputs = Collections.unmodifiableSet(inputs);
    }

    public static PrometheusConfigs of(AuditContext ctx) {
        return ctx.model(PrometheusConfigs.class, PrometheusConfigs::load);
    }

    private static PrometheusConfigs load(AuditContext ctx) {
        ComposeProject compose = ComposeProject.of(ctx);
        Workspace ws = ctx.workspace();
        Map<String, PrometheusConfig> found = new TreeMap<>();
        List<SourceFile> candidates = new ArrayList<>();
        Set<String> inputs = new LinkedHashSet<>(compose.inputs());
        boolean expand = false;
        for (SourceFile f : ws.files()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            if (!expand && ws.text(f).filter(t -> t.contains("expand-external-labels")).isPresent()
                    && (isDeploymentFile(f.path(), name) || ComposeDocuments.isComposeByContent(ctx, f))) {
                expand = true;
            }
            if (!FileKinds.isYaml(f.path()) || FileKinds.isCompose(f.path())) {
                continue;
            }
            boolean byName = FileKinds.isPrometheusByName(f.path());
            if (!byName && ws.text(f).filter(t -> t.contains("scrape_configs")).isEmpty()) {
                continue;
            }
            if (byName && ComposeDocuments.isComposeByContent(ctx, f)) {
                continue; // a compose overlay named for the service it adds (prometheus.yml with `services:`)
            }
            if (byName || ctx.yaml(f).rootMapping().containsKey("scrape_configs")) {
                candidates.add(f);
            }
            PrometheusConfig cfg = of(ctx, f);
            if (cfg.isUsable()) {
                found.put(f.path(), cfg);
                inputs.add(f.path());
            }
        }
        List<Runner> runners = new ArrayList<>();
        Containers containers = Containers.of(ctx);
        inputs.addAll(containers.inputs());
        HostWrites host = HostWrites.of(ctx);
        for (ConfigRendering.ProgramRun run : ConfigRendering.of(ctx, ConfigRendering.Program.PROMETHEUS).runs()) {
            Container c = run.container();
            String containerPath = run.readPath().orElse(DEFAULT_CONFIG_PATH);
            Location loc = argumentLocation(c).orElse(c.commandLocation());
            Optional<String> config = run.config();
            Optional<io.samokoder.i18n.Text> how = Optional.empty();
            if (config.isEmpty() && run.readPath().isPresent()) {
                // the mounted file may be one a repository script writes (git-ignored, not in the tree)
                Optional<String> mounted = c.repositoryPathAt(containerPath);
                Optional<HostWrites.Write> w = mounted.filter(p -> ws.file(p).isEmpty()).flatMap(host::writerOf);
                if (w.isPresent()) {
                    config = Optional.of(w.get().source());
                    how = Optional.of(io.samokoder.i18n.Text.of("model.prometheus.writes", w.get().whereText(),
                            mounted.get(), w.get().source()));
                    inputs.add(w.get().location().path());
                } else {
                    config = mounted.filter(p -> ws.file(p).isPresent());
                }
            }
            Optional<SourceFile> file = config.flatMap(ws::file);
            if (file.isPresent() && !found.containsKey(file.get().path())) {
                PrometheusConfig cfg = of(ctx, file.get());
                if (cfg.isUsable() || ctx.yaml(file.get()).isUsable()) {
                    found.put(file.get().path(), cfg);
                    inputs.add(file.get().path());
                }
            }
            if (c.service().isEmpty() && config.isEmpty()) {
                continue; // an image run outside compose that carries no config of the repository
            }
            runners.add(new Runner(c, containerPath, config, loc, how));
        }
        return new PrometheusConfigs(found, candidates, runners, expand, inputs);
    }

    private static Optional<Location> argumentLocation(Container c) {
        return c.service().flatMap(ComposeService::configFileArgument).map(v -> v.location());
    }

    /** Where a Prometheus command line lives: compose files, Dockerfiles, shell scripts, systemd units, manifests. */
    private static boolean isDeploymentFile(String path, String name) {
        return FileKinds.isCompose(path) || name.startsWith("dockerfile") || name.endsWith(".dockerfile")
                || name.endsWith(".sh") || name.endsWith(".service") || name.endsWith(".conf")
                || (FileKinds.isYaml(path) && !FileKinds.isPrometheusByName(path)
                && !FileKinds.isAlertmanagerByName(path));
    }

    /** The per-file parse, cached per audit. */
    public static PrometheusConfig of(AuditContext ctx, SourceFile f) {
        return ctx.parsed(f, PrometheusConfig.class, x -> {
            YamlDocument doc = ctx.yaml(x);
            return PrometheusConfig.parse(x.path(), doc);
        });
    }

    /** Configs that parse as Prometheus server configs, by path, sorted. */
    public List<PrometheusConfig> configs() {
        return List.copyOf(configs.values());
    }

    public Optional<PrometheusConfig> config(String path) {
        return Optional.ofNullable(configs.get(path));
    }

    /**
     * Files found as Prometheus configs by name ({@code prometheus*.yml}) or by a root {@code scrape_configs}, whether
     * or not they parse: the files whose text Prometheus would load.
     */
    public List<SourceFile> files() {
        return files;
    }

    /** Whether a deployment file of the repository passes {@code --enable-feature=expand-external-labels}. */
    public boolean expandExternalLabels() {
        return expandExternalLabels;
    }

    /** Every container that runs Prometheus: compose services, and images run outside compose with a config. */
    public List<Runner> runners() {
        return runners;
    }

    /** The containers that run this config (compose services first). */
    public List<Runner> runnersOf(String configPath) {
        return runners.stream().filter(r -> r.configPath().filter(configPath::equals).isPresent()).toList();
    }

    /** The compose services that run this config. */
    public List<Runner> composeRunnersOf(String configPath) {
        return runnersOf(configPath).stream().filter(Runner::inCompose).toList();
    }

    /** Paths of the configs some container runs. */
    public Set<String> deployed() {
        Set<String> out = new TreeSet<>();
        runners.forEach(r -> r.configPath().ifPresent(out::add));
        return out;
    }

    public boolean isEmpty() {
        return configs.isEmpty();
    }

    /**
     * The repository files a {@code rule_files} or {@code file_sd_configs} pattern of a config reaches: for each
     * container that runs the config, the files it sees at the pattern (relative patterns start at the config's
     * folder in the container); when none runs it, with the config's own folder standing for {@code /etc/prometheus}
     * (the image's layout). One {@link Reach} per container, or one for the assumed layout.
     */
    public List<Reach> reach(AuditContext ctx, PrometheusConfig cfg, String pattern) {
        List<Reach> out = new ArrayList<>();
        List<Runner> rs = runnersOf(cfg.path());
        if (rs.isEmpty()) {
            Optional<String> glob = assumedLayout(cfg.path(), pattern);
            List<String> files = new ArrayList<>();
            glob.ifPresent(g -> files.addAll(repositoryMatches(ctx.workspace(), g)));
            out.add(new Reach(files, Optional.empty(), glob));
            return out;
        }
        for (Runner r : rs) {
            String glob = normalizeContainerGlob(pattern.startsWith("/") ? pattern : r.configFolder() + "/" + pattern);
            Optional<Pattern> p = Globs.compile(glob);
            List<String> files = p.map(x -> r.container().repositoryFilesMatching(x, Globs.staticPrefix(glob),
                    ctx.workspace())).orElse(List.of());
            out.add(new Reach(files, Optional.of(r), Optional.of(glob)));
        }
        return out;
    }

    /**
     * The repository glob a pattern of a config that nothing runs stands for: relative to the config's folder, and
     * {@code /etc/prometheus/...} with the config's folder as {@code /etc/prometheus}; empty for other absolute paths.
     */
    public static Optional<String> assumedLayout(String configPath, String pattern) {
        String folder = configPath.contains("/") ? configPath.substring(0, configPath.lastIndexOf('/')) : "";
        if (!pattern.startsWith("/")) {
            return Optional.of(Workspace.normalize(folder.isEmpty() ? pattern : folder + "/" + pattern));
        }
        String dir = Globs.staticPrefix(pattern);
        if (!(dir.equals("/etc/prometheus") || dir.startsWith("/etc/prometheus/"))) {
            return Optional.empty();
        }
        String rest = pattern.substring(dir.length()).replaceFirst("^/+", "");
        String mapped = folder + dir.substring("/etc/prometheus".length());
        return Optional.of(Workspace.normalize(rest.isEmpty() ? mapped : mapped + "/" + rest));
    }

    private static String normalizeContainerGlob(String glob) {
        return "/" + Workspace.normalize(glob.replaceFirst("^/+", ""));
    }

    private static List<String> repositoryMatches(Workspace ws, String glob) {
        if (!Globs.hasWildcard(glob)) {
            return ws.exists(glob) && !ws.isDirectory(glob) ? List.of(glob) : List.of();
        }
        Optional<Pattern> p = Globs.compile(glob);
        if (p.isEmpty()) {
            return List.of();
        }
        int segments = Globs.segments(glob);
        List<String> out = new ArrayList<>();
        for (String f : ws.filePathsUnder(Globs.literalFolder(glob))) {
            if (Globs.segments(f) == segments && p.get().matcher(f).matches()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Repository paths the model was built from (compose inputs, Dockerfiles, scripts and the configs). */
    public Set<String> inputs() {
        return inputs;
    }
}
