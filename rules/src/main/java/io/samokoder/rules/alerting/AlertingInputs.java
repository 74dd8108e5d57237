package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.model.alertmanager.AlertmanagerConfigs;
import io.samokoder.model.docker.Containers;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.SourceFile;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Files outside the configs themselves that can change alerting findings: compose files, env files, scripts. */
final class AlertingInputs {

    private AlertingInputs() {
    }

    /** The Alertmanager configs themselves: the inputs of the checks that read only them. */
    static Set<String> alertmanagerConfigs(AuditContext context) {
        Set<String> out = new LinkedHashSet<>();
        AlertmanagerConfigs.of(context).entries().forEach(e -> out.add(e.path()));
        return out;
    }

    static Set<String> deploymentFiles(AuditContext context) {
        Set<String> out = new LinkedHashSet<>(Containers.of(context).inputs());
        for (SourceFile f : context.workspace().files()) {
            String n = f.name().toLowerCase(Locale.ROOT);
            if (FileKinds.isCompose(f.path()) || n.startsWith(".env") || n.endsWith(".env") || n.endsWith(".sh")
                    || n.startsWith("dockerfile") || n.endsWith(".service")) {
                out.add(f.path());
            }
        }
        return out;
    }
}
