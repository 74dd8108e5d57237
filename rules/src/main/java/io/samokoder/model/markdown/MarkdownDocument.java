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
     * A heading, written in Markdown (ATX or setext) or as a raw HTML {@code <h1>}..{@code <h6>} element. {@code anchor}
     * is its GitHub id (without the {@code user-content-} prefix), already numbered for duplicates; null when GitHub
     * gives it none (no text, or inside a footnote). {@code explicitId} is the id of a trailing attribute list
     * ({@code {#id}}, {@code { #id }}, {@code {: #id }}) that site generators honour and GitHub shows as text; null when
     * there is none.
     */
    public record Heading(int level, String text, String anchor, int line, int column, boolean setext, boolean html,
                          String explicitId) {
    }

    /** Where an anchor comes from. */
    public enum AnchorSource {
        /** A Markdown heading's slug. */
        HEADING,
        /** A raw HTML heading's slug ({@code <h2>Text</h2>}): GitHub anchors every h1-h6 of the rendered page. */
        HTML_HEADING,
        HTML_ID, HTML_NAME, FOOTNOTE,
        /**
         * An attribute list's id ({@code ## Title {#id}}, {@code **x**{ #id }}): an anchor on sites built by kramdown
         * (Jekyll), Python-Markdown's attr_list (MkDocs), Hugo, Docusaurus or Pandoc, but not on GitHub, which shows
         * the braces as text.
         */
        ATTRIBUTE_LIST;

        /** Whether GitHub's rendering of the file has this anchor. */
        public boolean onGithub() {
            return this != ATTRIBUTE_LIST;
        }
    }

    /** A fragment target: a heading's slug, an HTML {@code id}/{@code name} attribute, a footnote, an attribute list. */
    public record Anchor(String id, AnchorSource source, int line) {
    }

    /**
     * Lines {@code startLine}..{@code endLine} (the marker comments included) that a tool writes, as its START marker
     * comment {@code marker} says (for example all-contributors' "ALL-CONTRIBUTORS-LIST:START - Do not remove or
     * modify this section").
     */
    public record GeneratedRegion(int startLine, int endLine, String marker) {

        static final java.util.regex.Pattern START = java.util.regex.Pattern.compile("\\b(?:START|BEGIN)\\b",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        static final java.util.regex.Pattern END = java.util.regex.Pattern.compile("\\b(?:END|STOP)\\b",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        static final java.util.regex.Pattern GENERATED = java.util.regex.Pattern.compile(
                "generated|do\\s+not\\s+(?:edit|modify|remove|change)|don'?t\\s+(?:edit|modify|change)|auto[- ]?update",
                java.util.regex.Pattern.CASE_INSENSITIVE);

        /** The marker's name: its words with the START/END word taken out, lowercased, separators collapsed. */
        static String name(String comment, java.util.regex.Matcher word) {
            String rest = comment.substring(0, word.start()) + " " + comment.substring(word.end());
            return rest.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        }

        public boolean contains(int line) {
            return line >= startLine && line <= endLine;
        }
    }

    /**
     * A file the site generator inserts into this page before rendering: pymdownx.snippets ({@code --8<-- "CONTRIBUTING.md"}
     * on its own line, or a block of paths between two {@code --8<--} lines; resolved from the folder MkDocs runs in)
     * or mkdocs-include-markdown ({@code {% include-markdown "../README.md" %}}, from the page's folder). GitHub shows
     * the directive as text. {@code path} is as written, without a line range or section suffix.
     */
    public record Include(String path, int line, boolean fromPage) {
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
    private final io.samokoder.i18n.Text notParsed;
    /** Spans packed as (kind, start, end) triples: a large tree's documents hold millions of them. */
    private final int[] spans;
    private final List<GeneratedRegion> generatedRegions;
    private final List<Include> includes;

    MarkdownDocument(String path, List<Link> links, List<Heading> headings, List<Anchor> anchors,
                     int[] spans, List<GeneratedRegion> generatedRegions, List<Include> includes) {
        this(path, links, headings, anchors, spans, generatedRegions, includes, null);
    }

    private MarkdownDocument(String path, List<Link> links, List<Heading> headings, List<Anchor> anchors,
                             int[] spans, List<GeneratedRegion> generatedRegions, List<Include> includes,
                             io.samokoder.i18n.Text notParsed) {
        this.includes = List.copyOf(includes);
        this.notParsed = notParsed;
        this.path = path;
        this.spans = spans;
        this.links = List.copyOf(links);
        this.headings = List.copyOf(headings);
        this.anchors = List.copyOf(anchors);
        this.generatedRegions = List.copyOf(generatedRegions);
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

    /**
     * This document with the columns of links and headings moved right by {@code byLine[line - 1]}: for a document
     * parsed from a text whose lines were moved left (a site's block containers), columns of the file as written.
     * Spans keep the offsets of the parsed text.
     */
    public MarkdownDocument withColumnsShifted(int[] byLine) {
        if (notParsed != null) {
            return this;
        }
        List<Link> shifted = new ArrayList<>(links.size());
        for (Link l : links) {
            shifted.add(new Link(l.kind(), l.destination(), l.text(), l.label(), l.line(),
                    l.column() + shift(byLine, l.line()), l.definitionLine()));
        }
        List<Heading> hs = new ArrayList<>(headings.size());
        for (Heading h : headings) {
            hs.add(new Heading(h.level(), h.text(), h.anchor(), h.line(), h.column() + shift(byLine, h.line()),
                    h.setext(), h.html(), h.explicitId()));
        }
        return new MarkdownDocument(path, shifted, hs, anchors, spans, generatedRegions, includes);
    }

    private static int shift(int[] byLine, int line) {
        return line >= 1 && line <= byLine.length ? byLine[line - 1] : 0;
    }

    /** Why the file was not parsed (nesting too deep to parse in bounded time), or null when it was. */
    public String notParsed() {
        return notParsed == null ? null : notParsed.english();
    }

    /** {@link #notParsed} for reports in every language. */
    public io.samokoder.i18n.Text notParsedText() {
        return notParsed;
    }

    static MarkdownDocument unparsed(String path, io.samokoder.i18n.Text reason) {
        return new MarkdownDocument(path, List.of(), List.of(), List.of(), new int[0], List.of(), List.of(), reason);
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

    /** Heading anchors, explicit HTML anchors, footnotes and attribute-list ids, in document order. */
    public List<Anchor> anchors() {
        return anchors;
    }

    /** Sections a tool generates and marks as not to be edited by hand, in document order. */
    public List<GeneratedRegion> generatedRegions() {
        return generatedRegions;
    }

    /** Files a site generator inserts into this page (snippets, include-markdown), in document order. */
    public List<Include> includes() {
        return includes;
    }

    /** The generated section holding {@code line}, if any. */
    public java.util.Optional<GeneratedRegion> generatedRegionAt(int line) {
        for (GeneratedRegion r : generatedRegions) {
            if (r.contains(line)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
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
     * Whether a URL fragment (already percent-decoded, without {@code #}) names an anchor of this document as GitHub
     * renders it. Matching ignores case, as remark-validate-links does and GitHub's fragment navigation tolerates;
     * GitHub's {@code user-content-} id prefix is accepted.
     */
    public boolean hasAnchor(String fragment) {
        String f = fragment.toLowerCase(Locale.ROOT);
        Set<String> ids = anchorIdSet();
        if (ids.contains(f)) {
            return true;
        }
        return f.startsWith("user-content-") && ids.contains(f.substring("user-content-".length()));
    }

    /**
     * The attribute list ({@link AnchorSource#ATTRIBUTE_LIST}) whose id the fragment names, ignoring case: an anchor
     * on a generated site, none on GitHub.
     */
    public java.util.Optional<Anchor> attributeListAnchor(String fragment) {
        for (Anchor a : anchors) {
            if (a.source() == AnchorSource.ATTRIBUTE_LIST && a.id().equalsIgnoreCase(fragment)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }

    private Set<String> anchorIdSet() {
        Set<String> ids = anchorIdSet;
        if (ids == null) {
            Set<String> built = new HashSet<>();
            for (Anchor a : anchors) {
                if (a.source().onGithub()) {
                    built.add(a.id().toLowerCase(Locale.ROOT));
                }
            }
            anchorIdSet = ids = built;
        }
        return ids;
    }

    /** Ids of the anchors GitHub's rendering has, for "did you mean" hints. */
    public List<String> anchorIds() {
        List<String> ids = new ArrayList<>(anchors.size());
        for (Anchor a : anchors) {
            if (a.source().onGithub()) {
                ids.add(a.id());
            }
        }
        return ids;
    }
}
