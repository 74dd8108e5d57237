package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.LineIndex;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.model.settings.FileSettings;

import java.util.List;

/**
 * The one pass of the secrets checks over every file of the tree, on both cores: each file is read once, scanned for
 * tokens and parsed for settings while its text is at hand, and its text is not kept (on a 1 GB tree, keeping it made
 * the collector copy hundreds of megabytes). The settings land in the per-file cache {@link FileSettings#of} serves
 * the other secrets checks from; the token matches are kept with their positions. Raw token values stay in memory
 * only: every finding masks them.
 */
final class SecretsPass {

    /** A token in a file. */
    record Hit(TokenPattern pattern, int line, int column, String secret) {
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
        return new FileTokens(file, matches.stream()
                .map(m -> new Hit(m.pattern(), lines.line(m.location()), lines.column(m.location()), m.secret()))
                .toList(), null);
    }
}
