package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
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
                + " the tool reads as it is gets one finding at its line and column (a variable named twice in one value,"
                + " once, at its first place), naming the variable, the receiver"
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
            for (YamlPlaceholders.Site site : YamlPlaceholders.firstPerScalar(
                    YamlPlaceholders.scan(config.file(), text, config.yaml()))) {
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
        Text problem;
        if (text.isPresent()) {
            try {
                return FieldTypes.builtIn().plus(FieldTypes.parse(text.get()));
            } catch (IllegalArgumentException e) {
                problem = Text.verbatim(e.getMessage());
            }
        } else {
            problem = Text.of("alerting.fieldTypes.notInRepository");
        }
        sink.report(Finding.of(this).at(path, 0).severity(io.samokoder.engine.Severity.INFO)
                .message(Text.of("alerting.fieldTypes.notUsed", path, FIELD_TYPES_OPTION, problem))
                .remediation(Text.of("alerting.fieldTypes.fix"))
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
                ? new PlaceholderEffect(false, Text.of("model.effect.keyLiteral"))
                : PlaceholderEffect.of(type, value, n -> definedName(config, type, n));
        String ph = site.placeholder().display();
        String fieldName = where.field().isEmpty() ? where.context() : where.field();
        Text place = describeText(where);
        Text at = place == null ? Text.of("alerting.placeholder.in", ph, fieldName)
                : Text.of("alerting.placeholder.inPlace", ph, fieldName, place);
        Text msg;
        if (effect.refusesToLoad()) {
            msg = Text.of("alerting.placeholder.refuses", at, effect.text());
        } else {
            msg = Text.of(where.receiver().isPresent() || where.context().equals("global")
                    ? "alerting.placeholder.sent" : "alerting.placeholder.used", at, consequence(where, type, effect));
        }
        if (!verdict.reason().isEmpty()) {
            msg = Text.of("alerting.placeholder.because", msg, verdict.reasonText());
        } else if (entry.templateByName()) {
            msg = Text.of("alerting.placeholder.namedLikeTemplate", msg);
        }
        return Finding.of(this).at(config.path(), site.line(), site.column())
                .message(msg)
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

    /** {@link #describe} for reports in every language; null where it says nothing. */
    static Text describeText(AlertmanagerConfig.FieldSite where) {
        if (where.receiver().isPresent()) {
            String r = where.receiver().get();
            Text shown = r.indexOf('$') >= 0 ? Text.verbatim(r) : Text.of("alerting.placeholder.receiverName", r);
            return where.context().endsWith("_configs")
                    ? Text.of("alerting.placeholder.ofReceiverIn", shown, where.context())
                    : Text.of("alerting.placeholder.ofReceiver", shown);
        }
        return switch (where.context()) {
            case "global" -> Text.of("alerting.placeholder.inGlobal");
            case "route" -> Text.of("alerting.placeholder.inRoute");
            case "inhibit_rules" -> Text.of("alerting.placeholder.inInhibit");
            case "time_intervals" -> Text.of("alerting.placeholder.inInterval");
            case "templates" -> Text.of("alerting.placeholder.inTemplates");
            default -> null;
        };
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

    private static Text consequence(AlertmanagerConfig.FieldSite where, FieldTypes.Type type,
                                    PlaceholderEffect effect) {
        if (type == FieldTypes.Type.HOST_PORT || type == FieldTypes.Type.URL_LENIENT
                || type == FieldTypes.Type.URL || type == FieldTypes.Type.SECRET_URL && !effect.reason().isEmpty()) {
            return Text.of("alerting.placeholder.failsSilently", effect.text());
        }
        if (type.isSecret()) {
            return Text.of("alerting.placeholder.credentialRejected");
        }
        if (where.context().equals("route") || where.context().equals("inhibit_rules")) {
            return Text.of("alerting.placeholder.neverMatches");
        }
        if (type == FieldTypes.Type.PATH) {
            return Text.of("model.effect.path");
        }
        return Text.of("alerting.placeholder.literalUsed");
    }

    static Text remediation(FieldTypes.Field field, AlertmanagerConfig.FieldSite where) {
        Text render = Text.of("alerting.placeholder.fix.render");
        Optional<String> file = field.fileField();
        String leaf = where.field().contains(".") ? where.field().substring(where.field().lastIndexOf('.') + 1)
                : where.field();
        if (file.isPresent() && !field.type().isSecret()) {
            return Text.of("alerting.placeholder.fix.value", leaf, field.type().descriptionText(), file.get(), render);
        }
        if (file.isPresent()) {
            return Text.of("alerting.placeholder.fix.secretFile", leaf, file.get(), render);
        }
        return Text.of("alerting.placeholder.fix.plain", render);
    }
}
