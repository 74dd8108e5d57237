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
import io.samokoder.model.placeholders.PlaceholderScanner;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Optional;
import java.util.Set;

/** A route names a receiver that the config does not define; the root route names none. */
@RuleInfo(id = "alerting/undefined-receiver", category = Category.ALERTING, severity = Severity.HIGH,
        summary = "An Alertmanager route names a receiver that is not defined (or the root route names none).",
        remediation = "Define the receiver under `receivers:` or correct the name in the route; give the root route a"
                + " default `receiver`.",
        description = "Alertmanager refuses to load a config whose route tree references an undefined receiver"
                + " (`undefined receiver \"x\" used in route`) or whose root route has no receiver. The finding sits"
                + " on the route's `receiver:` line and suggests the closest defined name. Receiver names that are"
                + " themselves ${VAR} placeholders are reported by `alerting/unresolved-placeholder` instead.")
public final class UndefinedReceiverRule implements Rule {

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
            AlertmanagerConfig.Route root = config.route().get();
            if (root.receiver().isEmpty()) {
                sink.report(Finding.of(this).at(config.path(), root.line(), root.column())
                        .message(Text.of("alerting.receiver.rootWithout"))
                        .key("root-route-without-receiver").build());
            }
            for (AlertmanagerConfig.Route r : root.flatten()) {
                if (r.receiver().isEmpty()) {
                    continue;
                }
                String name = r.receiver().get();
                if (config.receiver(name).isPresent() || !PlaceholderScanner.scan(name).isEmpty()) {
                    continue;
                }
                Text message = Text.of(r.depth() == 0 ? "alerting.receiver.undefinedRoot" : "alerting.receiver.undefined",
                        name);
                Optional<String> hint = closest(config, name);
                if (hint.isPresent()) {
                    message = Text.of("alerting.receiver.didYouMean", message, hint.get());
                }
                sink.report(Finding.of(this).at(config.path(), r.receiverLine(), r.receiverColumn())
                        .message(message)
                        .key(name).build());
            }
        }
    }

    private static Optional<String> closest(AlertmanagerConfig config, String name) {
        LevenshteinDistance distance = new LevenshteinDistance(4);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (AlertmanagerConfig.Receiver r : config.receivers()) {
            int d = distance.apply(name.toLowerCase(), r.name().toLowerCase());
            if (d >= 0 && d < bestScore) {
                bestScore = d;
                best = r.name();
            }
        }
        return Optional.ofNullable(best);
    }
}
