package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.placeholders.PlaceholderScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prometheus server configs as far as placeholders go: {@code prometheus.yml} and variants by name, or any YAML
 * whose root has {@code scrape_configs}; template-named copies ({@code prometheus.yml.tmpl}) and rule files excluded.
 * Whether {@code --enable-feature=expand-external-labels} is passed anywhere in the repository's deployment files.
 */
final class PrometheusConfigFiles {

    private final List<SourceFile> files;
    private final boolean expandExternalLabels;

    private PrometheusConfigFiles(List<SourceFile> files, boolean expandExternalLabels) {
        this.files = List.copyOf(files);
        this.expandExternalLabels = expandExternalLabels;
    }

    static PrometheusConfigFiles of(AuditContext ctx) {
        return ctx.model(PrometheusConfigFiles.class, PrometheusConfigFiles::load);
    }

    private static PrometheusConfigFiles load(AuditContext ctx) {
        List<SourceFile> files = new ArrayList<>();
        boolean expand = false;
        for (SourceFile f : ctx.workspace().files()) {
            String path = f.path();
            String name = f.name().toLowerCase(Locale.ROOT);
            if (isDeploymentFile(path, name)) {
                Optional<String> text = ctx.workspace().text(f);
                if (text.isPresent() && text.get().contains("expand-external-labels")) {
                    expand = true;
                }
            }
            if (!FileKinds.isYaml(path) || PlaceholderScanner.isTemplateLanguageFile(path) || isTemplateName(name)
                    || FileKinds.isPrometheusRules(path) || FileKinds.isCompose(path) || FileKinds.isCi(path)
                    || FileKinds.isGrafanaProvisioning(path) || FileKinds.isAlertmanagerByName(path)) {
                continue;
            }
            if (FileKinds.isPrometheusByName(path)) {
                files.add(f);
                continue;
            }
            Optional<String> text = ctx.workspace().text(f);
            if (text.isPresent() && text.get().contains("scrape_configs")
                    && ctx.yaml(f).rootMapping().containsKey("scrape_configs")) {
                files.add(f);
            }
        }
        return new PrometheusConfigFiles(files, expand);
    }

    private static boolean isTemplateName(String name) {
        return name.contains(".tmpl") || name.contains(".template") || name.contains(".example")
                || name.contains(".sample") || name.contains(".dist");
    }

    /** Where a Prometheus command line lives: compose files, Dockerfiles, shell scripts, systemd units, manifests. */
    private static boolean isDeploymentFile(String path, String name) {
        return FileKinds.isCompose(path) || name.startsWith("dockerfile") || name.endsWith(".dockerfile")
                || name.endsWith(".sh") || name.endsWith(".service") || name.endsWith(".conf")
                || (FileKinds.isYaml(path) && !FileKinds.isPrometheusByName(path) && !FileKinds.isAlertmanagerByName(path));
    }

    List<SourceFile> files() {
        return files;
    }

    boolean expandExternalLabels() {
        return expandExternalLabels;
    }

    static Optional<String> jobName(YamlDocument yaml, List<Object> path) {
        if (path.size() >= 2 && "scrape_configs".equals(path.get(0)) && path.get(1) instanceof Integer i) {
            List<org.yaml.snakeyaml.nodes.Node> jobs = YamlDocument.sequence(yaml.rootMapping().get("scrape_configs"));
            if (i < jobs.size()) {
                return YamlDocument.scalar(YamlDocument.mapping(jobs.get(i)).get("job_name"));
            }
        }
        return Optional.empty();
    }
}
