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
import io.samokoder.engine.Workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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
        Workspace workspace = context.workspace();
        List<List<Finding>> perFile = workspace.files().parallelStream()
                .map(file -> scan(workspace, catalog, file))
                .toList();
        perFile.forEach(list -> list.forEach(sink::report));
    }

    private List<Finding> scan(Workspace workspace, TokenCatalog catalog, SourceFile file) {
        String text = workspace.text(file).orElse(null);
        if (text == null) {
            return List.of();
        }
        List<TokenCatalog.Match> matches;
        try {
            matches = catalog.scan(text);
        } catch (RuntimeException | StackOverflowError e) {
            // a user pattern misbehaving on one file must not cost the findings of every other file
            return List.of(Finding.of(this).at(file.path(), 0).severity(Severity.INFO)
                    .message("not scanned for tokens: " + e.getClass().getSimpleName())
                    .key("scan-failed").build());
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>(matches.size());
        for (TokenCatalog.Match m : matches) {
            out.add(Finding.of(this).at(file.path(), file.lineOf(m.start()), file.columnOf(m.start()))
                    .message(m.pattern().description() + " " + Masking.mask(m.secret()) + " is committed in plain text ("
                            + m.pattern().id() + ")")
                    .key(m.pattern().id() + ":" + digest(m.secret()))
                    .build());
        }
        return out;
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
