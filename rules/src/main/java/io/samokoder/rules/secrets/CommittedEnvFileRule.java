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
import io.samokoder.model.Location;
import io.samokoder.model.dotenv.DotEnv;
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.settings.Setting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A dotenv file ({@code .env}, {@code .env.production}, {@code .env.local}, {@code *.env}, {@code .env.*.backup}, and
 * any file a compose service reads with {@code env_file:}, whatever its name) that is in the repository (not
 * ignored) and holds secret values: one finding per file, at the first secret, naming every exposed key with its
 * masked value, so that whoever rotates has the list. Templates ({@code .env.example}, {@code .env.sample},
 * {@code .env.template}) may hold placeholders; a provider token in one is a finding, a long random value a low one
 * (it may be a sample).
 */
@RuleInfo(id = "secrets/committed-env-file", category = Category.SECRETS, severity = Severity.CRITICAL,
        summary = "An environment file with real secret values is committed to the repository.",
        remediation = "Remove the file from the repository (git rm --cached), add it to .gitignore, rotate every secret"
                + " it held, and commit a .env.example with placeholders instead.",
        description = "Dotenv files (by name, and every file compose reads with env_file:) that are not ignored and"
                + " hold non-empty, non-placeholder values for secret-named variables or passwords in URLs. One"
                + " finding per file, at the first secret, listing every exposed key with its masked value."
                + " Critical; low for local-development and test files and for files whose secrets are all"
                + " change-me placeholders. In templates (.env.example/.sample/.template) placeholders are fine; a"
                + " provider token is critical, another real-looking value (long and random) low. A committed file"
                + " that a compose file declares as a secret's file: (one line, as the official images' file_env reads"
                + " it) is a committed secret too, strong or weak: critical, low when only local-development compose"
                + " files declare it or it holds a change-me placeholder.")
public final class CommittedEnvFileRule implements Rule {

    @Override
    public java.util.List<io.samokoder.engine.RuleOption> options() {
        return java.util.List.of(SecretsAllowlist.ALLOW_VALUES);
    }

    /** Keys listed in one message; the rest are counted. */
    static final int LISTED = 20;

    @Override
    public boolean isApplicable(AuditContext context) {
        return context.workspace().files().stream()
                .anyMatch(f -> FileSettings.isDotenv(f.name().toLowerCase(Locale.ROOT))
                        || FileKinds.isCompose(f.path()));
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> out = new LinkedHashSet<>();
        context.workspace().files().stream().filter(f -> FileSettings.isDotenv(f.name().toLowerCase(Locale.ROOT))
                || FileKinds.isCompose(f.path())).forEach(f -> out.add(f.path()));
        out.addAll(io.samokoder.model.compose.ComposeProject.of(context).secretFiles().keySet());
        out.add(".gitignore");
        out.add("**/.gitignore");
        return out;
    }

    /** A secret a committed file exposes. */
    private record Exposed(Setting setting, String name, String value) {
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        SecretsPolicy policy = SecretsPolicy.of(context);
        Weakness weakness = Weakness.of(context);
        TokenCatalog catalog = TokenCatalog.of(context);
        SecretsAllowlist allow = SecretsAllowlist.of(context);
        for (SourceFile file : context.workspace().files()) {
            if (FileSettings.isDotenv(file.name().toLowerCase(Locale.ROOT))) { // templates are dotenv names too
                FileSettings fs = FileSettings.of(context, file);
                if (fs.kind() == FileSettings.Kind.DOTENV) {
                    committed(context, file, fs, policy.place(file.path()), policy.developmentReasonText(file.path()), allow,
                            sink);
                } else if (fs.kind() == FileSettings.Kind.DOTENV_TEMPLATE) {
                    template(file, fs, weakness, catalog, allow, sink);
                }
            }
        }
        for (Map.Entry<String, List<Location>> e : EnvFiles.unnamed(context).entrySet()) {
            context.workspace().file(e.getKey()).ifPresent(file -> committed(context, file,
                    FileSettings.ofEnvFile(context, file), policy.envFilePlace(e.getKey(), e.getValue()),
                    policy.developmentReasonText(e.getKey()), allow, sink));
        }
        secretFiles(context, policy, allow, sink);
    }

