package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Secret-named settings whose value (or interpolation default, or URL password) is weak: a default or dictionary
 * value, the user name, too short, low entropy, a test value. Looks wherever settings live: compose environment (map
 * and list, {@code ${X:-default}}), {@code .env*}, CI workflows, shell scripts, INI/properties/TOML/YAML configs,
 * Dockerfiles and code defaults. Templates ({@code .env.example}) are left to {@link CommittedEnvFileRule}.
 */
@RuleInfo(id = "secrets/weak-value", category = Category.SECRETS, severity = Severity.HIGH,
        summary = "A password, key or token setting has a default, dictionary, short or low-entropy value.",
        remediation = "Remove the default and require the value from the environment (${VAR:?set VAR}); generate it"
                + " (openssl rand -base64 32) and keep it in a secret store.",
        description = "Secret-named settings (password, passwd, pwd, secret, token, api_key, key, credential, auth, DSN)"
                + " and URL passwords are weak when they are in the dictionary (weak-values.txt plus"
                + " secrets.weakValues), equal the project or user name, are shorter than 12 characters (32 for"
                + " signing keys such as SECRET_KEY or JWT_SECRET), have low entropy or are test values. Severity:"
                + " high in deployable files, medium in CI, low in local-development files (secrets.localPaths).")
public final class WeakValueRule implements Rule {

    @Override
    public List<io.samokoder.engine.RuleOption> options() {
        return List.of(Weakness.WEAK_VALUES, Weakness.PROJECT_NAMES, SecretsPolicy.LOCAL_PATHS);
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        for (SourceFile f : context.workspace().files()) {
            FileSettings.Kind k = FileSettings.kindOf(f.path());
            if (k != FileSettings.Kind.NONE && k != FileSettings.Kind.DOTENV_TEMPLATE) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        SecretsPass.of(context); // every file's settings, from the one read of the tree the token scan shares
        Weakness weakness = Weakness.of(context);
        SecretsPolicy policy = SecretsPolicy.of(context);
        // assembling the compose project (for images run without their password) is mostly one thread's work: it
        // runs beside the judging of every file's settings instead of before it
        ForkJoinTask<List<ImageDefaults.Hit>> images = ForkJoinPool.commonPool().submit(
                () -> ImageDefaults.find(context));
        List<List<Finding>> judged = Parallel.map(context.workspace().files(), 16,
                file -> weakSettings(context, file, weakness, policy));
        for (ImageDefaults.Hit hit : images.join()) {
            sink.report(Finding.of(this).at(hit.path(), hit.line()).severity(policy.weakValueSeverity(hit.path()))
                    .message("service " + hit.service() + " runs " + hit.known().product()
                            + " with its built-in default password: " + hit.known().variables().get(0)
                            + " is not set")
                    .key(hit.service() + ":" + hit.known().variables().get(0)).build());
        }
        judged.forEach(found -> found.forEach(sink::report));
    }

    private List<Finding> weakSettings(AuditContext context, SourceFile file, Weakness weakness,
                                       SecretsPolicy policy) {
        FileSettings fs = FileSettings.of(context, file);
        if (fs.kind() == FileSettings.Kind.NONE || fs.kind() == FileSettings.Kind.DOTENV_TEMPLATE) {
            return List.of();
        }
        Map<String, List<String>> users = new HashMap<>();
        for (Setting s : fs.settings()) {
            if (SecretNames.isUser(s.name())) {
                users.computeIfAbsent(s.scope(), k -> new ArrayList<>()).add(s.value().strip());
            }
        }
        Severity severity = null; // a glob test of the path: only for files with a finding
        List<Finding> found = new ArrayList<>();
        for (Setting s : fs.settings()) {
            String v = s.value();
            if (!SecretNames.isSecret(s.name()) && v.indexOf("://") < 0 && v.indexOf("${") < 0) {
                continue; // neither a secret name, a URL nor an interpolation: nothing to judge
            }
            for (SecretValues.Candidate c : SecretValues.candidates(s.name(), s.value())) {
                List<String> near = new ArrayList<>(users.getOrDefault(s.scope(), List.of()));
                if (c.user() != null) {
                    near.add(c.user());
                }
                Optional<String> reason = weakness.reason(c.name(), c.value(), near);
                if (reason.isEmpty()) {
                    continue;
                }
                if (severity == null) {
                    severity = policy.weakValueSeverity(file.path());
                }
                found.add(Finding.of(this).at(file.path(), s.line(), s.column() + c.offset())
                        .severity(severity)
                        .message(subject(s, c) + " " + reason.get())
                        .key(s.name() + ":" + c.kind() + ":" + c.name())
                        .build());
            }
        }
        return found;
    }

    private static String subject(Setting s, SecretValues.Candidate c) {
        return switch (c.kind()) {
            case DEFAULT -> s.name().equals(c.name()) ? s.name() + " falls back to a default that"
                    : s.name() + " falls back (through ${" + c.name() + "}) to a default that";
            case URL_PASSWORD -> "the password in " + s.name() + " (URL user " + c.user() + ")";
            case LITERAL -> s.name();
        };
    }
}
