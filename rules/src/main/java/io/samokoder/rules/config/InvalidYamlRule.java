package io.samokoder.rules.config;

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
import io.samokoder.engine.yaml.YamlProblem;

import java.util.LinkedHashSet;
import java.util.Set;

/** A YAML file that compose, Prometheus, Alertmanager, Grafana or a CI system loads, and that would not load. */
@RuleInfo(id = "config/invalid-yaml", category = Category.CONFIG, severity = Severity.HIGH,
        summary = "A YAML file a deployment tool loads does not parse, repeats a key, or trips a loader limit.",
        remediation = "Fix the YAML at the reported line (run `yamllint` or the tool's own check); remove the duplicate"
                + " key; replace alias chains with plain values.",
        description = "Compose files, Prometheus and Alertmanager configs and rule files, Grafana provisioning and CI"
                + " workflows are found by name and location. A syntax error, a duplicate key (which compose and"
                + " Prometheus reject and others silently resolve), an alias bomb, a nesting deeper than 100 levels, a"
                + " list or mapping of more than 100,000 items, a file of more than 500,000 nodes or binary content"
                + " is reported once, at the offending line. Templates are info: files under a folder"
                + " named in template syntax ({{cookiecutter.project_slug}}/) and files whose YAML breaks only on"
                + " Jinja or Go template tags are rendered before any tool reads them.")
public final class InvalidYamlRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return context.workspace().files().stream().anyMatch(f -> FileKinds.isToolYaml(f.path()));
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> paths = new LinkedHashSet<>();
        context.workspace().files().stream().filter(f -> FileKinds.isToolYaml(f.path()))
                .forEach(f -> paths.add(f.path()));
        return paths;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (SourceFile file : context.workspace().files()) {
            if (!FileKinds.isToolYaml(file.path())) {
                continue;
            }
            YamlDocument doc = context.yaml(file);
            for (YamlProblem p : doc.problems()) {
                Finding.Builder f = Finding.of(this).at(file.path(), p.line(), p.column())
                        .key(p.kind() + ":" + p.message().replaceAll("line \\d+", "line"));
                if (doc.template().isPresent()) {
                    // what a tool loads is the rendered file, which the repository does not hold
                    f.severity(Severity.INFO).message(Text.of("config.yaml.template",
                            doc.templateText().get(), describe(p)));
                } else {
                    f.message(describe(p));
                }
                sink.report(f.build());
            }
        }
    }

    /** Our own words for a repeated key, written by the loader in English: its key and line, said again. */
    private static Text duplicate(String message) {
        java.util.regex.Matcher m = DUPLICATE.matcher(message);
        return m.matches() ? Text.of("config.yaml.duplicateKey", m.group(1), m.group(2))
                : Text.of("config.yaml.duplicate", message);
    }

    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("duplicate key '(.*)' \\(first at line (\\d+)\\)");

    /** The parser's own words are quoted as they are: SnakeYAML reports them in English. */
    private static Text describe(YamlProblem p) {
        return switch (p.kind()) {
            case SYNTAX -> Text.of("config.yaml.syntax", p.message());
            case DUPLICATE_KEY -> duplicate(p.message());
            case LIMIT -> Text.of("config.yaml.limit", p.message());
            case BINARY -> Text.of("config.yaml.binary", p.message());
        };
    }
}
