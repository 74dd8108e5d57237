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
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.settings.Setting;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A secret-named variable (or a URL with a password) set to a literal in a CI workflow instead of
 * {@code ${{ secrets.X }}} or a CI variable. Medium even when the value is strong: the value is in the repository and
 * in every fork, and rotating it means a commit. Low for the throw-away service containers a job starts beside itself
 * (their {@code env:}, and URLs that reach them), info for documented example values such as AWS's
 * {@code wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}; low too in the {@code env:} of a job that runs tests or type checks
 * and deploys nothing, and in a workflow-level {@code env:} when no job of the workflow deploys. {@code permissions:} scopes and {@code secrets: inherit} are not
 * settings (the workflow model leaves them out); the name of a variable written where a value goes
 * ({@code password: DOCKER_PASSWORD}) is not a value.
 */
@RuleInfo(id = "secrets/hardcoded-in-ci", category = Category.SECRETS, severity = Severity.MEDIUM,
        summary = "A secret is written as a literal in a CI workflow instead of coming from the CI secret store.",
        remediation = "Store the value as a repository/organisation secret and reference it (${{ secrets.NAME }} in"
                + " GitHub Actions, a masked CI/CD variable in GitLab).",
        description = "Looks at env/variables/with/services entries of GitHub Actions, GitLab CI and the other CI files"
                + " FileKinds knows. References (${{ secrets.X }}, $VAR, ${VAR}) are fine; literals are findings even"
                + " for test values, which otherwise get copied into real environments: medium, low for the"
                + " passwords of the job's own service containers (services:, container:, URLs to them) and for the"
                + " env: of test jobs and of workflows none of whose jobs deploys, info for"
                + " documented example values (AWS's ...EXAMPLEKEY). permissions: scopes are not values.")
public final class HardcodedInCiRule implements Rule {

    @Override
    public java.util.List<io.samokoder.engine.RuleOption> options() {
        return java.util.List.of(SecretsAllowlist.ALLOW_VALUES);
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return context.workspace().files().stream().anyMatch(f -> FileKinds.isCi(f.path()));
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> out = new LinkedHashSet<>();
        context.workspace().files().stream().filter(f -> FileKinds.isCi(f.path())).forEach(f -> out.add(f.path()));
        return out;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (SourceFile file : context.workspace().files()) {
            if (!FileKinds.isCi(file.path())) {
                continue;
            }
            SecretsAllowlist allow = SecretsAllowlist.of(context);
            SecretsPolicy policy = SecretsPolicy.of(context);
            for (Setting s : FileSettings.of(context, file).settings()) {
                String value = s.value().strip();
                Text message;
                if (SecretNames.isSecret(s.name()) && !SecretNames.isFileReference(s.name())
                        && SecretValues.isLiteral(value) && !SecretValues.isUrl(value)
                        && !SecretValues.isVariableName(value)) {
                    message = Text.of("secrets.ci.literal", s.name(), Masking.mask(value));
                } else if (SecretValues.hasLiteralUrlPassword(value)) {
                    message = Text.of("secrets.ci.urlPassword", s.name());
                } else {
                    continue;
                }
                if (allow.allows(value)) {
                    continue;
                }
                Finding.Builder f = Finding.of(this).at(file.path(), s.line(), s.column()).key(s.name());
                if (TokenCatalog.looksLikePlaceholder(value)) {
                    f.severity(Severity.INFO).message(Text.of("secrets.ci.example", message));
                } else if (CiServiceContainers.isThrowAway(context, file, s)) {
                    f.severity(Severity.LOW).message(Text.of("secrets.ci.throwAway", message));
                } else if (CiServiceContainers.isTestJob(context, file, s)) {
                    f.severity(Severity.LOW).message(Text.of("secrets.ci.testJob", message));
                } else if (CiServiceContainers.isTestWorkflow(context, file, s)) {
                    f.severity(Severity.LOW).message(Text.of("secrets.ci.testWorkflow", message));
                } else if (policy.place(file.path()) == SecretsPolicy.Place.LOCAL) {
                    f.severity(Severity.LOW).message(Text.of("secrets.withReason", message,
                            policy.developmentReasonText(file.path())));
                } else {
                    f.message(message);
                }
                sink.report(f.build());
            }
        }
    }
}