    /**
     * A committed file compose mounts as a secret is a committed secret as a committed env file is, strong or weak:
     * the same severities, worded for the secret file.
     */
    private void secretFiles(AuditContext context, SecretsPolicy policy, SecretsAllowlist allow, FindingSink sink) {
        for (SecretFiles.Value v : SecretFiles.of(context)) {
            if (allow.allows(v.value()) || !SecretValues.isVerbatimLiteral(v.value())) {
                continue;
            }
            boolean placeholder = SecretValues.isChangeMe(v.value());
            boolean local = v.place() == SecretsPolicy.Place.LOCAL || v.place() == SecretsPolicy.Place.TEST;
            Text message = placeholder
                    ? Text.of("secrets.env.secretFilePlaceholder", v.file().path(), v.name(), v.declaredAt(),
                            Masking.mask(v.value()))
                    : Text.of("secrets.env.secretFile", v.file().path(), v.name(), v.declaredAt(),
                            Masking.mask(v.value()), local ? policy.developmentReasonText(v.declared().composeFile())
                                    : Text.verbatim(""));
            sink.report(Finding.of(this).at(v.file().path(), v.line(), 1)
                    .severity(placeholder || local ? Severity.LOW : Severity.CRITICAL)
                    .message(message).key(v.file().path()).build());
        }
    }

    private void committed(AuditContext context, SourceFile file, FileSettings fs, SecretsPolicy.Place place,
                           Text development, SecretsAllowlist allow, FindingSink sink) {
        // compose reads a single-quoted value as written: a '$' in it is part of the secret, not a reference
        Set<Integer> verbatim = new HashSet<>();
        for (DotEnv.Entry e : DotEnv.of(context, file).entries()) {
            if (e.quote() == DotEnv.Quote.SINGLE) {
                verbatim.add(e.valueLine());
            }
        }
        List<Exposed> exposed = new ArrayList<>();
        for (Setting s : fs.settings()) {
            String value = s.value().strip();
            boolean literal = verbatim.contains(s.line()) ? SecretValues.isVerbatimLiteral(value)
                    : SecretValues.isLiteral(value);
            if (SecretNames.isSecret(s.name()) && !SecretNames.isFileReference(s.name())
                    && literal && !SecretValues.isUrl(value) && !allow.allows(value)) {
                exposed.add(new Exposed(s, s.name(), value));
            } else {
                for (SecretValues.Candidate c : SecretValues.candidates(s.name(), value)) {
                    if (c.kind() == SecretValues.Kind.URL_PASSWORD && SecretValues.isLiteral(c.value())
                            && !SecretValues.hasReference(c.value()) && !allow.allows(c.value())) {
                        exposed.add(new Exposed(s, s.name() + " (URL password)", c.value()));
                    }
                }
            }
        }
        if (exposed.isEmpty()) {
            return;
        }
        boolean placeholders = exposed.stream().allMatch(x -> SecretValues.isChangeMe(x.value()));
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < exposed.size() && i < LISTED; i++) {
            Exposed x = exposed.get(i);
            shown.append(i == 0 ? "" : ", ").append(x.name()).append(" = ").append(Masking.mask(x.value()));
        }
        Text list = exposed.size() > LISTED
                ? Text.of("secrets.env.andMore", shown.toString(), exposed.size() - LISTED) : Text.code(shown.toString());
        int n = exposed.size();
        Text message = placeholders
                ? Text.of(n == 1 ? "secrets.env.placeholder" : "secrets.env.placeholders", file.name(), n, list)
                : Text.of(n == 1 ? "secrets.env.value" : "secrets.env.values", file.name(), n, list, development);
        Setting first = exposed.get(0).setting();
        sink.report(Finding.of(this).at(file.path(), first.line(), first.column())
                .severity(placeholders || place == SecretsPolicy.Place.LOCAL || place == SecretsPolicy.Place.TEST
                        ? Severity.LOW : Severity.CRITICAL)
                .message(message)
                .key(file.path()).build());
    }

    private void template(SourceFile file, FileSettings fs, Weakness weakness, TokenCatalog catalog,
                          SecretsAllowlist allow, FindingSink sink) {
        for (Setting s : fs.settings()) {
            String value = s.value().strip();
            if (!SecretValues.isLiteral(value) || allow.allows(value)) {
                continue;
            }
            // a URL's password is judged as a password, not as a provider's token
            boolean token = catalog.scan(value).stream().anyMatch(m -> !m.pattern().id().equals(TokenCatalog.URL_PASSWORD));
            if (token) {
                sink.report(Finding.of(this).at(file.path(), s.line(), s.column())
                        .message(Text.of("secrets.env.templateToken", file.name(), s.name(), Masking.mask(value)))
                        .key(file.path()).build());
                return;
            }
            if (SecretNames.isSecret(s.name()) && weakness.looksReal(s.name(), value)) {
                sink.report(Finding.of(this).at(file.path(), s.line(), s.column()).severity(Severity.LOW)
                        .message(Text.of("secrets.env.templateReal", file.name(), s.name(), Masking.mask(value)))
                        .key(file.path()).build());
                return;
            }
        }
    }
}
