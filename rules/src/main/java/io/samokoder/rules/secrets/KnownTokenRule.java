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
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.source.CodeDocumentation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Provider tokens (Telegram, AWS, GitHub, GitLab, Slack, OpenAI, Anthropic, Google, Stripe, …) in any text file of the
 * tree. The formats are data ({@code token-patterns.yml}, extensible with the option {@code secrets.patterns}); a
 * keyword automaton finds candidate places in one pass and the regexes run only there. Files are scanned in parallel.
 *
 * <p>Context decides the severity: critical wherever a token can be real; low in tests and fixtures (a JWT a unit
 * test decodes), and nothing for a token a test names as fake ({@code xoxb-test-…}). Passwords in URLs inside compose
 * files, CI workflows and env files are judged by the settings checks, which know the setting, the environment and
 * whether the password is weak (one finding per defect). Elsewhere a password in a URL is low when it is
 * documentation (a comment or docstring of source code shows the format of a connection setting) or when a
 * program's source connects with it to the loopback host (a developer's own database).
 */
@RuleInfo(id = "secrets/known-token", category = Category.SECRETS, severity = Severity.CRITICAL,
        summary = "A provider token or private key (Telegram, AWS, GitHub, Slack, OpenAI, Stripe, …) is committed in plain text.",
        remediation = "Revoke the token at the provider now (it is in the history), issue a new one and pass it through the"
                + " CI secret store or a mounted secret; never commit it.",
        description = "Scans every text file for the token formats of the table token-patterns.yml (id, regex, keywords,"
                + " minimum entropy). Extend the table with the option secrets.patterns=<file>. The value is masked"
                + " in every message. Severity: low in tests, documentation, comments and docstrings of source code,"
                + " and for a password in a URL that a program's source uses to connect to localhost.")
public final class KnownTokenRule implements Rule {

    @Override
    public java.util.List<io.samokoder.engine.RuleOption> options() {
        return java.util.List.of(TokenCatalog.PATTERNS, SecretsAllowlist.ALLOW_VALUES);
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return !context.workspace().files().isEmpty();
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        TokenCatalog catalog = TokenCatalog.of(context);
        if (catalog.problem() != null) {
            sink.report(Finding.of(this).at(".", 0).severity(Severity.HIGH)
                    // the problem is the table loader's own error about the user's file, quoted as it is
                    .message(Text.of("secrets.token.catalogUnused", Text.verbatim(catalog.problem())))
                    .remediation(Text.of("secrets.token.catalogFix", TokenCatalog.OPTION))
                    .key("patterns-file").build());
        }
        SecretsPolicy policy = SecretsPolicy.of(context);
        SecretsAllowlist allow = SecretsAllowlist.of(context);
        Set<String> envFiles = null;
        for (SecretsPass.FileTokens t : SecretsPass.of(context).tokens()) {
            String path = t.file().path();
            if (t.failure() != null) {
                sink.report(Finding.of(this).at(path, 0).severity(Severity.INFO)
                        .message(Text.of("secrets.token.notScanned", t.failure()))
                        .key("scan-failed").build());
            }
            SecretsPolicy.Place place = policy.place(path);
            for (SecretsPass.Hit h : t.hits()) {
                if (allow.allows(h.secret())) {
                    continue;
                }
                if (h.pattern().id().equals(TokenCatalog.URL_PASSWORD)) {
                    if (envFiles == null) {
                        envFiles = EnvFiles.all(context).keySet();
                    }
                    if (judgedAsSetting(path, envFiles)) {
                        continue;
                    }
                }
                boolean test = place == SecretsPolicy.Place.TEST || place == SecretsPolicy.Place.LOCAL
                        && SecretsPolicy.isTestFolder(path);
                if (test && Weakness.hasMarker(h.secret().toLowerCase(Locale.ROOT))) {
                    continue; // xoxb-test-…, a token the test itself calls fake
                }
                Finding.Builder f = Finding.of(this).at(path, h.line(), h.column())
                        .key(h.pattern().id() + ":" + digest(h.secret()));
                Text what = Text.of("secrets.token.committed", h.pattern().description(), Masking.mask(h.secret()),
                        h.pattern().id());
                if (test) {
                    f.severity(Severity.LOW).message(Text.of("secrets.token.test", what));
                } else if (documentation(path)) {
                    // a walkthrough shows what a token looks like (a JWT, the client secret of a demo OAuth client);
                    // documentation is read, not deployed
                    f.severity(Severity.LOW).message(Text.of("secrets.token.docs", what));
                } else if (h.documentation()) {
                    // a docstring or comment shows the format of a connection setting: read, not run
                    f.severity(Severity.LOW).message(Text.of("secrets.token.codeDocs", what));
                } else if (h.host() != null && isLoopback(h.host()) && CodeDocumentation.isProgramSource(path)) {
                    // a program's own connection string to this machine: a developer's local database, which a
                    // deployment replaces; a password that opens a shared server stays critical
                    f.severity(Severity.LOW).message(Text.of("secrets.token.loopback", what, h.host()));
                } else {
                    f.message(what);
                }
                sink.report(f.build());
            }
        }
    }

    private static boolean documentation(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return FileKinds.isMarkdown(path) || lower.endsWith(".rst") || lower.endsWith(".adoc")
                || lower.endsWith(".txt") || lower.startsWith("docs/") || lower.contains("/docs/");
    }

    /** {@code localhost} (and its subdomains), {@code 127.x.x.x}, {@code [::1]}: the machine the program runs on. */
    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
                || LOOPBACK_V4.matcher(host).matches();
    }

    private static final java.util.regex.Pattern LOOPBACK_V4 = java.util.regex.Pattern.compile(
            "127(?:\\.\\d{1,3}){3}");

    /** Compose files, CI workflows and env files: the settings checks judge the passwords in their URLs. */
    private static boolean judgedAsSetting(String path, Set<String> envFiles) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return FileKinds.isCompose(path) || FileKinds.isCi(path)
                || FileSettings.isDotenv(name) || envFiles.contains(path);
    }

    /** A short one-way digest, so that fingerprints tell two tokens apart without holding either. */
    static String digest(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
