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
import io.samokoder.model.compose.ImageCatalog;
import io.samokoder.model.compose.PortMapping;
import io.samokoder.model.prometheus.PrometheusConfig;
import io.samokoder.model.prometheus.PrometheusConfig.Target;

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
                + " service's `ports:` or `expose:` or a known default port of its image (data table"
                + " `image-ports.tsv`: prometheus 9090, alertmanager 9093, grafana 3000, node-exporter 9100, cadvisor"
                + " 8080, postgres-exporter 9187, redis_exporter 9121, ...). Not findings: an image not in the table"
                + " with no declared port (nothing to compare with), services on `network_mode: host` or"
                + " `service:x`.")
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
            for (Target t : cfg.allTargets()) {
                if (t.addressRewritten() || t.host().isEmpty() || Monitoring.isLoopback(t.host())) {
                    continue;
                }
                String host = t.host().startsWith("tasks.") ? t.host().substring(6) : t.host();
                Optional<ComposeService> svc = Monitoring.resolve(stacks, host);
                if (svc.isEmpty()) {
                    continue;
                }
                ComposeService s = svc.get();
                if (s.usesHostNetwork() || s.networkModeService().isPresent()) {
                    continue;
                }
                int port = t.effectivePort();
                if (s.declaresContainerPort(port)) {
                    continue;
                }
                Optional<ImageCatalog.Entry> known = s.imageReference().flatMap(ImageCatalog::lookup);
                if (known.isPresent() && known.get().ports().contains(port)) {
                    continue;
                }
                boolean declaresAny = !s.ports().isEmpty() || !s.expose().isEmpty();
                if (known.isEmpty() && !declaresAny) {
                    continue;
                }
                Set<Integer> listens = new TreeSet<>();
                for (PortMapping p : s.ports()) {
                    if (p.targetEnd() - p.targetStart() < 20) {
                        for (int i = p.targetStart(); i <= p.targetEnd(); i++) {
                            listens.add(i);
                        }
                    }
                }
                for (PortMapping p : s.expose()) {
                    if (p.targetEnd() - p.targetStart() < 20) {
                        for (int i = p.targetStart(); i <= p.targetEnd(); i++) {
                            listens.add(i);
                        }
                    }
                }
                known.ifPresent(k -> listens.addAll(k.ports()));
                String hint = "";
                for (PortMapping p : s.ports()) {
                    if (p.publishes(port)) {
                        hint = "; " + port + " is the published host port, inside the compose network the container"
                                + " listens on " + p.targetStart();
                    }
                }
                List<String> ports = new ArrayList<>();
                listens.forEach(p -> ports.add(String.valueOf(p)));
                sink.report(Finding.of(this).at(cfg.path(), t.location().line(), t.location().column())
                        .message((t.role() == PrometheusConfig.Role.ALERTMANAGER ? "Alertmanager target '" : "scrape target '")
                                + t.text() + "' (job " + t.job() + "): service '" + s.name() + "' ("
                                + s.location() + ") does not listen on port " + port + " (declared or image default: "
                                + Monitoring.list(ports) + ")" + hint)
                        .key(t.job() + "|" + t.host() + ":" + port).build());
            }
        }
    }
}
