package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.SourceFile;
import io.samokoder.i18n.Text;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.alertmanager.FieldTypes;
import io.samokoder.model.alertmanager.PlaceholderEffect;
import io.samokoder.model.placeholders.PlaceholderScanner;
import io.samokoder.model.placeholders.YamlPlaceholders;
import io.samokoder.model.prometheus.PrometheusConfigs;
import io.samokoder.model.render.ConfigRendering;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Prometheus half of {@code alerting/unresolved-placeholder}. */
final class PrometheusPlaceholders {

    /** Named groups of an RE2 regex: {@code (?P<name>…)} and {@code (?<name>…)}. */
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<([A-Za-z_][A-Za-z0-9_]{0,100})>");

    private PrometheusPlaceholders() {
    }

    /**
     * The Prometheus configs whose placeholders are judged: the model's configs found by name or content, except
     * templates by their name ({@code prometheus.example.yml}, {@code .tmpl}, {@code .dist}) or language, rule files,
     * CI files, Grafana provisioning and Alertmanager configs.
     */
    static List<SourceFile> files(AuditContext ctx) {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : PrometheusConfigs.of(ctx).files()) {
            String path = f.path();
            String name = f.name().toLowerCase(Locale.ROOT);
            if (PlaceholderScanner.isTemplateLanguageFile(path) || isTemplateName(name)
                    || FileKinds.isPrometheusRules(path) || FileKinds.isCi(path)
                    || FileKinds.isGrafanaProvisioning(path) || FileKinds.isAlertmanagerByName(path)) {
                continue;
            }
            out.add(f);
        }
        return out;
    }

    private static boolean isTemplateName(String name) {
        return name.contains(".tmpl") || name.contains(".template") || name.contains(".example")
                || name.contains(".sample") || name.contains(".dist");
    }

    static void check(Rule rule, AuditContext context, FieldTypes types, FindingSink sink) {
        PrometheusConfigs prom = PrometheusConfigs.of(context);
        ConfigRendering rendering = ConfigRendering.of(context, ConfigRendering.Program.PROMETHEUS);
        for (SourceFile file : files(context)) {
            String text = context.workspace().text(file).orElse("");
            YamlDocument yaml = context.yaml(file);
            List<YamlPlaceholders.Site> undecided = new ArrayList<>();
            ConfigRendering.Verdict why = null;
            for (YamlPlaceholders.Site site
                    : YamlPlaceholders.firstPerScalar(YamlPlaceholders.scan(file, text, yaml))) {
                List<Object> path = site.path();
                boolean externalLabel = path.size() >= 3 && "global".equals(path.get(0))
                        && "external_labels".equals(path.get(1));
                if (externalLabel && prom.expandExternalLabels()) {
                    continue; // expanded by Prometheus itself
                }
                if (isRegexGroupReference(yaml, path, site.placeholder().name())) {
                    continue;
                }
                ConfigRendering.Verdict v = rendering.reading(file.path(), false, site.placeholder().name());
                if (v.reading() == ConfigRendering.Reading.UNFOLLOWED || v.reading() == ConfigRendering.Reading.NOT_READ) {
                    undecided.add(site);
                    why = v;
                    continue;
                }
                if (v.reading() != ConfigRendering.Reading.LITERAL) {
                    continue; // a template: a step renders it before Prometheus (or another container) reads it
                }
                sink.report(finding(rule, file, yaml, site, types, externalLabel, v));
            }
            if (why != null) {
                sink.report(UndecidedPlaceholders.finding(rule, file.path(), undecided, why, "Prometheus"));
            }
        }
    }

    static Optional<String> jobName(YamlDocument yaml, List<Object> path) {
        if (path.size() >= 2 && "scrape_configs".equals(path.get(0)) && path.get(1) instanceof Integer i) {
            List<Node> jobs = YamlDocument.sequence(yaml.rootMapping().get("scrape_configs"));
            if (i < jobs.size()) {
                return YamlDocument.scalar(YamlDocument.mapping(jobs.get(i)).get("job_name"));
            }
        }
        return Optional.empty();
    }

    /** {@code replacement: ${host}} / {@code target_label: ${host}} next to {@code regex: (?P<host>…)}. */
    static boolean isRegexGroupReference(YamlDocument yaml, List<Object> path, String name) {
        if (path.isEmpty() || !(path.get(path.size() - 1) instanceof String leaf)
                || !(leaf.equals("replacement") || leaf.equals("target_label"))) {
            return false;
        }
        Node parent = resolve(yaml, path.subList(0, path.size() - 1));
        Optional<String> regex = YamlDocument.scalar(YamlDocument.mapping(parent).get("regex"));
        if (regex.isEmpty()) {
            return false;
        }
        Matcher m = NAMED_GROUP.matcher(regex.get());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return true;
            }
        }
        return false;
    }

    static Node resolve(YamlDocument yaml, List<Object> path) {
        Node node = yaml.root().orElse(null);
        for (Object step : path) {
            if (node == null) {
                return null;
            }
            if (step instanceof String key) {
                Map<String, Node> m = YamlDocument.mapping(node);
                node = m.get(key);
            } else if (step instanceof Integer i) {
                List<Node> items = YamlDocument.sequence(node);
                node = i < items.size() ? items.get(i) : null;
            }
        }
        return node;
    }

    private static Finding finding(Rule rule, SourceFile file, YamlDocument yaml, YamlPlaceholders.Site site,
                                   FieldTypes types, boolean externalLabel,
                                   ConfigRendering.Verdict render) {
        String fieldPath = site.fieldPath();
        FieldTypes.Field field = types.lookup("prometheus", fieldPath);
        PlaceholderEffect effect = site.isKey() ? new PlaceholderEffect(false, Text.of("model.effect.keyLiteral"))
                : PlaceholderEffect.of(field.type(), site.value(), n -> false);
        Optional<String> job = jobName(yaml, site.path());
        String ph = site.placeholder().display();
        Text at = job.isPresent() ? Text.of("alerting.prometheus.inJob", ph, fieldPath, job.get())
                : Text.of("alerting.placeholder.in", ph, fieldPath);
        Text why = Text.of(externalLabel ? "alerting.prometheus.externalLabels" : "alerting.prometheus.noExpansion");
        Text message = effect.refusesToLoad() ? Text.of("alerting.prometheus.refuses", at, effect.text(), why)
                : Text.of("alerting.prometheus.literal", at, why);
        Text remediation;
        String leaf = fieldPath.substring(fieldPath.lastIndexOf('.') + 1);
        if (field.fileField().isPresent()) {
            remediation = Text.of("alerting.prometheus.fix.file", leaf, field.fileField().get());
        } else if (externalLabel) {
            remediation = Text.of("alerting.prometheus.fix.externalLabels");
        } else {
            remediation = Text.of("alerting.prometheus.fix.plain");
        }
        if (!render.reason().isEmpty()) {
            message = Text.of("alerting.placeholder.because", message, render.reasonText());
        }
        return Finding.of(rule).at(file.path(), site.line(), site.column()).message(message).remediation(remediation)
                .key(site.placeholder().name() + "@prometheus." + fieldPath).build();
    }
}
