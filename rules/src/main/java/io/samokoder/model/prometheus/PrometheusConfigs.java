package io.samokoder.model.prometheus;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.compose.ImageCatalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every Prometheus configuration of the repository, found by name ({@code prometheus*.yml}), by content (a YAML file
 * with {@code scrape_configs}) or as the file a compose Prometheus service mounts and passes to {@code --config.file}
 * (the image's default {@code /etc/prometheus/prometheus.yml} when it passes none), joined with the compose services
 * that run each one. Built once: {@code ctx.model(PrometheusConfigs.class, PrometheusConfigs::load)}.
 */
public final class PrometheusConfigs {

    /** The Prometheus image's own default for {@code --config.file}. */
    public static final String DEFAULT_CONFIG_PATH = "/etc/prometheus/prometheus.yml";

    /**
     * A compose service that runs Prometheus.
     *
     * @param containerConfigPath the {@code --config.file} path inside the container
     * @param configPath          the repository file mounted there, when a bind mount of the repository covers it
     * @param location            the {@code --config.file} argument's place, or the service's when defaulted
     */
    public record Runner(ComposeStack stack, ComposeService service, String containerConfigPath,
                         Optional<String> configPath, Location location) {
    }

    private final Map<String, PrometheusConfig> configs;
    private final List<Runner> runners;
    private final Set<String> inputs;

    private PrometheusConfigs(Map<String, PrometheusConfig> configs, List<Runner> runners, Set<String> inputs) {
        this.configs = Collections.unmodifiableMap(configs);
        this.runners = List.copyOf(runners);
        this.inputs = Collections.unmodifiableSet(inputs);
    }

    /** Whether a compose service runs Prometheus (by image, or a service named {@code prometheus} without image). */
    public static boolean runsPrometheus(ComposeService s) {
        Optional<String> c = ImageCatalog.component(s);
        if (c.isPresent()) {
            return c.get().equals("prometheus");
        }
        return s.image().isEmpty() && s.name().equalsIgnoreCase("prometheus");
    }

    public static PrometheusConfigs load(AuditContext ctx) {
        ComposeProject compose = ctx.model(ComposeProject.class, ComposeProject::load);
        Map<String, PrometheusConfig> found = new TreeMap<>();
        Set<String> inputs = new LinkedHashSet<>(compose.inputs());
        for (SourceFile f : ctx.workspace().files()) {
            if (!FileKinds.isYaml(f.path()) || FileKinds.isCompose(f.path())) {
                continue;
            }
            boolean byName = FileKinds.isPrometheusByName(f.path());
            if (!byName) {
                Optional<String> text = ctx.workspace().text(f);
                if (text.isEmpty() || !text.get().contains("scrape_configs")) {
                    continue;
                }
            }
            PrometheusConfig cfg = of(ctx, f);
            if (cfg.isUsable()) {
                found.put(f.path(), cfg);
                inputs.add(f.path());
            }
        }
        List<Runner> runners = new ArrayList<>();
        for (ComposeStack stack : compose.stacks()) {
            for (ComposeService s : stack.services().values()) {
                if (!runsPrometheus(s)) {
                    continue;
                }
                String containerPath = s.configFileArgument().map(v -> v.value()).orElse(DEFAULT_CONFIG_PATH);
                Location loc = s.configFileArgument().map(v -> v.location()).orElse(s.location());
                Optional<String> repo = s.repositoryPathAt(containerPath);
                Optional<SourceFile> file = repo.flatMap(ctx.workspace()::file);
                if (file.isPresent() && !found.containsKey(file.get().path())) {
                    PrometheusConfig cfg = of(ctx, file.get());
                    if (cfg.isUsable() || ctx.yaml(file.get()).isUsable()) {
                        found.put(file.get().path(), cfg);
                        inputs.add(file.get().path());
                    }
                }
                runners.add(new Runner(stack, s, containerPath, repo, loc));
            }
        }
        return new PrometheusConfigs(found, runners, inputs);
    }

    /** The per-file parse, cached per audit. */
    public static PrometheusConfig of(AuditContext ctx, SourceFile f) {
        return ctx.parsed(f, PrometheusConfig.class, x -> {
            YamlDocument doc = ctx.yaml(x);
            return PrometheusConfig.parse(x.path(), doc);
        });
    }

    /** Configs by path, sorted. */
    public List<PrometheusConfig> configs() {
        return List.copyOf(configs.values());
    }

    public Optional<PrometheusConfig> config(String path) {
        return Optional.ofNullable(configs.get(path));
    }

    /** Every compose service that runs Prometheus. */
    public List<Runner> runners() {
        return runners;
    }

    /** The compose services that run this config (mount it at their {@code --config.file}). */
    public List<Runner> runnersOf(String configPath) {
        return runners.stream().filter(r -> r.configPath().filter(configPath::equals).isPresent()).toList();
    }

    public boolean isEmpty() {
        return configs.isEmpty();
    }

    /** Repository paths the model was built from (compose inputs and the configs). */
    public Set<String> inputs() {
        return inputs;
    }
}
