package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.compose.ImageCatalog;
import io.samokoder.model.compose.PortMapping;
import io.samokoder.model.docker.Container;
import io.samokoder.model.docker.Containers;
import io.samokoder.model.prometheus.PrometheusConfig;
import io.samokoder.model.prometheus.PrometheusConfig.Target;
import io.samokoder.model.prometheus.PrometheusConfigs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A target whose service exists but does not listen on the target's port. */
@RuleInfo(id = "monitoring/target-port-not-exposed", category = Category.MONITORING, severity = Severity.MEDIUM,
        summary = "A Prometheus target's service exists but the port is neither declared nor a default of its image.",
        remediation = "Scrape the port the service listens on (its container port, not the published host port), or"
                + " declare it with `expose:`/`ports:`.",
        description = "The target host resolves to a compose service; its port must be a container port of that"
                + " service's `ports:` or `expose:`, a known default port of its image (data table"
                + " `image-ports.tsv`: prometheus 9090, alertmanager 9093, grafana 3000, node-exporter 9100, cadvisor"
                + " 8080, postgres-exporter 9187, redis_exporter 9121, ...), or a port the container is set to listen"
                + " on: a flag of its command (`--web.listen-address=:9091`), an environment value (`PORT=8001`), or a"
                + " listen address in a config file of the repository it sees (`endpoint: 0.0.0.0:8889` in a mounted"
                + " collector config). Info only: targets of a config that no compose service runs while Prometheus"
                + " runs elsewhere. Not findings: an image not in the table with no declared port (nothing to compare"
                + " with), services on `network_mode: host` or `service:x`, placeholder hosts.")
