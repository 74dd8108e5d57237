package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Masking;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.alertmanager.AlertmanagerConfigs;
import io.samokoder.model.prometheus.PrometheusConfig;
import io.samokoder.model.prometheus.PrometheusConfigs;
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.settings.Setting;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * A strong credential written as a literal in a file that deploys it: a compose file for a shared environment
 * ({@code docker-compose.staging.yml}, {@code compose.prod.yaml}, a compose file under {@code .ci/}) or a base compose
 * file, and the configs of Alertmanager, Prometheus and Grafana ({@code smtp_auth_password}, {@code basic_auth},
 * {@code bot_token}, {@code admin_password}). A strong value is not weak, but it is in every clone and fork and in the
 * history, and rotating it takes a commit: medium, as {@code secrets/hardcoded-in-ci} is for workflows. Weak values
 * are {@code secrets/weak-value}'s (high there); files named for local development ({@code dev}, {@code local},
 * {@code override}, {@code test}) are left alone, as are references ({@code ${VAR}}, {@code _FILE},
 * {@code /run/secrets/…}) and documented example values.
 */
@RuleInfo(id = "secrets/hardcoded-credential", category = Category.SECRETS, severity = Severity.MEDIUM,
        summary = "A credential is written as a literal in a compose file or a monitoring config that deploys it.",
        remediation = "Pass it from the environment (${VAR:?set VAR} in compose, a *_file option such as"
                + " smtp_auth_password_file or password_file, Grafana's $__file{...}) or a compose secret, and rotate"
                + " the value that was committed.",
        description = "Secret-named settings and URL passwords with a literal, strong value in compose files (not"
                + " those named for local development: dev, local, override, test) and in Alertmanager, Prometheus"
                + " and Grafana configs. Medium: the value is in every clone, fork and the history. Weak values are"
                + " reported by secrets/weak-value instead; ${VAR}, _FILE references, secret stores and documented"
                + " example values are never findings.")
public final class HardcodedCredentialRule implements Rule {

    @Override
    public java.util.List<io.samokoder.engine.RuleOption> options() {
        return java.util.List.of(SecretsAllowlist.ALLOW_VALUES);
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return !candidates(context).isEmpty();
    }

    /**
     * The files this rule reads, each with what it is: compose files and Grafana configs by their names, and the
     * Alertmanager and Prometheus configs the models find (by name, by content or by what mounts them), in path order.
     * Compose files of local or test stacks are left out.
     */
    private static TreeMap<String, Text> candidates(AuditContext context) {
        SecretsPolicy policy = SecretsPolicy.of(context);
        TreeMap<String, Text> files = new TreeMap<>(); // path -> what it is, in path order
        for (SourceFile f : context.workspace().files()) {
            String path = f.path();
            if (FileKinds.isCompose(path)) {
                SecretsPolicy.Place place = policy.place(path);
                if (place == SecretsPolicy.Place.SHARED) {
                    files.put(path, Text.of("secrets.credential.sharedCompose"));
                } else if (place == SecretsPolicy.Place.DEPLOYED) {
                    files.put(path, Text.of("secrets.credential.compose"));
                }
            } else if (isGrafana(path)) {
                files.put(path, Text.of("secrets.credential.grafana"));
            }
        }
        for (AlertmanagerConfigs.Entry e : AlertmanagerConfigs.of(context).entries()) {
            files.putIfAbsent(e.path(), Text.of("secrets.credential.alertmanager"));
        }
        for (PrometheusConfig c : PrometheusConfigs.of(context).configs()) {
            files.putIfAbsent(c.path(), Text.of("secrets.credential.prometheus"));
        }
        return files;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        SecretsPass.of(context);
        SecretsPolicy policy = SecretsPolicy.of(context);
        Weakness weakness = Weakness.of(context);
        SecretsAllowlist allow = SecretsAllowlist.of(context);
        candidates(context).forEach((path, what) -> context.workspace().file(path).ifPresent(file -> {
            SecretsPolicy.Place place = policy.place(path);
            if (place == SecretsPolicy.Place.LOCAL || place == SecretsPolicy.Place.TEST) {
                return; // a monitoring config of a local or test stack
            }
            for (Setting s : FileSettings.of(context, file).settings()) {
                check(s, file, what, weakness, allow, sink);
            }
        }));
    }

    private void check(Setting s, SourceFile file, Text what, Weakness weakness, SecretsAllowlist allow,
                       FindingSink sink) {
        String value = s.value().strip();
        String secret = null;
        Text subject = Text.of("secrets.weak.subject.literal", s.name());
        Guessability.Kind kind = Weakness.kindOf(s.name());
        if (SecretNames.isSecret(s.name()) && !SecretNames.isFileReference(s.name()) && SecretValues.isLiteral(value)
                && !SecretValues.isUrl(value) && !SecretValues.isVariableName(value)) {
            secret = value;
        } else {
            for (SecretValues.Candidate c : SecretValues.candidates(s.name(), value)) {
                if (c.kind() == SecretValues.Kind.URL_PASSWORD && SecretValues.isLiteral(c.value())) {
                    secret = c.value();
                    subject = Text.of("secrets.credential.urlPassword", s.name());
                    kind = Guessability.Kind.PASSWORD;
                    break;
                }
            }
        }
        if (secret == null || allow.allows(secret) || TokenCatalog.looksLikePlaceholder(secret)
                || secret.contains("$(") || secret.contains("`")) {
            return;
        }
        if (weakness.reason(s.name(), secret, List.of(), kind).isPresent()) {
            return; // weak: secrets/weak-value reports it, at high
        }
        // a CI-only stack too: its literal is in every clone and fork, and rotating it takes a commit (issue 24)
        sink.report(Finding.of(this).at(file.path(), s.line(), s.column())
                .severity(Severity.MEDIUM)
                .message(Text.of("secrets.credential.literal", subject, Masking.mask(secret), what,
                        Text.verbatim("")))
                .key(s.name()).build());
    }

    /** Grafana's own config ({@code grafana.ini}, {@code custom.ini} in a grafana folder) and provisioning files. */
    static boolean isGrafana(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return FileKinds.isGrafanaProvisioning(path) || p.endsWith(".ini") && p.contains("grafana");
    }

    /** The files {@link #check} reads, from the same models: a config found by its content or mount counts too. */
    @Override
    public Set<String> inputs(AuditContext context) {
        return new LinkedHashSet<>(candidates(context).keySet());
    }
}
