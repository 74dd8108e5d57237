package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.LineIndex;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.source.CodeDocumentation;

import java.util.List;
import java.util.Locale;

/**
 * The one pass of the secrets checks over every file of the tree, on both cores: each file is read once, scanned for
 * tokens and parsed for settings while its text is at hand, and its text is not kept (on a 1 GB tree, keeping it made
 * the collector copy hundreds of megabytes). The settings land in the per-file cache {@link FileSettings#of} serves
 * the other secrets checks from; the token matches are kept with their positions. Raw token values stay in memory
 * only: every finding masks them.
 */
final class SecretsPass {

    /**
     * A token in a file. For a password in a URL: {@code host}, the host the URL connects to, and
     * {@code documentation}, whether the URL is in a comment or docstring of source code; null and false otherwise.
     */
    record Hit(TokenPattern pattern, int line, int column, String secret, String host, boolean documentation) {
        Hit(TokenPattern pattern, int line, int column, String secret) {
            this(pattern, line, column, secret, null, false);
        }
    }

    /** The tokens of one file, or why it could not be scanned. */
    record FileTokens(SourceFile file, List<Hit> hits, String failure) {
    }

    private final List<FileTokens> tokens;

    private SecretsPass(List<FileTokens> tokens) {
        this.tokens = tokens;
    }

    static SecretsPass of(AuditContext context) {
        return context.model(SecretsPass.class, SecretsPass::run);
    }

    /** Files with tokens or with a failed scan, in path order. */
    List<FileTokens> tokens() {
        return tokens;
    }

    private static SecretsPass run(AuditContext context) {
        TokenCatalog catalog = TokenCatalog.of(context);
        Workspace workspace = context.workspace();
        // batches of 8 files (about 0.2 ms): small enough that both cores finish together
        List<FileTokens> found = Parallel.map(workspace.files(), 8, file -> scan(context, catalog, file)).stream()
                .filter(t -> t != null)
                .toList();
        return new SecretsPass(found);
    }

    private static FileTokens scan(AuditContext context, TokenCatalog catalog, SourceFile file) {
        return context.workspace().scanOnce(file, contents -> scan(context, catalog, file, contents));
    }

    private static FileTokens scan(AuditContext context, TokenCatalog catalog, SourceFile file,
                                   SourceFile.Contents contents) {
        FileSettings.of(context, file, contents);
        // an ASCII file without settings is never decoded: its bytes are scanned, the regexes read a view of them
        CharSequence text = contents.chars();
        List<TokenCatalog.Match> matches;
        try {
            matches = catalog.scan(text, contents.ascii());
        } catch (RuntimeException | StackOverflowError e) {
            // a user pattern misbehaving on one file must not cost the findings of every other file
            return new FileTokens(file, List.of(), e.getClass().getSimpleName());
        }
        if (matches.isEmpty()) {
            return null;
        }
        LineIndex lines = new LineIndex(text);
        CodeDocumentation[] docs = new CodeDocumentation[1]; // lexed at the first URL password: most files have none
        return new FileTokens(file, matches.stream()
                .map(m -> {
                    if (!m.pattern().id().equals(TokenCatalog.URL_PASSWORD)) {
                        return new Hit(m.pattern(), lines.line(m.location()), lines.column(m.location()), m.secret());
                    }
                    if (docs[0] == null) {
                        docs[0] = CodeDocumentation.of(file.path(), text);
                    }
                    return new Hit(m.pattern(), lines.line(m.location()), lines.column(m.location()), m.secret(),
                            urlHost(text, m.end()), docs[0].contains(m.start()));
                })
                .toList(), null);
    }

    /**
     * The host of a URL whose password ends at {@code passwordEnd} (the {@code @} follows it): {@code localhost},
     * {@code db.example.com}, {@code [::1]}, lower-cased.
     */
    static String urlHost(CharSequence text, int passwordEnd) {
        int start = passwordEnd + 1;
        int end = start;
        if (end < text.length() && text.charAt(end) == '[') {
            while (end < text.length() && end - start < 64 && text.charAt(end) != ']') {
                end++;
            }
            return text.subSequence(start, Math.min(end + 1, text.length())).toString().toLowerCase(Locale.ROOT);
        }
        while (end < text.length() && end - start < 256) {
            char c = text.charAt(end);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                break;
            }
            end++;
        }
        return text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
    }
}
