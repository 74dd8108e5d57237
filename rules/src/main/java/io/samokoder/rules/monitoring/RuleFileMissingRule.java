package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.engine.Workspace;
import io.samokoder.model.compose.Mount;
import io.samokoder.model.docker.Container;
import io.samokoder.model.docker.ImageBuild;
import io.samokoder.model.prometheus.Globs;
import io.samokoder.model.prometheus.PrometheusConfig;
import io.samokoder.model.prometheus.PrometheusConfigs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A {@code rule_files} or {@code file_sd_configs} entry that matches no file Prometheus can see. */
@RuleInfo(id = "monitoring/rule-file-missing", category = Category.MONITORING, severity = Severity.HIGH,
        summary = "A Prometheus rule_files or file_sd_configs entry matches no file.",
        remediation = "Fix the path or glob, or mount the folder holding the files into the Prometheus container at"
                + " the path the config names.",
        description = "Each entry is resolved in every container that runs the config (a compose service, or an"
                + " image built from a Dockerfile of the repository): relative entries start at the config's folder"
                + " in the container, as Prometheus reads them, and a path is found through the container's bind"
                + " mounts, compose `configs:`/`secrets:` files and the files its image copied"
                + " (`./monitoring/prometheus:/etc/prometheus` maps `/etc/prometheus/rules/*.yml` to"
                + " `monitoring/prometheus/rules/*.yml`). Globs follow Go's filepath.Match (`*`, `?`, `[...]`, one"
                + " path segment). When no container runs the config, the image's layout is assumed (the config's"
                + " folder is `/etc/prometheus`), and an entry that matches nothing is reported only when another"
                + " entry of the config does match under that layout; otherwise where the config will be deployed"
                + " decides, and the finding is info. Not findings: paths a named volume provides, paths of an image"
                + " whose build is not followed, absolute paths outside `/etc/prometheus` when nothing runs the"
                + " config.")
