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

import java.util.Set;

/** An inhibit rule without {@code equal}: one source alert anywhere mutes every matching target alert everywhere. */
@RuleInfo(id = "alerting/inhibit-without-equal", category = Category.ALERTING, severity = Severity.LOW,
        summary = "An Alertmanager inhibit rule without `equal` mutes matching alerts across every instance.",
        remediation = "Add `equal:` with the labels source and target alerts must share, e.g."
                + " `equal: ['alertname', 'instance']` (or `cluster`, `service`).",
        description = "Without `equal` (or with an empty list), a single firing source alert, say one critical"
                + " alert on a staging host, inhibits every alert that matches the target matchers on every host and"
                + " in every cluster. The Alertmanager documentation's examples always list the labels that must be"
                + " equal. Reported at the rule's first line.")
public final class InhibitWithoutEqualRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return AlertmanagerConfigs.of(context).entries().stream()
                .anyMatch(e -> !e.config().inhibitRules().isEmpty());
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return AlertingInputs.alertmanagerConfigs(context);
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (AlertmanagerConfigs.Entry entry : AlertmanagerConfigs.of(context).entries()) {
            AlertmanagerConfig config = entry.config();
            for (AlertmanagerConfig.InhibitRule rule : config.inhibitRules()) {
                if (rule.hasEqual() && !rule.equal().isEmpty()) {
                    continue;
                }
                sink.report(Finding.of(this).at(config.path(), rule.line(), rule.column())
                        .message(Text.of(rule.hasEqual() ? "alerting.inhibit.emptyEqual" : "alerting.inhibit.noEqual",
                                rule.index() + 1))
                        .key("inhibit#" + rule.index()).build());
            }
        }
    }
}
