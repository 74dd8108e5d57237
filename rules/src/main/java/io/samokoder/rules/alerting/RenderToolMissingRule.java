package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.model.docker.KnownImages;
import io.samokoder.model.render.ConfigRendering;

import java.util.LinkedHashSet;
import java.util.Set;

/** A render step that calls envsubst, gomplate, dockerize or perl inside the official Alertmanager image. */
@RuleInfo(id = "alerting/render-tool-missing", category = Category.ALERTING, severity = Severity.HIGH,
        summary = "The Alertmanager config is rendered with envsubst or gomplate inside the official"
                + " prom/alertmanager image, which is busybox-based and has neither.",
        remediation = "Build an image that has the tool (e.g. `FROM alpine` + `apk add gettext` + `COPY"
                + " --from=prom/alertmanager /bin/alertmanager /bin/`), render in a one-shot service that writes to a"
                + " shared volume, or use busybox `sed`, which the image has.",
        description = "The usual fix for ${VAR} in alertmanager.yml, an entrypoint running"
                + " `envsubst < alertmanager.yml.tmpl > /tmp/alertmanager.yml`, fails at start-up when the service"
                + " runs the official `prom/alertmanager` (or `quay.io/prometheus/alertmanager`) image: it is built on"
                + " the Prometheus busybox image, which has `sh` and `sed` but no `envsubst` (GNU gettext) and no"
                + " `gomplate`, `dockerize` or `perl`, so the container exits with `envsubst: not found` and Alertmanager"
                + " never starts. An image built `FROM prom/alertmanager` has the tool only when its Dockerfile adds it"
                + " (installs or copies it).")
public final class RenderToolMissingRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return !ConfigRendering.of(context, ConfigRendering.Program.ALERTMANAGER).renders().isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return new LinkedHashSet<>(AlertingInputs.deploymentFiles(context));
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        Set<String> reported = new LinkedHashSet<>();
        for (ConfigRendering.Render r : ConfigRendering.of(context, ConfigRendering.Program.ALERTMANAGER).renders()) {
            if (r.tool().equals("sed") || r.image().isEmpty() || !isOfficialImage(r.image().get()) || r.toolAdded()
                    || !reported.add(r.composePath() + "#" + r.service() + "#" + r.tool())) {
                continue;
            }
            sink.report(Finding.of(this).at(r.composePath(), r.line())
                    .message(Text.of("alerting.renderTool.missing", r.whoText(), r.source(), r.tool(), r.image().get()))
                    .key(r.service() + ":" + r.tool())
                    .build());
        }
    }

    /** {@code prom/alertmanager}, {@code quay.io/prometheus/alertmanager}, any registry alias, tag or digest. */
    static boolean isOfficialImage(String image) {
        String repository = KnownImages.repository(image);
        return repository.equals("prom/alertmanager") || repository.equals("quay.io/prometheus/alertmanager");
    }
}
