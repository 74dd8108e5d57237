package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.prometheus.PrometheusConfig;
import io.samokoder.model.prometheus.PrometheusConfig.Role;
import io.samokoder.model.prometheus.PrometheusConfig.Target;
import io.samokoder.model.placeholders.PlaceholderScanner;
import io.samokoder.model.prometheus.PrometheusConfigs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A Prometheus static target or Alertmanager whose host no compose service answers to. */
@RuleInfo(id = "monitoring/unknown-scrape-target", category = Category.MONITORING, severity = Severity.HIGH,
        summary = "A Prometheus scrape or Alertmanager target names a host that no compose service answers to.",
        remediation = "Add the service (exporter, Alertmanager) to the compose project that runs Prometheus, or fix the"
                + " target to a service name, container_name, hostname or network alias of that project.",
        description = "Each `static_configs` and `file_sd_configs` target of `scrape_configs` and"
                + " `alerting.alertmanagers` is resolved against the compose project of the services that run the"
                + " Prometheus config (mounted, passed as a compose config, or copied into an image they run): service"
                + " names, `container_name`, `hostname`, network aliases and the Prometheus service's `links` aliases."
                + " When nothing in the repository runs Prometheus, the config is judged against every compose"
                + " project. Info only, with the reason: a config that no container runs while Prometheus runs another"
                + " (an alternative or an example), a config run outside compose, a host that may be another"
                + " project's on an external network, a host that is a placeholder of a config something renders,"
                + " `host.docker.internal`, IP literals and dotted external host names. Not findings: `localhost:9090`"
                + " (self-scrape); `localhost`/`127.0.0.1` when Prometheus runs with `network_mode: host` or outside"
                + " compose; `tasks.<service>` (swarm DNS) for an existing service; jobs that rewrite `__address__`"
                + " (blackbox probing); `${VAR}` hosts of a config nothing renders (alerting/unresolved-placeholder"
                + " reports them).")