public final class RuleFileMissingRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return PrometheusConfigs.of(context).configs().stream()
                .anyMatch(c -> !c.ruleFiles().isEmpty() || !c.fileSdFiles().isEmpty());
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return Set.of("**");
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        PrometheusConfigs prom = PrometheusConfigs.of(context);
        for (PrometheusConfig cfg : prom.configs()) {
            List<Entry> entries = new ArrayList<>();
            cfg.ruleFiles().forEach(e -> entries.add(new Entry(e, Text.of("monitoring.ruleFile.ruleFiles"))));
            cfg.fileSdFiles().forEach(e -> entries.add(new Entry(e, Text.of("monitoring.ruleFile.fileSd", e.job()))));
            if (prom.runnersOf(cfg.path()).isEmpty()) {
                notRun(context, prom, cfg, entries, sink);
                continue;
            }
            for (Entry e : entries) {
                for (PrometheusConfigs.Reach r : prom.reach(context, cfg, e.entry().pattern())) {
                    Optional<Text> why = missing(r);
                    if (why.isPresent()) {
                        report(cfg, e, why.get(), Severity.HIGH, sink);
                        break; // once per entry, for the first container that lacks it
                    }
                }
            }
        }
    }

    private record Entry(PrometheusConfig.PathEntry entry, Text what) {
    }

    /** Why a pattern resolved in a container matches nothing, when that is a finding. */
    private static Optional<Text> missing(PrometheusConfigs.Reach r) {
        if (!r.files().isEmpty() || r.runner().isEmpty() || r.resolved().isEmpty()) {
            return Optional.empty();
        }
        PrometheusConfigs.Runner runner = r.runner().get();
        Container c = runner.container();
        String glob = r.resolved().get();
        String dir = Globs.staticPrefix(glob);
        Optional<Mount> mount = c.mountCovering(glob).or(() -> c.mountCovering(dir));
        if (mount.isPresent() && mount.get().repositoryPath().isEmpty()) {
            return Optional.empty(); // a named volume or tmpfs: its files are not the repository's
        }
        if (c.service().isPresent() && c.service().get().hasBuild() && c.build().isEmpty()) {
            return Optional.empty(); // the image is built, but not from a Dockerfile this model follows
        }
        Text name = c.service().isPresent() ? Text.of("monitoring.ruleFile.service", c.name())
                : Text.of("model.render.image", c.name());
        if (mount.isPresent()) {
            String repo = mount.get().repositoryPathFor(glob).orElse(glob);
            return Optional.of(Text.of("monitoring.ruleFile.mount", repo, mount.get().source().value(), name,
                    mount.get().location()));
        }
        Optional<ImageBuild.Placement> copy = c.copyCovering(glob).or(() -> c.copyCovering(dir));
        if (copy.isPresent()) {
            String df = c.build().map(b -> b.dockerfile().path()).orElse("");
            String at = copy.get().containerPath();
            String rest = glob.startsWith(at + "/") ? glob.substring(at.length() + 1) : "";
            String repo = copy.get().directory() && !rest.isEmpty() ? Workspace.normalize(
                    (copy.get().repositoryPath().isEmpty() ? "" : copy.get().repositoryPath() + "/") + rest)
                    : copy.get().repositoryPath();
            Text image = c.service().isPresent() ? Text.of("monitoring.ruleFile.imageOf", name)
                    : Text.of("monitoring.ruleFile.theImage");
            if (c.buildLink().isPresent()) {
                image = Text.of("monitoring.ruleFile.withLink", image, c.buildLink().get());
            }
            return Optional.of(Text.of("monitoring.ruleFile.copied", repo, df + ":" + copy.get().line(), image));
        }
        String provided = glob.equals(dir) ? glob : dir;
        if (c.service().isEmpty()) {
            return Optional.of(Text.of("monitoring.ruleFile.noFile", runner.whoText(), provided));
        }
        if (c.build().isEmpty()) {
            return Optional.of(Text.of("monitoring.ruleFile.noMount", runner.whoText(), provided));
        }
        return Optional.of(Text.of("monitoring.ruleFile.noMountNoImageFile", runner.whoText(),
                c.buildLink().orElse(Text.code(c.build().get().dockerfile().path())),
                provided));
    }

    /**
     * A config no container runs: its entries are judged with the config's folder as its container folder only when
     * that layout is confirmed by another entry that matches under it.
     */
    private void notRun(AuditContext ctx, PrometheusConfigs prom, PrometheusConfig cfg, List<Entry> entries,
                        FindingSink sink) {
        List<Entry> unmatched = new ArrayList<>();
        boolean confirmed = false;
        for (Entry e : entries) {
            for (PrometheusConfigs.Reach r : prom.reach(ctx, cfg, e.entry().pattern())) {
                if (r.resolved().isEmpty()) {
                    continue; // an absolute path outside /etc/prometheus: only a container can say
                }
                if (r.files().isEmpty()) {
                    unmatched.add(e);
                } else {
                    confirmed = true;
                }
            }
        }
        Optional<PrometheusConfigs.Runner> running = prom.runners().stream().filter(x -> x.configPath().isPresent())
                .findFirst();
        Text notRun = running.map(x -> Text.of("monitoring.ruleFile.notRunRuns", x.configPath().get(), x.whoText()))
                .orElse(Text.of("monitoring.ruleFile.notRun"));
        for (Entry e : unmatched) {
            String repo = PrometheusConfigs.assumedLayout(cfg.path(), e.entry().pattern()).orElse("");
            Text layout = Text.of(e.entry().pattern().startsWith("/") ? "monitoring.ruleFile.layoutEtc"
                    : "monitoring.ruleFile.layoutRelative", repo);
            if (confirmed) {
                report(cfg, e, Text.of("monitoring.ruleFile.confirmed", layout), Severity.HIGH, sink);
            } else {
                report(cfg, e, Text.of("monitoring.ruleFile.unconfirmed", notRun, layout), Severity.INFO, sink);
            }
        }
    }

    private void report(PrometheusConfig cfg, Entry e, Text why, Severity severity, FindingSink sink) {
        sink.report(Finding.of(this).at(cfg.path(), e.entry().location().line(), e.entry().location().column())
                .severity(severity)
                .message(Text.of("monitoring.ruleFile.matchesNothing", e.what(), e.entry().pattern(), why))
                .key(e.entry().pattern()).build());
    }
}
