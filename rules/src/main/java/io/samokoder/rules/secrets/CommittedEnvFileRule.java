package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Masking;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.settings.Setting;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A dotenv file ({@code .env}, {@code .env.production}, {@code .env.local}, {@code *.env}, {@code .env.*.backup}) that
 * is in the repository (not ignored) and holds secret values: one finding per file, at the first secret. Templates
 * ({@code .env.example}, {@code .env.sample}, {@code .env.template}) may hold placeholders; a real-looking secret in
 * one is a finding.
 */
@RuleInfo(id = "secrets/committed-env-file", category = Category.SECRETS, severity = Severity.CRITICAL,
        summary = "An environment file with real secret values is committed to the repository.",
        remediation = "Remove the file from the repository (git rm --cached), add it to .gitignore, rotate every secret"
                + " it held, and commit a .env.example with placeholders instead.",
        description = "Dotenv files that are not ignored and hold non-empty, non-placeholder values for secret-named"
                + " variables. One finding per file, at the first secret. In templates (.env.example/.sample/"
                + ".template) placeholders are fine; a value that looks real (a provider token, or long and random)"
                + " is reported. Local-development files (.env.development, .env.test) are low.")
public final class CommittedEnvFileRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return context.workspace().files().stream()
                .anyMatch(f -> FileSettings.isDotenv(f.name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> out = new LinkedHashSet<>();
        context.workspace().files().stream().filter(f -> FileSettings.isDotenv(f.name().toLowerCase(Locale.ROOT)))
                .forEach(f -> out.add(f.path()));
        out.add(".gitignore");
        out.add("**/.gitignore");
        return out;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        SecretsPolicy policy = SecretsPolicy.of(context);
        Weakness weakness = Weakness.of(context);
        TokenCatalog catalog = TokenCatalog.of(context);
        for (SourceFile file : context.workspace().files()) {
            if (!FileSettings.isDotenv(file.name().toLowerCase(Locale.ROOT))) {
                continue; // templates are dotenv names too
            }
            FileSettings fs = FileSettings.of(context, file);
            if (fs.kind() == FileSettings.Kind.DOTENV) {
                for (Setting s : fs.settings()) {
                    String value = s.value().strip();
                    if (SecretNames.isSecret(s.name()) && !SecretNames.isFileReference(s.name())
                            && SecretValues.isLiteral(value)) {
                        sink.report(Finding.of(this).at(file.path(), s.line(), s.column())
                                .severity(policy.isLocal(file.path()) ? Severity.LOW : Severity.CRITICAL)
                                .message(file.name() + " is committed with secret values (first: " + s.name() + " = "
                                        + Masking.mask(value) + ")")
                                .key(file.path()).build());
                        break;
                    }
                }
            } else if (fs.kind() == FileSettings.Kind.DOTENV_TEMPLATE) {
                for (Setting s : fs.settings()) {
                    String value = s.value().strip();
                    if (!SecretValues.isLiteral(value)) {
                        continue;
                    }
                    boolean token = !catalog.scan(value).isEmpty();
                    if (token || SecretNames.isSecret(s.name()) && weakness.looksReal(s.name(), value)) {
                        sink.report(Finding.of(this).at(file.path(), s.line(), s.column())
                                .message("template " + file.name() + " holds a real-looking secret for " + s.name()
                                        + " (" + Masking.mask(value) + "); templates should hold placeholders only")
                                .key(file.path()).build());
                        break;
                    }
                }
            }
        }
    }
}
