package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.prometheus.PrometheusConfig;
import io.samokoder.model.prometheus.PrometheusConfig.Role;
import io.samokoder.model.prometheus.PrometheusConfig.Target;
import io.samokoder.model.prometheus.PrometheusConfigs;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A Prometheus static target or Alertmanager whose host no compose service answers to. */
@RuleInfo(id = "monitoring/unknown-scrape-target", category = Category.MONITORING, severity = Severity.HIGH,
        summary = "A Prometheus scrape or Alertmanager target names a host that no compose service answers to.",
        remediation = "Add the service (exporter, Alertmanager) to the compose project that runs Prometheus, or fix the"
                + " target to a service name, container_name, hostname or network alias of that project.",
        description = "Each `static_configs` target of `scrape_configs` and `alerting.alertmanagers` is resolved"
                + " against the compose project that mounts the Prometheus config (every compose file when none does):"
                + " service names, `container_name`, `hostname`, network aliases and the Prometheus service's `links`"
                + " aliases. Not findings: `localhost:9090` (self-scrape); `localhost`/`127.0.0.1` when Prometheus runs"
                + " with `network_mode: host` or outside compose; `tasks.<service>` (swarm DNS) for an existing"
                + " service; jobs that rewrite `__address__` (blackbox probing). `host.docker.internal`, IP literals"
                + " and dotted external host names are reported as info only.")
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
            List<PrometheusConfigs.Runner> runners = prom.runnersOf(cfg.path());
            boolean hostNetwork = runners.stream().anyMatch(r -> r.service().usesHostNetwork());
            boolean containerized = !runners.isEmpty() && !hostNetwork;
            List<Target> targets = new java.util.ArrayList<>(cfg.allTargets());
            targets.addAll(Monitoring.fileSdTargets(context, cfg));
            for (Target t : targets) {
                if (t.addressRewritten() || t.host().isEmpty()) {
                    continue;
                }
                check(cfg, t, stacks, runners, containerized, sink);
            }
            for (PrometheusConfig.DnsSd d : cfg.dnsSd()) {
                for (String name : d.names()) {
                    String host = name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
                    if (host.startsWith("tasks.")) {
                        host = host.substring("tasks.".length());
                    } else if (host.contains(".")) {
                        continue; // a real DNS name (SRV records of an external zone)
                    }
                    if (Monitoring.resolve(stacks, host).isEmpty()) {
                        reportUnknown(name, host, d.role(), d.job(), d.location(), stacks, sink);
                    }
                }
            }
        }
    }

    private void check(PrometheusConfig cfg, Target t, List<ComposeStack> stacks,
                       List<PrometheusConfigs.Runner> runners, boolean containerized, FindingSink sink) {
        String host = t.host();
        if (Monitoring.isLoopback(host)) {
            boolean selfScrape = t.role() == Role.SCRAPE && t.effectivePort() == 9090;
            if (containerized && !selfScrape) {
                sink.report(Finding.of(this).at(t.location().path(), t.location().line(), t.location().column())
                        .message(role(t) + " '" + t.text() + "' (job " + t.job() + ") points at " + host
                                + ", which inside the Prometheus container is the container itself; use the compose"
                                + " service name instead")
                        .key(t.job() + "|" + t.text()).build());
            }
            return;
        }
        if (host.equals("host.docker.internal") || Monitoring.isIpLiteral(host)) {
            sink.report(Finding.of(this).at(t.location().path(), t.location().line(), t.location().column())
                    .severity(Severity.INFO)
                    .message(role(t) + " '" + t.text() + "' (job " + t.job() + ") is "
                            + (Monitoring.isIpLiteral(host) ? "an IP address" : "the Docker host")
                            + ", outside the compose project; not checked")
                    .key(t.job() + "|" + t.text()).build());
            return;
        }
        String name = host.startsWith("tasks.") ? host.substring("tasks.".length()) : host;
        java.util.Optional<ComposeService> target = Monitoring.resolve(stacks, name);
        if (target.isPresent()) {
            networks(cfg, t, target.get(), runners, containerized, sink);
            return;
        }
        for (PrometheusConfigs.Runner r : runners) {
            for (ComposeService.Link l : r.service().links()) {
                if (l.alias().equalsIgnoreCase(name) && Monitoring.resolve(stacks, l.service()).isPresent()) {
                    return;
                }
            }
        }
        if (name.contains(".")) {
            sink.report(Finding.of(this).at(t.location().path(), t.location().line(), t.location().column())
                    .severity(Severity.INFO)
                    .message(role(t) + " '" + t.text() + "' (job " + t.job() + ") is an external host name, not a"
                            + " compose service; not checked")
                    .key(t.job() + "|" + t.text()).build());
            return;
        }
        reportUnknown(t.text(), name, t.role(), t.job(), t.location(), stacks, sink);
    }

    /** A containerised Prometheus reaches a service only over a network both are attached to. */
    private void networks(PrometheusConfig cfg, Target t, ComposeService target, List<PrometheusConfigs.Runner> runners,
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
                .message(role(t) + " '" + t.text() + "' (job " + t.job() + "): service '" + target.name()
                        + "' is on networks " + target.effectiveNetworks() + ", Prometheus ('" + r.service().name()
                        + "') on " + r.service().effectiveNetworks() + "; no network in common, the name does not"
                        + " resolve from Prometheus")
                .key(t.job() + "|" + t.host() + "|network").build());
    }

    private void reportUnknown(String text, String host, Role role, String job, io.samokoder.model.Location at,
                               List<ComposeStack> stacks, FindingSink sink) {
        List<String> names = Monitoring.serviceNames(stacks);
        sink.report(Finding.of(this).at(at.path(), at.line(), at.column())
                .message((role == Role.ALERTMANAGER ? "Alertmanager target '" : "scrape target '") + text + "' (job "
                        + job + "): no compose service, container_name, hostname or alias '" + host + "' in "
                        + Monitoring.files(stacks) + "; closest services: "
                        + Monitoring.list(Monitoring.closest(host, names)))
                .key(job + "|" + host).build());
    }

    private static String role(Target t) {
        return t.role() == Role.ALERTMANAGER ? "Alertmanager target" : "scrape target";
    }
}
