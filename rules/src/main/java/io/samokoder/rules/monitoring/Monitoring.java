package io.samokoder.rules.monitoring;

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
        return ctx.model(ComposeProject.class, ComposeProject::load);
    }

    static PrometheusConfigs prometheus(AuditContext ctx) {
        return ctx.model(PrometheusConfigs.class, PrometheusConfigs::load);
    }

    /** The stacks that run a Prometheus config, or every stack when none mounts it. */
    static List<ComposeStack> stacksRunning(AuditContext ctx, PrometheusConfig cfg) {
        List<ComposeStack> out = new ArrayList<>();
        boolean external = false;
        for (PrometheusConfigs.Runner r : prometheus(ctx).runnersOf(cfg.path())) {
            if (!out.contains(r.stack())) {
                out.add(r.stack());
            }
            external |= r.service().effectiveNetworks().stream().anyMatch(r.stack().externalNetworks()::contains);
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

    /** Names of the stacks' files, for messages. */
    static String files(List<ComposeStack> stacks) {
        Set<String> files = new LinkedHashSet<>();
        for (ComposeStack s : stacks) {
            files.addAll(s.defaultFiles().isEmpty() ? s.files() : s.defaultFiles());
        }
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

    /**
     * The repository files a {@code file_sd_configs}/{@code rule_files} pattern of a config reaches: relative to the
     * config, through the mounts of the services running it, or (nothing runs it) with the config's folder as
     * {@code /etc/prometheus}. Sorted, distinct.
     */
    static List<String> repositoryFiles(AuditContext ctx, PrometheusConfig cfg, String pattern) {
        String folder = cfg.path().contains("/") ? cfg.path().substring(0, cfg.path().lastIndexOf('/')) : "";
        java.util.TreeSet<String> globs = new java.util.TreeSet<>();
        java.util.TreeSet<String> files = new java.util.TreeSet<>();
        if (!pattern.startsWith("/")) {
            globs.add(io.samokoder.engine.Workspace.normalize(folder.isEmpty() ? pattern : folder + "/" + pattern));
        } else {
            String dir = RuleFileMissingRule.staticPrefix(pattern);
            String rest = dir.equals("/") ? pattern.substring(1) : pattern.substring(dir.length()).replaceFirst("^/+", "");
            List<PrometheusConfigs.Runner> runners = prometheus(ctx).runnersOf(cfg.path());
            if (runners.isEmpty() && (dir.equals("/etc/prometheus") || dir.startsWith("/etc/prometheus/"))) {
                String mapped = folder + dir.substring("/etc/prometheus".length());
                globs.add(io.samokoder.engine.Workspace.normalize(rest.isEmpty() ? mapped : mapped + "/" + rest));
            }
            for (PrometheusConfigs.Runner r : runners) {
                java.util.regex.Pattern p;
                try {
                    p = java.util.regex.Pattern.compile(RuleFileMissingRule.toRegex(pattern));
                } catch (java.util.regex.PatternSyntaxException e) {
                    continue;
                }
                for (io.samokoder.model.compose.Mount m : r.service().volumes()) {
                    if (m.repositoryPath().isPresent() && p.matcher(m.target()).matches()) {
                        files.add(m.repositoryPath().get());
                    }
                }
                r.service().repositoryPathAt(dir).ifPresent(repoDir -> globs.add(
                        io.samokoder.engine.Workspace.normalize(rest.isEmpty() ? repoDir : repoDir + "/" + rest)));
            }
        }
        List<String> out = new ArrayList<>();
        for (String f : files) {
            if (ctx.workspace().file(f).isPresent()) {
                out.add(f);
            }
        }
        for (String g : globs) {
            java.util.regex.Pattern p;
            try {
                p = java.util.regex.Pattern.compile(RuleFileMissingRule.toRegex(g));
            } catch (java.util.regex.PatternSyntaxException e) {
                continue;
            }
            for (io.samokoder.engine.SourceFile f : ctx.workspace().files()) {
                if (p.matcher(f.path()).matches() && !out.contains(f.path())) {
                    out.add(f.path());
                }
            }
        }
        out.sort(null);
        return out;
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

    /** A URL or target as printed in a message: {@code user:secret@} replaced by {@code ***@}. */
    static String shown(String text) {
        return GrafanaDatasourceUnreachableRule.withoutCredentials(text);
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

    static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
