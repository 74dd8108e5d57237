package io.samokoder.rules.config;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.model.compose.ComposeProblem;
import io.samokoder.model.compose.ComposeProject;

import java.util.Set;

/** A compose file that compose would refuse: invalid ports, wrong types, unknown keys, missing includes, cycles. */
@RuleInfo(id = "config/invalid-compose", category = Category.CONFIG, severity = Severity.HIGH,
        summary = "A compose file has content docker compose rejects (invalid port, wrong type, unknown key,"
                + " missing include or extends target, cycle, malformed ${...}).",
        remediation = "Run `docker compose config` and fix the reported entry.",
        description = "Reported from the shared ComposeProject model: ports that are no valid short or long syntax"
                + " (out-of-range numbers, bad host IPs, mismatched ranges), values of the wrong YAML type, keys the"
                + " Compose specification does not define (outside `x-` extensions; medium), `include:` or"
                + " `extends:` naming files or services that do not exist, include/extends cycles and malformed"
                + " interpolation. YAML syntax errors are config/invalid-yaml's; `${VAR:?message}` without a value is"
                + " documented-required and not reported.")
public final class InvalidComposeRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !project(context).files().isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return project(context).inputs();
    }

    private static ComposeProject project(AuditContext context) {
        return ComposeProject.of(context);
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (ComposeProblem p : project(context).problems()) {
            if (p.kind() == ComposeProblem.Kind.YAML || p.kind() == ComposeProblem.Kind.REQUIRED_VARIABLE) {
                continue;
            }
            sink.report(Finding.of(this).at(p.location().path(), p.location().line(), p.location().column())
                    .severity(p.kind() == ComposeProblem.Kind.UNKNOWN_KEY ? Severity.MEDIUM : Severity.HIGH)
                    .message(Text.of("config.compose", p.text()))
                    .key(p.kind() + "|" + p.message()).build());
        }
    }
}
