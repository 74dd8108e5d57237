package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.alertmanager.AlertmanagerConfig;
import io.samokoder.model.alertmanager.AlertmanagerConfigs;

import java.util.Map;
import java.util.Set;

/** A receiver no route sends to. */
@RuleInfo(id = "alerting/unused-receiver", category = Category.ALERTING, severity = Severity.LOW,
        summary = "An Alertmanager receiver that no route sends alerts to.",
        remediation = "Route alerts to the receiver (a child route with matchers) or remove it.",
        description = "A receiver defined under `receivers:` that neither the root route nor any child route names"
                + " never gets a notification: usually a route was deleted or renamed and the team that expects"
                + " those alerts gets nothing. Reported at the receiver's `name:` line. Configs without a route tree"
                + " are left alone.")
public final class UnusedReceiverRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !AlertmanagerConfigs.of(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return AlertingInputs.alertmanagerConfigs(context);
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlertmanagerConfigs.Entry entry : AlertmanagerConfigs.of(context).entries()) {
            AlertmanagerConfig config = entry.config();
            if (config.route().isEmpty() || !config.yaml().isUsable()) {
                continue;
            }
            Map<String, Integer> used = config.referencedReceivers();
            for (AlertmanagerConfig.Receiver r : config.receivers()) {
                if (r.name().isEmpty() || used.containsKey(r.name())) {
                    continue;
                }
                sink.report(Finding.of(this).at(config.path(), r.line(), r.column())
                        .message(Text.of("alerting.receiver.unused", r.name()))
                        .key(r.name()).build());
            }
        }
    }
}
