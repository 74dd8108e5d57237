package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.alertmanager.AlertmanagerConfig;
import io.samokoder.model.alertmanager.AlertmanagerConfigs;
import io.samokoder.model.alertmanager.FieldTypes;
import io.samokoder.model.alertmanager.PlaceholderEffect;
import io.samokoder.model.placeholders.YamlPlaceholders;
import io.samokoder.model.render.ConfigRendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ${VAR}} placeholders in configs that Alertmanager (or Prometheus) reads as they are. Neither expands
 * environment variables: a typed field makes the file fail to load, a string field is used literally at runtime.
 */
@RuleInfo(id = "alerting/unresolved-placeholder", category = Category.ALERTING, severity = Severity.HIGH,
        summary = "A ${VAR} placeholder in an Alertmanager or Prometheus config that nothing expands.",
        remediation = "Use the field's *_file variant (bot_token_file, auth_password_file, api_key_file, url_file …)"
                + " with a mounted secret, or keep the file as a template and render it before the tool starts"
                + " (e.g. `envsubst < alertmanager.yml.tmpl > /tmp/alertmanager.yml` in the entrypoint, then"
                + " `--config.file=/tmp/alertmanager.yml`).",
        description = "Alertmanager never expands environment variables in its configuration (its maintainers have"
                + " declined to add it); Prometheus expands them only in `global.external_labels`, and only with"
                + " `--enable-feature=expand-external-labels`. Each `$VAR`, `${VAR}` or `${VAR:-default}` in a config"
                + " the tool reads as it is gets one finding at its line and column, naming the variable, the receiver"
                + " and the field. The field-type table decides the consequence: a placeholder in a typed field"
                + " (`chat_id` integer, durations, booleans, URLs whose scheme or host is the placeholder, `smarthost`"
                + " without a port) makes the tool refuse to load the file; in a string or secret field (`bot_token`,"
                + " `api_key`, `auth_password`, `to`, a URL path) the file loads, `amtool check-config` passes, and"
                + " the literal text is sent at runtime, so notifications fail silently. Go templates"
                + " (`{{ .GroupLabels.alertname }}`, `{{ $labels.instance }}`), regex references (`$1`) and"
                + " Mako/Jinja files are never placeholders. Which file the tool reads is followed through what each"
                + " container runs: bind mounts and the files its Dockerfile copies, `entrypoint`/`command` over the"
                + " image's ENTRYPOINT/CMD, the repository scripts they run, and `--config.file`. Files that a step"
                + " renders first (envsubst, sed, gomplate, also in place or through `cp`) are templates, checked by"
                + " `alerting/template-variable-not-supplied`; a file rendered by a step this tool does not follow"
                + " (awk, `eval`, a path chosen at run time), or mounted where the tool does not read it, gets one"
                + " `info` finding naming the step.")
public final class UnresolvedPlaceholderRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !AlertmanagerConfigs.of(context).isEmpty() || !PrometheusPlaceholders.files(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> paths = AlertingInputs.alertmanagerConfigs(context);
        paths.addAll(PrometheusPlaceholders.files(context).stream().map(SourceFile::path).toList());
        paths.addAll(AlertingInputs.deploymentFiles(context));
        return paths;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        ConfigRendering rendering = ConfigRendering.of(context, ConfigRendering.Program.ALERTMANAGER);
        FieldTypes types = fieldTypes(context, sink);
        for (AlertmanagerConfigs.Entry entry : AlertmanagerConfigs.of(context).entries()) {
            AlertmanagerConfig config = entry.config();
            String text = context.workspace().text(config.file()).orElse("");
            List<YamlPlaceholders.Site> undecided = new ArrayList<>();
            ConfigRendering.Verdict why = null;
            for (YamlPlaceholders.Site site : YamlPlaceholders.scan(config.file(), text, config.yaml())) {
                ConfigRendering.Verdict v = rendering.reading(entry.path(), entry.templateByName(),
                        site.placeholder().name());
                switch (v.reading()) {
                    case LITERAL -> sink.report(alertmanagerFinding(config, site, types, v, entry));
                    case UNFOLLOWED, NOT_READ -> {
                        undecided.add(site);
                        why = v;
                    }
                    default -> {
                    }
                }
            }
            if (why != null) {
                sink.report(UndecidedPlaceholders.finding(this, config.path(), undecided, why, "Alertmanager"));
            }
        }
        PrometheusPlaceholders.check(this, context, types, sink);
    }

    /** Option naming a repository file of extra field-type rows (same format as the built-in table). */
    public static final String FIELD_TYPES_OPTION = "alerting.fieldTypes";

    @Override
    public List<io.samokoder.engine.RuleOption> options() {
        return List.of(io.samokoder.engine.RuleOption.of(FIELD_TYPES_OPTION, io.samokoder.engine.RuleOption.Type.PATH,
                "", "A file in the repository of further field-type rows (context, field, type, file-field; tab"
                        + " separated, as the built-in field-types.tsv)."));
    }

    /** The built-in table plus the user's rows from {@value #FIELD_TYPES_OPTION}; a broken user table is reported. */
    private FieldTypes fieldTypes(AuditContext context, FindingSink sink) {
        String path = context.config().optionOr(FIELD_TYPES_OPTION, "").trim();
        if (path.isEmpty()) {
            return FieldTypes.builtIn();
        }
        Optional<String> text = context.workspace().file(path).flatMap(f -> context.workspace().text(f));
        String problem;
        if (text.isPresent()) {
            try {
                return FieldTypes.builtIn().plus(FieldTypes.parse(text.get()));
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        } else {
            problem = "the file is not in the repository";
        }
        sink.report(Finding.of(this).at(path, 0).severity(io.samokoder.engine.Severity.INFO)
                .message("field-type table `" + path + "` (option " + FIELD_TYPES_OPTION + ") not used: " + problem
                        + "; the built-in table applies")
                .remediation("Fix the table: one row per field, four tab-separated columns (context, field, type,"
                        + " file-field or -), types as in the built-in field-types.tsv.")
                .key("field-types:" + path).build());
        return FieldTypes.builtIn();
    }

    private Finding alertmanagerFinding(AlertmanagerConfig config, YamlPlaceholders.Site site, FieldTypes types,
                                        ConfigRendering.Verdict verdict, AlertmanagerConfigs.Entry entry) {
        AlertmanagerConfig.FieldSite where = config.locate(site.path());
        FieldTypes.Field field = types.lookup(where.context(), where.field());
        String value = site.value();
        FieldTypes.Type type = field.type();
        PlaceholderEffect effect = site.isKey()
                ? new PlaceholderEffect(false, "the key is used literally")
                : PlaceholderEffect.of(type, value, n -> definedName(config, type, n));
        String ph = site.placeholder().display();
        String fieldName = where.field().isEmpty() ? where.context() : where.field();
        String place = describe(where).isEmpty() ? "" : " " + describe(where);
        StringBuilder msg = new StringBuilder();
        if (effect.refusesToLoad()) {
            msg.append("Alertmanager will refuse to load: ").append(ph).append(" in `").append(fieldName)
                    .append("`").append(place).append(" — ").append(effect.reason())
                    .append("; Alertmanager does not expand environment variables");
        } else {
            msg.append(ph).append(" in `").append(fieldName).append("`").append(place)
                    .append(where.receiver().isPresent() || where.context().equals("global")
                            ? " is sent literally at runtime" : " is used literally at runtime")
                    .append(": Alertmanager does not expand environment variables, the file loads (amtool"
                            + " check-config passes) and ");
            msg.append(consequence(where, type, effect));
        }
        if (!verdict.reason().isEmpty()) {
            msg.append(" (").append(verdict.reason()).append(")");
        } else if (entry.templateByName()) {
            msg.append(" (the file is named like a template but is loaded as it is)");
        }
        return Finding.of(this).at(config.path(), site.line(), site.column())
                .message(msg.toString())
                .remediation(remediation(field, where))
                .key(site.placeholder().name() + "@" + where.context() + "." + where.field()
                        + where.receiver().map(r -> "#" + r).orElse(""))
                .build();
    }

    private static boolean definedName(AlertmanagerConfig config, FieldTypes.Type type, String name) {
        if (type == FieldTypes.Type.RECEIVER_REF) {
            return config.receiver(name).isPresent();
        }
        return config.timeIntervals().contains(name);
    }

    static String describe(AlertmanagerConfig.FieldSite where) {
        if (where.receiver().isPresent()) {
            String r = where.receiver().get();
            String shown = r.indexOf('$') >= 0 ? r : "`" + r + "`";
            return where.context().endsWith("_configs")
                    ? "of receiver " + shown + " (" + where.context() + ")" : "of receiver " + shown;
        }
        return switch (where.context()) {
            case "global" -> "in `global`";
            case "route" -> "in the route tree";
            case "inhibit_rules" -> "in an inhibit rule";
            case "time_intervals" -> "in a time interval";
            case "templates" -> "in `templates`";
            default -> "";
        };
    }

    private static String consequence(AlertmanagerConfig.FieldSite where, FieldTypes.Type type,
                                      PlaceholderEffect effect) {
        if (type == FieldTypes.Type.HOST_PORT || type == FieldTypes.Type.URL_LENIENT
                || type == FieldTypes.Type.URL || type == FieldTypes.Type.SECRET_URL && !effect.reason().isEmpty()) {
            return effect.reason() + ", so notifications fail silently";
        }
        if (type.isSecret()) {
            return "the receiving service rejects the credential, so notifications fail silently";
        }
        if (where.context().equals("route") || where.context().equals("inhibit_rules")) {
            return "the route or rule compares against the literal text, so it never matches as intended";
        }
        if (type == FieldTypes.Type.PATH) {
            return "the file is looked up under that literal name";
        }
        return "the literal text is used instead of the value, so notifications fail silently";
    }

    static String remediation(FieldTypes.Field field, AlertmanagerConfig.FieldSite where) {
        String render = "keep the file as a template (alertmanager.yml.tmpl) and render it before Alertmanager starts,"
                + " e.g. `envsubst < /etc/alertmanager/alertmanager.yml.tmpl > /tmp/alertmanager.yml` in the"
                + " entrypoint with `--config.file=/tmp/alertmanager.yml` and the variables in the service's"
                + " environment";
        Optional<String> file = field.fileField();
        String leaf = where.field().contains(".") ? where.field().substring(where.field().lastIndexOf('.') + 1)
                : where.field();
        if (file.isPresent() && !field.type().isSecret()) {
            return "Write the value into the file (`" + leaf + "` is " + field.type().description() + " and need not be"
                    + " secret; recent Alertmanager releases also read it from `" + file.get() + "`), or " + render
                    + ".";
        }
        if (file.isPresent()) {
            String note = "";
            return "Replace `" + leaf + "` with `" + file.get() + ": /run/secrets/<name>` and mount the secret into"
                    + " the container (Alertmanager reads *_file fields itself)" + note + "; or " + render + ".";
        }
        return "Write the value into the file, or " + render + ". Alertmanager never expands environment variables.";
    }
}
