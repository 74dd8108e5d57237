package io.samokoder.model.alertmanager;

import io.samokoder.workspace.FileKinds;

import java.util.Locale;
import java.util.regex.Pattern;

/** File-name conventions for Alertmanager configs and their templates. */
public final class AlertmanagerFiles {

    /** {@code alertmanager.yml}, {@code alertmanager.prod.yaml}, {@code alertmanager-config.yml}. */
    private static final Pattern CONFIG = Pattern.compile("alertmanager(?:[.\\-_][^/]*)?\\.ya?ml");
    /**
     * Template variants: {@code alertmanager.yml.tmpl}, {@code alertmanager.tmpl.yml}, {@code alertmanager.template.yml},
     * {@code alertmanager.yml.template}, {@code alertmanager.yml.tpl}, {@code alertmanager.yml.in},
     * {@code alertmanager.yml.example}.
     */
    private static final Pattern TEMPLATE = Pattern.compile(
            "alertmanager(?:[.\\-_][^/]*)?(?:\\.ya?ml\\.(?:tmpl|template|tpl|in|dist|example|sample|envsubst)"
                    + "|[.\\-_](?:tmpl|template|tpl|example|sample|dist)[.\\-_][^/]*\\.ya?ml"
                    + "|[.\\-_](?:tmpl|template|tpl|example|sample|dist)\\.ya?ml)");
    private static final Pattern YAMLISH = Pattern.compile(
            "[^/]*\\.ya?ml(?:\\.(?:tmpl|template|tpl|in|dist|example|sample|envsubst))?");

    private AlertmanagerFiles() {
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** Named like a config Alertmanager loads, template variants included. */
    public static boolean isByName(String path) {
        String n = name(path);
        return CONFIG.matcher(n).matches() || TEMPLATE.matcher(n).matches();
    }

    /** Named like a template that something renders first (not loaded as it is). */
    public static boolean isTemplateName(String path) {
        return TEMPLATE.matcher(name(path)).matches();
    }

    /** YAML or a YAML template variant, and not a file some other tool owns (compose, CI, rules, Grafana). */
    public static boolean isContentCandidate(String path) {
        String n = name(path);
        return YAMLISH.matcher(n).matches() && !FileKinds.isCompose(path) && !FileKinds.isCi(path)
                && !FileKinds.isPrometheusRules(path) && !FileKinds.isGrafanaProvisioning(path)
                && !FileKinds.isPrometheusByName(path);
    }
}
