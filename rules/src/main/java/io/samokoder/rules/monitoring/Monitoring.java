package io.samokoder.rules.monitoring;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditContext;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.prometheus.PrometheusConfig;
import io.samokoder.model.prometheus.PrometheusConfigs;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Joins shared by the monitoring checks. */
final class Monitoring {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private Monitoring() {
    }

    static ComposeProject compose(AuditContext ctx) {
        return ComposeProject.of(ctx);
    }

    static PrometheusConfigs prometheus(AuditContext ctx) {
        return PrometheusConfigs.of(ctx);
    }

    /**
     * The compose projects a config's targets are resolved in: those of the compose services that run it (with every
     * project when one of them joins an external network), or every project when no compose service runs it.
     */
    static List<ComposeStack> stacksRunning(AuditContext ctx, PrometheusConfig cfg) {
        List<ComposeStack> out = new ArrayList<>();
        boolean external = false;
        for (PrometheusConfigs.Runner r : prometheus(ctx).composeRunnersOf(cfg.path())) {
            if (!out.contains(r.stack())) {
                out.add(r.stack());
            }
            external |= !externalNetworks(r).isEmpty();
        }
        if (external) {
            // an external network joins other compose projects: their services are reachable too
            for (ComposeStack s : compose(ctx).stacks()) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out.isEmpty() ? compose(ctx).stacks() : out;
    }

    /** The external networks a compose service running Prometheus joins: other projects' containers may be there. */
    static List<String> externalNetworks(PrometheusConfigs.Runner r) {
        return r.service().effectiveNetworks().stream().filter(r.stack().externalNetworks()::contains).sorted()
                .toList();
    }

    /**
     * Why a config's targets cannot be judged against compose, when they cannot: no compose service runs it while
     * Prometheus runs elsewhere (an image deployed outside compose, or another config). Empty when compose services
     * run it, or when nothing in the repository runs Prometheus at all (the config is then the one the repository
     * means to deploy with its compose projects, and is judged against all of them).
     */
    static java.util.Optional<Text> notJudgedAgainstCompose(AuditContext ctx, PrometheusConfig cfg) {
        PrometheusConfigs prom = prometheus(ctx);
        if (!prom.composeRunnersOf(cfg.path()).isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<PrometheusConfigs.Runner> outside = prom.runnersOf(cfg.path()).stream().findFirst();
        if (outside.isPresent()) {
            return java.util.Optional.of(Text.of("monitoring.notJudged.outside", outside.get().whoText()));
        }
        java.util.Optional<String> testInput = io.samokoder.workspace.FileKinds.testInputFolder(cfg.path());
        if (testInput.isPresent()) {
            return java.util.Optional.of(Text.of("monitoring.notJudged.testInput", testInput.get()));
        }
        java.util.Optional<PrometheusConfigs.Runner> other = prom.runners().stream()
                .filter(r -> r.configPath().isPresent()).findFirst();
        return other.map(r -> Text.of("monitoring.notJudged.notRun", r.configPath().get(), r.whoText()));
    }

    /** Whether a target host is a template placeholder ({@code ${HOST}}, {@code $HOST}, {@code {{host}}}). */
    static boolean isPlaceholder(String host) {
        return host.indexOf('$') >= 0 || host.contains("{{") || host.contains("}}") || host.indexOf('<') >= 0
                || host.indexOf('%') >= 0;
    }

    /**
     * What renders a config before Prometheus reads it (an entrypoint's envsubst, a Dockerfile's {@code RUN sed}, a
     * deploy script), for messages; empty when it is read as it is.
     */
    static java.util.Optional<Text> renderer(AuditContext ctx, PrometheusConfig cfg) {
        io.samokoder.model.render.ConfigRendering rendering = io.samokoder.model.render.ConfigRendering.of(ctx,
                io.samokoder.model.render.ConfigRendering.Program.PROMETHEUS);
        java.util.List<io.samokoder.model.render.ConfigRendering.Render> rs = rendering.rendersOf(cfg.path());
        if (!rs.isEmpty()) {
            return java.util.Optional.of(Text.of("monitoring.renderer.runBy", rs.get(0).tool(),
                    rs.get(0).rendererText()));
        }
        if (rendering.isRendered(cfg.path())) {
            return java.util.Optional.of(Text.of("monitoring.renderer.step"));
        }
        io.samokoder.model.render.ConfigRendering.Verdict v = rendering.reading(cfg.path(), false, "");
        if (v.reading() == io.samokoder.model.render.ConfigRendering.Reading.UNFOLLOWED) {
            return java.util.Optional.of(v.reasonText());
        }
        return java.util.Optional.empty();
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("0.0.0.0");
    }

    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    /** Service names of the stacks, for messages. */
    static List<String> serviceNames(List<ComposeStack> stacks) {
        Set<String> names = new LinkedHashSet<>();
        stacks.forEach(s -> names.addAll(s.services().keySet()));
        return new ArrayList<>(names);
    }

    /** Names of the stacks' default files, for messages about what a plain {@code up} runs. */
    static String files(List<ComposeStack> stacks) {
        Set<String> files = new LinkedHashSet<>();
        for (ComposeStack s : stacks) {
            files.addAll(s.defaultFiles().isEmpty() ? s.files() : s.defaultFiles());
        }
        return files.isEmpty() ? "no compose file" : String.join(", ", files);
    }

    /**
     * Every file of the stacks, for messages about a name resolved in them: the services of all of a project's files
     * are what the check searched (an overlay such as {@code compose.observability.yaml} included).
     */
    static String searched(List<ComposeStack> stacks) {
        Set<String> files = new LinkedHashSet<>();
        stacks.forEach(s -> files.addAll(s.files()));
        return files.isEmpty() ? "no compose file" : String.join(", ", files);
    }

    /** Up to three candidates closest to {@code name} (edit distance, then alphabetical). */
    static List<String> closest(String name, List<String> candidates) {
        LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
        String n = name.toLowerCase(Locale.ROOT);
        return candidates.stream().distinct()
                .sorted(Comparator.<String>comparingInt(c -> related(n, c.toLowerCase(Locale.ROOT)) ? 0 : 1)
                        .thenComparingInt(c -> d.apply(n, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3).toList();
    }

    /** {@code redis-exporter} and {@code redis}: one name is a dash/underscore-separated part of the other. */
    private static boolean related(String a, String b) {
        for (String part : a.split("[-_.]")) {
            if (part.equals(b)) {
                return true;
            }
        }
        for (String part : b.split("[-_.]")) {
            if (part.equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** The service a host names in any of the stacks (service name, container_name, hostname, network alias). */
    static java.util.Optional<ComposeService> resolve(List<ComposeStack> stacks, String host) {
        for (ComposeStack s : stacks) {
            java.util.Optional<ComposeService> hit = s.resolveHost(host);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return java.util.Optional.empty();
    }

    /** The repository files a {@code file_sd_configs}/{@code rule_files} pattern of a config reaches, sorted. */
    static List<String> repositoryFiles(AuditContext ctx, PrometheusConfig cfg, String pattern) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (PrometheusConfigs.Reach r : prometheus(ctx).reach(ctx, cfg, pattern)) {
            out.addAll(r.files());
        }
        return new ArrayList<>(out);
    }

    /** Targets listed in the {@code file_sd_configs} files of a config ({@code [{targets: [...], labels: {...}}]}). */
    static List<PrometheusConfig.Target> fileSdTargets(AuditContext ctx, PrometheusConfig cfg) {
        List<PrometheusConfig.Target> out = new ArrayList<>();
        for (PrometheusConfig.PathEntry e : cfg.fileSdFiles()) {
            for (String path : repositoryFiles(ctx, cfg, e.pattern())) {
                java.util.Optional<io.samokoder.engine.SourceFile> f = ctx.workspace().file(path);
                if (f.isEmpty()) {
                    continue;
                }
                io.samokoder.engine.yaml.YamlDocument doc = ctx.yaml(f.get());
                for (org.yaml.snakeyaml.nodes.Node group : io.samokoder.engine.yaml.YamlDocument.sequence(
                        doc.root().orElse(null))) {
                    for (org.yaml.snakeyaml.nodes.Node t : io.samokoder.engine.yaml.YamlDocument.sequence(
                            io.samokoder.engine.yaml.YamlDocument.mapping(group).get("targets"))) {
                        io.samokoder.engine.yaml.YamlDocument.scalar(t).filter(x -> !x.isBlank()).ifPresent(x -> out.add(
                                PrometheusConfig.fileSdTarget(x, e.job(), path,
                                        io.samokoder.engine.yaml.YamlDocument.line(t),
                                        io.samokoder.engine.yaml.YamlDocument.column(t))));
                    }
                }
            }
        }
        return out;
    }

    /**
     * A URL or target as printed in a message: {@code http://user:secret@host} as {@code http://***@host}, so
     * credentials never reach a message.
     */
    static String shown(String text) {
        return text.replaceAll("(?<=//)[^/@\\s]+@", "***@");
    }

    /** {@code folder/rel} normalised ({@code ..} resolved), {@code ""} for the repository root. */
    static String join(String folder, String rel) {
        if (rel.startsWith("/")) {
            return io.samokoder.engine.Workspace.normalize(rel);
        }
        return io.samokoder.engine.Workspace.normalize(folder.isEmpty() ? rel : folder + "/" + rel);
    }

    /** Whether a compose file of the model is no compose document compose could read (YAML errors, a template). */
    static boolean composeFileUnreadable(AuditContext ctx, String path) {
        return compose(ctx).file(path).map(f -> !f.isUsable()).orElse(false);
    }

    static Text listText(List<String> names) {
        return names.isEmpty() ? Text.of("monitoring.none") : Text.code(String.join(", ", names));
    }

    static Text searchedText(List<ComposeStack> stacks) {
        String files = searched(stacks);
        return files.equals("no compose file") ? Text.of("monitoring.noComposeFile") : Text.code(files);
    }

    static Text filesText(List<ComposeStack> stacks) {
        String files = files(stacks);
        return files.equals("no compose file") ? Text.of("monitoring.noComposeFile") : Text.code(files);
    }

    static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
