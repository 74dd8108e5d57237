package io.samokoder.model.docsite;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.markdown.MarkdownDocument;

import java.util.List;

/**
 * A page of a documentation site as the site's Markdown reads it, where that differs from GitHub's reading: on a
 * site with block containers ({@link DocSite#containers()}), the content of {@code !!!}/{@code ???}/{@code ===}
 * blocks is Markdown ({@link BlockContainers}). Parsed once per file and audit; columns are those of the file.
 */
public final class SitePages {

    private record View(MarkdownDocument document, List<BlockContainers.Tab> tabs) {
    }

    private SitePages() {
    }

    /** The page's document on {@code site}: the GitHub parse when the site has no block containers. */
    public static MarkdownDocument document(AuditContext context, SourceFile file, DocSite site) {
        View v = view(context, file, site);
        return v == null ? MarkdownDocument.of(context, file) : v.document();
    }

    /** The page's content tabs on {@code site}, in document order. */
    public static List<BlockContainers.Tab> tabs(AuditContext context, SourceFile file, DocSite site) {
        View v = view(context, file, site);
        return v == null ? List.of() : v.tabs();
    }

    private static View view(AuditContext context, SourceFile file, DocSite site) {
        if (!site.containers()) {
            return null;
        }
        View v = context.parsed(file, View.class, f -> {
            String text = context.workspace().text(f).orElse("");
            if (!BlockContainers.mayHave(text)) {
                return new View(null, List.of());
            }
            BlockContainers.Unwrapped u = BlockContainers.unwrap(text);
            if (u.tabs().isEmpty() && java.util.Arrays.stream(u.removed()).allMatch(r -> r == 0)) {
                return new View(null, List.of());
            }
            return new View(MarkdownDocument.parse(f.path(), u.text()).withColumnsShifted(u.removed()), u.tabs());
        });
        return v.document() == null ? null : v;
    }
}