public final class UnknownScrapeTargetRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !Monitoring.compose(context).isEmpty() && !Monitoring.prometheus(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return Monitoring.prometheus(context).inputs();
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        PrometheusConfigs prom = Monitoring.prometheus(context);
        for (PrometheusConfig cfg : prom.configs()) {
            List<ComposeStack> stacks = Monitoring.stacksRunning(context, cfg);
            List<PrometheusConfigs.Runner> runners = prom.composeRunnersOf(cfg.path());
            boolean hostNetwork = runners.stream().anyMatch(r -> r.service().usesHostNetwork());
            boolean containerized = !runners.isEmpty() && !hostNetwork;
            Scope scope = new Scope(cfg, stacks, runners, containerized,
                    Monitoring.notJudgedAgainstCompose(context, cfg), external(runners),
                    Monitoring.renderer(context, cfg));
            List<Target> targets = new java.util.ArrayList<>(cfg.allTargets());
            targets.addAll(Monitoring.fileSdTargets(context, cfg));
            for (Target t : targets) {
                if (t.addressRewritten() || t.host().isEmpty()) {
                    continue;
                }
                check(t, scope, sink);
            }
            for (PrometheusConfig.DnsSd d : cfg.dnsSd()) {
                for (String name : d.names()) {
                    String host = name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
                    if (host.startsWith("tasks.")) {
                        host = host.substring("tasks.".length());
                    } else if (host.contains(".")) {
                        continue; // a real DNS name (SRV records of an external zone)
                    }
                    if (Monitoring.isPlaceholder(host)) {
                        placeholder(name, d.job(), d.role(), d.location(), scope, sink);
                    } else if (Monitoring.resolve(stacks, host).isEmpty()) {
                        reportUnknown(name, host, d.role(), d.job(), d.location(), scope, sink);
                    }
                }
            }
        }
    }

    /**
     * What a config's targets are judged against.
     *
     * @param notJudged why compose cannot answer for this config (it runs outside compose, or not at all while
     *                  Prometheus runs another config)
     * @param external  external networks the Prometheus services join (other projects' containers may be there)
     * @param renderer  what renders the config before Prometheus reads it
     */
    private record Scope(PrometheusConfig cfg, List<ComposeStack> stacks, List<PrometheusConfigs.Runner> runners,
                         boolean containerized, Optional<Text> notJudged, List<String> external,
                         Optional<Text> renderer) {
    }

    private static List<String> external(List<PrometheusConfigs.Runner> runners) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        runners.forEach(r -> out.addAll(Monitoring.externalNetworks(r)));
        return List.copyOf(out);
    }

    private void check(Target t, Scope scope, FindingSink sink) {
        String host = t.host();
        if (Monitoring.isPlaceholder(host)) {
            placeholder(Monitoring.shown(t.text()), t.job(), t.role(), t.location(), scope, sink);
            return;
        }
        if (Monitoring.isLoopback(host)) {
            boolean selfScrape = t.role() == Role.SCRAPE && t.effectivePort() == 9090;
            if (scope.containerized() && !selfScrape) {
                sink.report(Finding.of(this).at(t.location().path(), t.location().line(), t.location().column())
                        .message(Text.of("monitoring.target.loopback", target(t), host))
                        .key(t.job() + "|" + t.text()).build());
            }
            return;
        }
        if (host.equals("host.docker.internal") || Monitoring.isIpLiteral(host)) {
            sink.report(Finding.of(this).at(t.location().path(), t.location().line(), t.location().column())
                    .severity(Severity.INFO)
                    .message(Text.of(Monitoring.isIpLiteral(host) ? "monitoring.target.ip" : "monitoring.target.dockerHost",
                            target(t)))
                    .key(t.job() + "|" + t.text()).build());
            return;
        }
        String name = host.startsWith("tasks.") ? host.substring("tasks.".length()) : host;
        Optional<ComposeService> target = Monitoring.resolve(scope.stacks(), name);
        if (target.isPresent()) {
            networks(t, target.get(), scope.runners(), scope.containerized(), sink);
            return;
        }
        for (PrometheusConfigs.Runner r : scope.runners()) {
            for (ComposeService.Link l : r.service().links()) {
                if (l.alias().equalsIgnoreCase(name) && Monitoring.resolve(scope.stacks(), l.service()).isPresent()) {
                    return;
                }
            }
        }
        if (name.contains(".")) {
            sink.report(Finding.of(this).at(t.location().path(), t.location().line(), t.location().column())
                    .severity(Severity.INFO)
                    .message(Text.of("monitoring.target.external", target(t)))
                    .key(t.job() + "|" + t.text()).build());
            return;
        }
        reportUnknown(Monitoring.shown(t.text()), name, t.role(), t.job(), t.location(), scope, sink);
    }

    /** A target whose host is a placeholder: what renders the config decides it. */
    private void placeholder(String text, String job, Role role, Location at, Scope scope, FindingSink sink) {
        if (scope.renderer().isEmpty() && !PlaceholderScanner.scan(text).isEmpty()) {
            return; // ${VAR} that nothing renders: alerting/unresolved-placeholder reports it
        }
        Text why = scope.renderer().map(r -> Text.of("monitoring.target.rendered", r))
                .orElse(Text.of("monitoring.target.notRendered"));
        sink.report(Finding.of(this).at(at.path(), at.line(), at.column()).severity(Severity.INFO)
                .message(Text.of("monitoring.target.placeholder", target(role, text, job), why))
                .key(job + "|" + text).build());
    }

    /** A containerised Prometheus reaches a service only over a network both are attached to. */
    private void networks(Target t, ComposeService target, List<PrometheusConfigs.Runner> runners,
                          boolean containerized, FindingSink sink) {
        if (!containerized || target.networkMode().isPresent()) {
            return;
        }
        for (PrometheusConfigs.Runner r : runners) {
            if (r.service().networkMode().isPresent() || r.service().sharesNetworkWith(target)
                    || !r.stack().services().containsValue(target)) {
                return; // another project's service (external network): names of networks are not comparable
            }
        }
        PrometheusConfigs.Runner r = runners.get(0);
        sink.report(Finding.of(this).at(t.location().path(), t.location().line(), t.location().column())
                .message(Text.of("monitoring.target.network", target(t), target.name(), target.effectiveNetworks(),
                        r.service().name(), r.service().effectiveNetworks()))
                .key(t.job() + "|" + t.host() + "|network").build());
    }

    private void reportUnknown(String text, String host, Role role, String job, Location at, Scope scope,
                               FindingSink sink) {
        List<String> names = Monitoring.serviceNames(scope.stacks());
        Text head = Text.of("monitoring.target.unknown", target(role, text, job), host,
                Monitoring.searchedText(scope.stacks()));
        Text closest = Monitoring.listText(Monitoring.closest(host, names));
        if (scope.notJudged().isPresent()) {
            sink.report(Finding.of(this).at(at.path(), at.line(), at.column()).severity(Severity.INFO)
                    .message(Text.of("monitoring.target.unknown.notJudged", head,
                            scope.notJudged().get(), closest))
                    .key(job + "|" + host).build());
            return;
        }
        if (!scope.external().isEmpty()) {
            sink.report(Finding.of(this).at(at.path(), at.line(), at.column()).severity(Severity.INFO)
                    .message(Text.of(scope.external().size() > 1 ? "monitoring.target.unknown.externalNetworks"
                            : "monitoring.target.unknown.externalNetwork", head,
                            Text.code(String.join(", ", scope.external())), closest))
                    .key(job + "|" + host).build());
            return;
        }
        sink.report(Finding.of(this).at(at.path(), at.line(), at.column())
                .message(Text.of("monitoring.target.unknown.closest", head, closest))
                .key(job + "|" + host).build());
    }

    private static Text target(Target t) {
        return target(t.role(), Monitoring.shown(t.text()), t.job());
    }

    private static Text target(Role role, String text, String job) {
        return Text.of(role == Role.ALERTMANAGER ? "monitoring.target.alertmanager" : "monitoring.target.scrape",
                text, job);
    }

    private static String role(Target t) {
        return t.role() == Role.ALERTMANAGER ? "Alertmanager target" : "scrape target";
    }
}