public final class TargetPortNotExposedRule implements Rule {

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
        for (PrometheusConfig cfg : Monitoring.prometheus(context).configs()) {
            List<ComposeStack> stacks = Monitoring.stacksRunning(context, cfg);
            List<PrometheusConfigs.Runner> runners = Monitoring.prometheus(context).composeRunnersOf(cfg.path());
            Optional<Text> notJudged = Monitoring.notJudgedAgainstCompose(context, cfg);
            boolean hostNetwork = !runners.isEmpty() && runners.stream().allMatch(r -> r.service().usesHostNetwork());
            for (PrometheusConfig.DnsSd d : cfg.dnsSd()) {
                if (d.port().isEmpty() || !d.type().equals("A") && !d.type().equals("AAAA")) {
                    continue;
                }
                for (String name : d.names()) {
                    String host = name.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", "");
                    host = host.startsWith("tasks.") ? host.substring(6) : host;
                    Optional<ComposeService> svc = Monitoring.resolve(stacks, host);
                    if (svc.isPresent()) {
                        check(context, name + ":" + d.port().get(), d.role(), d.job(), d.port().get(), svc.get(),
                                d.location(), notJudged, sink);
                    }
                }
            }
            List<Target> targets = new java.util.ArrayList<>(cfg.allTargets());
            targets.addAll(Monitoring.fileSdTargets(context, cfg));
            for (Target t : targets) {
                if (t.addressRewritten() || t.host().isEmpty() || Monitoring.isPlaceholder(t.host())) {
                    continue;
                }
                if (Monitoring.isLoopback(t.host())) {
                    if (hostNetwork) {
                        loopback(cfg, t, stacks, runners, sink);
                    }
                    continue;
                }
                String host = t.host().startsWith("tasks.") ? t.host().substring(6) : t.host();
                Optional<ComposeService> svc = Monitoring.resolve(stacks, host);
                if (svc.isEmpty()) {
                    continue;
                }
                check(context, Monitoring.shown(t.text()), t.role(), t.job(), t.effectivePort(), svc.get(), t.location(),
                        notJudged, sink);
            }
        }
    }

    private void check(AuditContext ctx, String text, PrometheusConfig.Role role, String job, int port,
                       ComposeService s, io.samokoder.model.Location at, Optional<Text> notJudged,
                       FindingSink sink) {
        if (s.usesHostNetwork() || s.networkModeService().isPresent() || s.declaresContainerPort(port)) {
            return;
        }
        Optional<Container> container = Containers.of(ctx).of(s);
        if (container.flatMap(c -> c.listenSetting(ctx, port)).isPresent()) {
            return; // its command, environment or a config file it sees sets the port
        }
        Optional<ImageCatalog.Entry> known = s.imageReference().flatMap(ImageCatalog::lookup);
        if (known.isPresent() && known.get().ports().contains(port)) {
            return;
        }
        boolean declaresAny = !s.ports().isEmpty() || !s.expose().isEmpty();
        if (known.isEmpty() && !declaresAny) {
            return; // nothing to compare with: an unknown image that declares no port
        }
        Set<Integer> listens = new TreeSet<>();
        List<PortMapping> declared = new ArrayList<>(s.ports());
        declared.addAll(s.expose());
        for (PortMapping p : declared) {
            if (p.targetEnd() - p.targetStart() < 20) {
                for (int i = p.targetStart(); i <= p.targetEnd(); i++) {
                    listens.add(i);
                }
            }
        }
        known.ifPresent(k -> listens.addAll(k.ports()));
        Text hint = null;
        for (PortMapping p : s.ports()) {
            if (p.publishes(port)) {
                hint = Text.of("monitoring.port.hostPort", port, p.targetStart());
            }
        }
        List<String> ports = new ArrayList<>();
        listens.forEach(p -> ports.add(String.valueOf(p)));
        Text target = Text.of(role == PrometheusConfig.Role.ALERTMANAGER ? "monitoring.target.alertmanager"
                : "monitoring.target.scrape", text, job);
        Text message = Text.of("monitoring.port.notListening", target, s.name(), s.location(), port,
                Monitoring.listText(ports));
        if (hint != null) {
            message = Text.of("monitoring.port.withHint", message, hint);
        }
        Text shown = message;
        sink.report(Finding.of(this).at(at.path(), at.line(), at.column())
                .severity(notJudged.isPresent() ? Severity.INFO : Severity.MEDIUM)
                .message(notJudged.map(w -> Text.of("monitoring.butNotJudged", shown, w)).orElse(shown))
                .key(job + "|" + s.name() + ":" + port).build());
    }

    /**
     * Prometheus on the host network reaches {@code localhost:P} only when a service publishes P on the host or
     * listens on P on the host network itself.
     */
    private void loopback(PrometheusConfig cfg, Target t, List<ComposeStack> stacks,
                          List<PrometheusConfigs.Runner> runners, FindingSink sink) {
        int port = t.effectivePort();
        for (PrometheusConfigs.Runner r : runners) {
            int own = r.service().commandOption("--web.listen-address").map(v -> v.value())
                    .map(v -> v.substring(v.lastIndexOf(':') + 1)).flatMap(TargetPortNotExposedRule::number)
                    .orElse(9090);
            if (port == own) {
                return;
            }
        }
        for (ComposeStack st : stacks) {
            for (ComposeService s : st.services().values()) {
                if (s.ports().stream().anyMatch(p -> p.publishes(port) && p.reachableOnLocalhost())) {
                    return;
                }
                if (s.usesHostNetwork() && (s.declaresContainerPort(port) || s.imageReference()
                        .flatMap(ImageCatalog::lookup).map(k -> k.ports().contains(port)).orElse(false)
                        || s.imageReference().flatMap(ImageCatalog::lookup).isEmpty() && s.ports().isEmpty()
                        && s.expose().isEmpty())) {
                    return;
                }
            }
        }
        Text message = Text.of("monitoring.port.hostNetwork",
                Text.of("monitoring.target.scrape", Monitoring.shown(t.text()), t.job()), port);
        for (ComposeStack st : stacks) {
            for (ComposeService s : st.services().values()) {
                if (!s.usesHostNetwork() && s.declaresContainerPort(port)) {
                    message = Text.of("monitoring.port.hostNetwork.exposedOnly",
                            Text.of("monitoring.port.hostNetwork", Text.of("monitoring.target.scrape",
                                    Monitoring.shown(t.text()), t.job()), port), s.name(), s.location(), port);
                }
            }
        }
        sink.report(Finding.of(this).at(t.location().path(), t.location().line(), t.location().column())
                .message(message)
                .key(t.job() + "|" + t.host() + ":" + port).build());
    }

    private static Optional<Integer> number(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
