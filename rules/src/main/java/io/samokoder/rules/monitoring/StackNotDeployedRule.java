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
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ImageCatalog;
import io.samokoder.model.compose.ImageReference;
import io.samokoder.model.docker.Container;
import io.samokoder.model.docker.Containers;
import io.samokoder.model.docker.ImageBuild;
import io.samokoder.model.prometheus.PrometheusConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Monitoring configuration that no compose service runs. */
@RuleInfo(id = "monitoring/stack-not-deployed", category = Category.MONITORING, severity = Severity.HIGH,
        summary = "The repository configures Prometheus, Alertmanager or Grafana, but no compose service runs it.",
        remediation = "Add the component's service to docker-compose (pinned image, the config mounted at the path"
                + " the image reads, a data volume), or move the configuration out and document where it is deployed.",
        description = "A component counts as deployed when a service of any compose file of the repository runs its"
                + " image (data table `image-ports.tsv`), has one of its configuration files (bind mount, compose"
                + " `configs:`, or a file its image copies), or runs an image built from a Dockerfile that starts from"
                + " the component's image; the image may be built by `build:` or by a build of the repository that"
                + " names it (`docker build -t acme/prometheus prometheus` in CI or a script, a compose service with"
                + " `build:` and `image:`). A service behind a profile or in a per-environment file counts. When the"
                + " only link between a service's `image:` and a Dockerfile of the repository is their names"
                + " (`acme/swarmprom-prometheus` and `prometheus/Dockerfile`), the finding is info with that reason."
                + " One finding per component, at the first of its configuration files; high, not critical: nothing"
                + " breaks or leaks, but the deployment the repository describes runs without it. Not applicable when"
                + " the repository has no compose file at all (the stack may be deployed by Kubernetes or Ansible).")
public final class StackNotDeployedRule implements Rule {

    private static final List<String> COMPONENTS = List.of("prometheus", "alertmanager", "grafana");
    private static final Map<String, String> TITLES = Map.of("prometheus", "Prometheus", "alertmanager",
            "Alertmanager", "grafana", "Grafana");

    @Override
    public boolean isApplicable(AuditContext context) {
        return !Monitoring.compose(context).isEmpty() && configs(context).values().stream().anyMatch(l -> !l.isEmpty());
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> in = new LinkedHashSet<>(Monitoring.prometheus(context).inputs());
        in.addAll(Containers.of(context).inputs());
        configs(context).values().forEach(in::addAll);
        return in;
    }

    /** Configuration files per component, sorted by path. */
    static Map<String, List<String>> configs(AuditContext ctx) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("prometheus", Monitoring.prometheus(ctx).configs().stream().map(PrometheusConfig::path).toList());
        List<String> am = new ArrayList<>();
        List<String> grafana = new ArrayList<>();
        for (SourceFile f : ctx.workspace().files()) {
            if (!FileKinds.isYaml(f.path())) {
                continue;
            }
            if (FileKinds.isGrafanaProvisioning(f.path())) {
                grafana.add(f.path());
            } else if (FileKinds.isAlertmanagerByName(f.path()) && isAlertmanager(ctx, f)) {
                am.add(f.path());
            }
        }
        out.put("alertmanager", am);
        out.put("grafana", grafana);
        return out;
    }

    private static boolean isAlertmanager(AuditContext ctx, SourceFile f) {
        Map<String, org.yaml.snakeyaml.nodes.Node> root = ctx.yaml(f).rootMapping();
        return root.containsKey("route") || root.containsKey("receivers");
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        ComposeProject compose = Monitoring.compose(context);
        Map<String, List<String>> configs = configs(context);
        for (String component : COMPONENTS) {
            List<String> files = configs.get(component);
            if (files.isEmpty() || deployed(context, compose, component, files)) {
                continue;
            }
            List<String> services = new ArrayList<>();
            compose.services().forEach(s -> services.add(s.name()));
            String first = files.get(0);
            String title = TITLES.get(component);
            Text where = files.size() == 1 ? Text.code(first)
                    : Text.of(files.size() == 2 ? "monitoring.stack.andOneMore" : "monitoring.stack.andMore", first,
                    files.size() - 1, title);
            Text message = Text.of("monitoring.stack.notDeployed", title, where,
                    Monitoring.searchedText(compose.stacks()),
                    Monitoring.listText(new ArrayList<>(new LinkedHashSet<>(services))));
            Optional<Text> probable = probablyDeployed(context, component, files);
            sink.report(Finding.of(this).at(first, 1)
                    .severity(probable.isPresent() ? Severity.INFO : Severity.HIGH)
                    .message(probable.map(p -> Text.of("monitoring.butNotJudged", message, p)).orElse(message))
                    .key(component).build());
        }
    }

    private static boolean deployed(AuditContext ctx, ComposeProject compose, String component, List<String> files) {
        for (ComposeService s : compose.services()) {
            Optional<String> c = ImageCatalog.component(s);
            if (c.isPresent() && c.get().equals(component)) {
                return true;
            }
        }
        for (String f : files) {
            if (!compose.servicesMounting(f).isEmpty()) {
                return true;
            }
        }
        if (component.equals("prometheus") && Monitoring.prometheus(ctx).runners().stream()
                .anyMatch(r -> r.inCompose() && r.configPath().isPresent())) {
            return true; // a compose service reads one of them, perhaps as a script's copy or a rendered template
        }
        // a service that runs an image built from a Dockerfile: FROM the component's image, or COPY of its configs
        for (Container c : Containers.of(ctx).all()) {
            if (c.service().isEmpty() || c.build().isEmpty()) {
                continue;
            }
            if (runs(c.imageName(), component) || files.stream().anyMatch(f -> !c.containerPathsOf(f).isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /** A compose service whose image is linked to a Dockerfile of the repository by names only, and would run it. */
    private static Optional<Text> probablyDeployed(AuditContext ctx, String component, List<String> files) {
        for (Container c : Containers.of(ctx).all()) {
            Optional<Container.ProbableBuild> p = c.probableBuild();
            if (p.isEmpty()) {
                continue;
            }
            ImageBuild b = p.get().build();
            boolean copies = files.stream().anyMatch(f -> b.files().stream().anyMatch(pl -> pl.repositoryPath()
                    .equals(f) || pl.directory() && (pl.repositoryPath().isEmpty()
                    || f.startsWith(pl.repositoryPath() + "/"))));
            if (copies || runs(Optional.of(b.baseImage()), component)) {
                Text image = c.service().flatMap(s -> s.image()).map(v -> Text.verbatim(v.value()))
                        .orElse(Text.of("monitoring.stack.anImage"));
                return Optional.of(copies
                        ? Text.of("monitoring.stack.probably.copies", c.name(), c.location(), image,
                        b.dockerfile().path(), p.get().whyText())
                        : Text.of("monitoring.stack.probably.from", c.name(), c.location(), image,
                        b.dockerfile().path(), b.baseImage(), p.get().whyText()));
            }
        }
        return Optional.empty();
    }

    private static boolean runs(Optional<String> image, String component) {
        return image.flatMap(i -> ImageCatalog.lookup(ImageReference.parse(i))).map(ImageCatalog.Entry::component)
                .filter(component::equals).isPresent();
    }
}
