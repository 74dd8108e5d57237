package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.render.ConfigRendering;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** A variable a rendered Alertmanager template uses that the rendering service's environment does not set. */
@RuleInfo(id = "alerting/template-variable-not-supplied", category = Category.ALERTING, severity = Severity.HIGH,
        summary = "A variable of a rendered Alertmanager template is set neither in the service's environment nor"
                + " in its env_file.",
        remediation = "Add the variable to the rendering service's `environment:` (e.g. `TELEGRAM_CHAT_ID:"
                + " ${TELEGRAM_CHAT_ID}`) or to an `env_file` it reads, and list it in .env.example.",
        description = "When a compose service renders the Alertmanager config from a template before starting"
                + " (`envsubst < alertmanager.yml.tmpl > /tmp/alertmanager.yml`, `sed`, `gomplate`, directly in"
                + " `entrypoint`/`command`, in a repository script they run, or in the ENTRYPOINT of the image their"
                + " `build:` section builds), the template's `${VAR}` references"
                + " are not placeholders but inputs. envsubst replaces a variable that is not set in the container"
                + " with an empty string, so the rendered config has an empty `bot_token` or `chat_id` and Alertmanager"
                + " refuses it or sends nothing. One finding per variable, at its first use in the template, naming"
                + " the service. Variables written with a default (`${VAR:-x}`) and variables outside an envsubst"
                + " SHELL-FORMAT list are not inputs of the render step.")
public final class TemplateVariableNotSuppliedRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !rendering(context).renders().isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> paths = new LinkedHashSet<>();
        rendering(context).renders().forEach(r -> paths.add(r.source()));
        paths.addAll(AlertingInputs.deploymentFiles(context));
        return paths;
    }

    private static ConfigRendering rendering(AuditContext context) {
        return ConfigRendering.of(context, ConfigRendering.Program.ALERTMANAGER);
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (ConfigRendering.Render r : rendering(context).renders()) {
            Optional<SourceFile> file = context.workspace().file(r.source());
            if (file.isEmpty()) {
                continue;
            }
            for (TemplateInputs.Use use : TemplateInputs.of(context, file.get(), r)) {
                if (r.env().provides(use.name())) {
                    continue;
                }
                sink.report(Finding.of(this).at(r.source(), use.line(), use.column())
                        .message(Text.of("alerting.template.notSupplied", use.name(), r.rendererText(), r.tool(),
                                use.fieldText()))
                        .key(use.name() + "@" + r.service())
                        .build());
            }
        }
    }
}
