package io.samokoder.model.markdown;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Markdown file as GitHub renders it, parsed once per audit with flexmark (CommonMark + GFM tables, autolinks and
 * footnotes): every link-like reference with its line and column, the headings with their GitHub anchors, explicit
 * HTML anchors, and the code blocks. Links in code spans, code blocks and HTML comments are not links, exactly as in
 * the rendered page. Immutable and thread-safe.
 *
 * <p>Get it through {@link #of(AuditContext, SourceFile)} so that every rule shares one parse of each file.
 */
public final class MarkdownDocument {

    /** What kind of reference a {@link Link} is. */
    public enum Kind {
        /** {@code [text](url)} */
        LINK,
        /** {@code ![alt](url)} */
        IMAGE,
        /** {@code [text][label]}, {@code [label][]} or {@code [label]} whose label is defined; destination resolved. */
        REFERENCE,
        /** {@code ![alt][label]} whose label is defined; destination resolved. */
        IMAGE_REFERENCE,
        /** {@code [label]: url} — the place where a reference link's destination is written. */
        DEFINITION,
        /** {@code <https://…>} and GFM bare URLs ({@code https://…}, {@code www.…}, e-mail addresses). */
        AUTOLINK,
        /** {@code href} of an HTML {@code <a>} (or {@code <area>}) tag. */
        HTML_HREF,
        /** {@code src} of an HTML {@code <img>}, {@code <source>}, {@code <video>}…, or a URL in {@code srcset}. */
        HTML_SRC;

        /** Whether the destination is where a reader's click or the browser's image load goes (not a definition). */
        public boolean isImage() {
            return this == IMAGE || this == IMAGE_REFERENCE || this == HTML_SRC;
        }
    }

    /**
     * One link-like reference.
     *
     * @param destination the URL as the renderer sees it: backslash escapes and entities decoded, not percent-decoded
     * @param text        link text or image alt as plain text ("" for definitions and HTML)
     * @param label       the reference label for {@link Kind#REFERENCE}, {@link Kind#IMAGE_REFERENCE} and
     *                    {@link Kind#DEFINITION}; null otherwise
     * @param line        1-based line of the link's start
     * @param column      1-based column of the link's start
     * @param definitionLine for a reference, the line of its definition; 0 otherwise
     */
    public record Link(Kind kind, String destination, String text, String label, int line, int column,
                       int definitionLine) {
    }

    /**
     * A heading. {@code anchor} is its GitHub id (without the {@code user-content-} prefix), already numbered for
     * duplicates.
     */
    public record Heading(int level, String text, String anchor, int line, int column, boolean setext) {
    }

    /** Where an anchor comes from. */
    public enum AnchorSource { HEADING, HTML_ID, HTML_NAME, FOOTNOTE }

    /** A fragment target: a heading's slug or an HTML {@code id}/{@code name} attribute. */
    public record Anchor(String id, AnchorSource source, int line) {
    }

    /** What a {@link Span} of the source is, for rules that read prose around the links (claims, ports, URLs). */
    public enum SpanKind {
        /** An inline code span, backticks included. */
        CODE,
        /** A fenced or indented code block, fences included. */
        CODE_BLOCK,
        /** An HTML comment, as a block or inline. */
        COMMENT,
        /** A reference definition {@code [label]: url "title"}. */
        DEFINITION,
        /** A link's or image's destination or title, or the label of {@code [text][label]}. */
        DESTINATION,
        /** {@code <https://…>}, {@code <a@b.c>} and GFM bare URLs. */
        AUTOLINK,
        /** A whole inline link {@code [text](url)}. */
        LINK,
        /** An HTML block. */
        HTML_BLOCK,
        /** An inline HTML tag. */
        HTML_INLINE,
        /** A text run outside code and links: what a reader reads as prose. */
        TEXT,
        /** A paragraph, heading or table row: the unit a sentence lives in. */
        BLOCK
    }

    /** A range {@code [start, end)} of the source text. */
    public record Span(SpanKind kind, int start, int end) {
    }

    private final String path;
    private final List<Link> links;
    private final List<Heading> headings;
    private final List<Anchor> anchors;
    /** Lower-cased anchor ids, built when a fragment is first checked: most documents are never a link's target. */
    private volatile Set<String> anchorIdSet;
    private final String notParsed;
    /** Spans packed as (kind, start, end) triples: a large tree's documents hold millions of them. */
    private final int[] spans;

    MarkdownDocument(String path, List<Link> links, List<Heading> headings, List<Anchor> anchors,
                     int[] spans) {
        this(path, links, headings, anchors, spans, null);
    }

    private MarkdownDocument(String path, List<Link> links, List<Heading> headings, List<Anchor> anchors,
                             int[] spans, String notParsed) {
        this.notParsed = notParsed;
        this.path = path;
        this.spans = spans;
        this.links = List.copyOf(links);
        this.headings = List.copyOf(headings);
        this.anchors = List.copyOf(anchors);
    }

    /** The document of {@code file}, parsed once per audit and shared by every rule. */
    public static MarkdownDocument of(AuditContext context, SourceFile file) {
        return context.parsed(file, MarkdownDocument.class,
                f -> parse(f.path(), context.workspace().text(f).orElse("")));
    }

    /** Parses Markdown text; never throws on any input. */
    public static MarkdownDocument parse(String path, String text) {
        return MarkdownParsing.parse(path, text);
    }

    /** Why the file was not parsed (nesting too deep to parse in bounded time), or null when it was. */
    public String notParsed() {
        return notParsed;
    }

    static MarkdownDocument unparsed(String path, String reason) {
        return new MarkdownDocument(path, List.of(), List.of(), List.of(), new int[0], reason);
    }

    /** Repository-relative path of the file. */
    public String path() {
        return path;
    }

    /** Every link-like reference in document order (HTML attributes in the order they appear). */
    public List<Link> links() {
        return links;
    }

    /** Headings in document order with their anchors. */
    public List<Heading> headings() {
        return headings;
    }

    /** Heading anchors and explicit HTML anchors in document order. */
    public List<Anchor> anchors() {
        return anchors;
    }

    /**
     * Where code, comments, link syntax, HTML, prose text and blocks are, in document order (a parent before its
     * children): the one parse of the file serves the rules that read prose, so none parses it again.
     */
    public List<Span> spans() {
        SpanKind[] kinds = SpanKind.values();
        return new java.util.AbstractList<>() {
            @Override
            public Span get(int i) {
                return new Span(kinds[spans[3 * i]], spans[3 * i + 1], spans[3 * i + 2]);
            }

            @Override
            public int size() {
                return spans.length / 3;
            }
        };
    }

    /**
     * Whether a URL fragment (already percent-decoded, without {@code #}) names an anchor of this document. Matching
     * ignores case, as remark-validate-links does and GitHub's fragment navigation tolerates; GitHub's
     * {@code user-content-} id prefix is accepted.
     */
    public boolean hasAnchor(String fragment) {
        String f = fragment.toLowerCase(Locale.ROOT);
        Set<String> ids = anchorIdSet();
        if (ids.contains(f)) {
            return true;
        }
        return f.startsWith("user-content-") && ids.contains(f.substring("user-content-".length()));
    }

    private Set<String> anchorIdSet() {
        Set<String> ids = anchorIdSet;
        if (ids == null) {
            Set<String> built = new HashSet<>();
            for (Anchor a : anchors) {
                built.add(a.id().toLowerCase(Locale.ROOT));
            }
            anchorIdSet = ids = built;
        }
        return ids;
    }

    /** Anchor ids, for "did you mean" hints. */
    public List<String> anchorIds() {
        List<String> ids = new ArrayList<>(anchors.size());
        for (Anchor a : anchors) {
            ids.add(a.id());
        }
        return ids;
    }
}
