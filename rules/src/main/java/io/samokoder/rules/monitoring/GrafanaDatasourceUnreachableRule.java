package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.compose.ImageCatalog;
import org.yaml.snakeyaml.nodes.Node;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A Grafana provisioned datasource whose URL host is no service of the compose project running Grafana. */
@RuleInfo(id = "monitoring/grafana-datasource-unreachable", category = Category.MONITORING, severity = Severity.HIGH,
        summary = "A Grafana provisioning datasource points at a host that is no service of the project running Grafana.",
        remediation = "Point the datasource URL at the compose service name of Prometheus/Loki (e.g."
                + " `http://prometheus:9090`) and run that service in the same compose project.",
        description = "Datasources in `provisioning/datasources/*.yml` with `access: proxy` (the default) are fetched"
                + " by the Grafana server, so their host must resolve inside its compose network: a service name,"
                + " `container_name`, `hostname` or alias of the project that mounts the provisioning file (or runs"
                + " Grafana; every compose file when neither). `localhost` is the Grafana container itself unless it"
                + " runs with `network_mode: host`. Not findings: `access: direct` (the browser connects), URLs with"
                + " `$VAR` (Grafana expands them at start), IP literals, `host.docker.internal` and dotted external"
                + " host names.")
public final class GrafanaDatasourceUnreachableRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !Monitoring.compose(context).isEmpty() && !datasourceFiles(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> in = new LinkedHashSet<>(Monitoring.compose(context).inputs());
        datasourceFiles(context).forEach(f -> in.add(f.path()));
        return in;
    }

    /**
     * Datasource provisioning files: by location ({@code provisioning/datasources/*.yml}) and as the files a Grafana
     * service mounts at {@code <provisioning>/datasources} ({@code GF_PATHS_PROVISIONING}, default
     * {@code /etc/grafana/provisioning}).
     */
    static List<SourceFile> datasourceFiles(AuditContext ctx) {
        Set<String> mounted = new LinkedHashSet<>();
        for (ComposeService s : Monitoring.compose(ctx).services()) {
            if (ImageCatalog.component(s).filter("grafana"::equals).isEmpty()) {
                continue;
            }
            String prov = Optional.ofNullable(s.environment().get("GF_PATHS_PROVISIONING"))
                    .flatMap(ComposeService.EnvironmentEntry::value).map(v -> v.value().trim())
                    .filter(v -> v.startsWith("/")).orElse("/etc/grafana/provisioning");
            s.repositoryPathAt(prov + "/datasources").ifPresent(mounted::add);
        }
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : ctx.workspace().files()) {
            if (!FileKinds.isYaml(f.path())) {
                continue;
            }
            boolean byLocation = FileKinds.isGrafanaProvisioning(f.path())
                    && f.path().toLowerCase(Locale.ROOT).contains("provisioning/datasources/");
            boolean byMount = mounted.stream().anyMatch(d -> f.path().startsWith(d + "/"));
            if (byLocation || byMount) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        ComposeProject compose = Monitoring.compose(context);
        for (SourceFile f : datasourceFiles(context)) {
            YamlDocument doc = context.yaml(f);
            if (!doc.isUsable()) {
                continue;
            }
            List<ComposeStack> stacks = new ArrayList<>();
            List<ComposeService> grafanas = new ArrayList<>();
            boolean hostNetwork = false;
            boolean containerized = false;
            for (ComposeProject.MountedBy m : compose.servicesMounting(f.path())) {
                if (!stacks.contains(m.stack())) {
                    stacks.add(m.stack());
                }
                hostNetwork |= m.service().usesHostNetwork();
                containerized = true;
                grafanas.add(m.service());
            }
            if (stacks.isEmpty()) {
                for (ComposeStack s : compose.stacks()) {
                    for (ComposeService svc : s.services().values()) {
                        if (ImageCatalog.component(svc).filter("grafana"::equals).isPresent()) {
                            if (!stacks.contains(s)) {
                                stacks.add(s);
                            }
                            hostNetwork |= svc.usesHostNetwork();
                            containerized = true;
                            grafanas.add(svc);
                        }
                    }
                }
            }
            if (stacks.isEmpty()) {
                stacks = compose.stacks();
            }
            for (Node ds : YamlDocument.sequence(doc.rootMapping().get("datasources"))) {
                check(f, ds, stacks, grafanas, containerized && !hostNetwork, sink);
            }
        }
    }

    private void check(SourceFile f, Node ds, List<ComposeStack> stacks, List<ComposeService> grafanas,
                       boolean containerized, FindingSink sink) {
        Map<String, Node> m = YamlDocument.mapping(ds);
        Node urlNode = m.get("url");
        Optional<String> url = YamlDocument.scalar(urlNode).map(String::trim).filter(s -> !s.isEmpty());
        String access = YamlDocument.scalar(m.get("access")).orElse("proxy").trim().toLowerCase(Locale.ROOT);
        if (url.isEmpty() || access.equals("direct") || url.get().contains("$")) {
            return;
        }
        String name = YamlDocument.scalar(m.get("name")).orElse("?");
        String host = host(url.get());
        String shown = Monitoring.shown(url.get());
        if (host == null || host.isEmpty()) {
            return;
        }
        if (Monitoring.isLoopback(host)) {
            if (containerized) {
                sink.report(Finding.of(this).at(f.path(), YamlDocument.line(urlNode), YamlDocument.column(urlNode))
                        .message(Text.of("monitoring.grafana.loopback", name, shown))
                        .key(name + "|" + host).build());
            }
            return;
        }
        if (host.equals("host.docker.internal") || Monitoring.isIpLiteral(host) || host.contains(".")
                && Monitoring.resolve(stacks, host).isEmpty()) {
            return;
        }
        Optional<ComposeService> target = Monitoring.resolve(stacks, host);
        if (target.isPresent()) {
            boolean reachable = !containerized || target.get().networkMode().isPresent() || grafanas.stream()
                    .anyMatch(g -> g.networkMode().isPresent() || g.sharesNetworkWith(target.get()));
            if (!reachable) {
                sink.report(Finding.of(this).at(f.path(), YamlDocument.line(urlNode), YamlDocument.column(urlNode))
                        .message(Text.of("monitoring.grafana.network", name, shown, target.get().name(),
                                target.get().effectiveNetworks(), grafanas.get(0).effectiveNetworks()))
                        .key(name + "|" + host + "|network").build());
            }
            return;
        }
        List<String> names = Monitoring.serviceNames(stacks);
        sink.report(Finding.of(this).at(f.path(), YamlDocument.line(urlNode), YamlDocument.column(urlNode))
                .message(Text.of("monitoring.grafana.unknown", name, shown, host, Monitoring.searchedText(stacks),
                        Monitoring.listText(Monitoring.closest(host, names))))
                .key(name + "|" + host).build());
    }

    /** The host of a URL (lower case), or null when it does not parse. */
    static String host(String url) {
        String u = url.contains("://") ? url : "http://" + url;
        try {
            URI uri = new URI(u);
            String h = uri.getHost();
            if (h == null) {
                // underscores and other characters java.net.URI refuses in host names
                String rest = u.substring(u.indexOf("://") + 3);
                int end = rest.length();
                for (char c : new char[]{'/', ':', '?', '#'}) {
                    int i = rest.indexOf(c);
                    if (i >= 0 && i < end) {
                        end = i;
                    }
                }
                h = rest.substring(0, end);
                int at = h.lastIndexOf('@');
                if (at >= 0) {
                    h = h.substring(at + 1);
                }
            }
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            return h.toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
