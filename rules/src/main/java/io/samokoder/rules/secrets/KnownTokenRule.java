package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Masking;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Provider tokens (Telegram, AWS, GitHub, GitLab, Slack, OpenAI, Anthropic, Google, Stripe, …) in any text file of the
 * tree. The formats are data ({@code token-patterns.yml}, extensible with the option {@code secrets.patterns}); a
 * keyword automaton finds candidate places in one pass and the regexes run only there. Files are scanned in parallel.
 */
@RuleInfo(id = "secrets/known-token", category = Category.SECRETS, severity = Severity.CRITICAL,
        summary = "A provider token or private key (Telegram, AWS, GitHub, Slack, OpenAI, Stripe, …) is committed in plain text.",
        remediation = "Revoke the token at the provider now (it is in the history), issue a new one and pass it through the"
                + " CI secret store or a mounted secret; never commit it.",
        description = "Scans every text file for the token formats of the table token-patterns.yml (id, regex, keywords,"
                + " minimum entropy). Extend the table with the option secrets.patterns=<file>. The value is masked"
                + " in every message.")
public final class KnownTokenRule implements Rule {

    @Override
    public java.util.List<io.samokoder.engine.RuleOption> options() {
        return java.util.List.of(TokenCatalog.PATTERNS);
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
                    .message("custom token table not used (built-in table used instead): " + catalog.problem())
                    .remediation("Fix the file named by the option " + TokenCatalog.OPTION + "; see docs/checks/secrets.md.")
                    .key("patterns-file").build());
        }
        for (SecretsPass.FileTokens t : SecretsPass.of(context).tokens()) {
            if (t.failure() != null) {
                sink.report(Finding.of(this).at(t.file().path(), 0).severity(Severity.INFO)
                        .message("not scanned for tokens: " + t.failure())
                        .key("scan-failed").build());
            }
            for (SecretsPass.Hit h : t.hits()) {
                sink.report(Finding.of(this).at(t.file().path(), h.line(), h.column())
                        .message(h.pattern().description() + " " + Masking.mask(h.secret())
                                + " is committed in plain text (" + h.pattern().id() + ")")
                        .key(h.pattern().id() + ":" + digest(h.secret()))
                        .build());
            }
        }
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
