package io.samokoder.model.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.Escaping;
import io.samokoder.workspace.LineIndex;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds {@link MarkdownDocument}s from flexmark's AST. */
final class MarkdownParsing {

    private static final Parser PARSER;
    /** The parser's options, for rendering a parsed document to HTML the same way ({@link HeadingAnchors}). */
    static final MutableDataSet OPTIONS = new MutableDataSet();

    static {
        MutableDataSet options = OPTIONS;
        // CommonMark 0.29+ (and GitHub) allow spaces inside <...> destinations; flexmark only with this option, which
        // also admits unbracketed spaces: those links are dropped below, as GitHub renders them as text
        options.set(Parser.SPACE_IN_LINK_URLS, true);
        // GFM extended autolinks (bare www./http(s)/e-mail) are found below with the same library flexmark's
        // AutolinkExtension uses (nibor autolink), but only in text that can hold one: the extension's whole-document
        // post-processing pass doubled the parse time
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create()));
        // GFM tables as cmark-gfm reads them
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        // linear in the file's size (LinearParsing): a hostile repository may hold megabytes of links in one line
        PARSER = LinearParsing.install(Parser.builder(options)).build();
    }

    private static final LinkExtractor AUTOLINKS = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL)).build();

    /** Tags whose {@code src} loads a resource (GitHub's sanitizer keeps img, picture/source, video). */
    private static final Set<String> SRC_TAGS = Set.of("img", "source", "video", "audio", "track", "embed", "input");

    private MarkdownParsing() {
    }

    /**
     * List nesting above which a file is not parsed: flexmark's time grows with depth
     * times size (1,000 levels of a 1 MB file took 7 s, 2,000 levels of 4 MB a minute). Real documents stay far below.
     */
    static final int MAX_NESTING = 200;

    static MarkdownDocument parse(String path, String text) {
        String source = text == null ? "" : text;
        int nesting = nesting(source);
        if (nesting > MAX_NESTING) {
            return MarkdownDocument.unparsed(path,
                    io.samokoder.i18n.Text.of("model.markdown.tooDeep", nesting, MAX_NESTING));
        }
        // losing a deeply nested file's links is worse than a slow parse: DeepStack retries on a large stack
        return DeepStack.run(() -> build(path, source),
                () -> new MarkdownDocument(path, List.of(), List.of(), List.of(), new int[0], List.of(), List.of()));
    }

    /**
     * An upper estimate of the deepest list nesting, from each line's leading run of indentation (two columns a level)
     * and list bullets (block-quote markers are skipped); linear in the text.
     */
    static int nesting(String text) {
        int max = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int columns = 0;
            int markers = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ') {
                    columns++;
                } else if (c == '\t') {
                    columns += 4 - columns % 4;
                } else if (c == '>') {
                    // block quotes parse in linear time (20,000 levels: milliseconds): not counted
                } else if ((c == '-' || c == '*' || c == '+') && i + 1 < n
                        && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                    markers++;
                } else {
                    break;
                }
                i++;
            }
            max = Math.max(max, columns / 2 + markers);
            while (i < n && text.charAt(i) != '\n') {
                i++;
            }
            i++;
        }
        return max;
    }

    private static MarkdownDocument build(String path, String source) {
        Document document = PARSER.parse(source);
        Builder b = new Builder(path, source, document);
        b.walk();
        b.finishHeadings();
        return new MarkdownDocument(path, b.links, b.headings, b.anchors, Arrays.copyOf(b.spans, b.spanCount * 3),
                b.generatedRegions(), includes(source));
    }

    /** pymdownx.snippets: {@code --8<-- "file.md"} or {@code --8<-- 'file.md:3:8'} alone on a line. */
    private static final java.util.regex.Pattern SNIPPET = java.util.regex.Pattern.compile(
            "^[ \\t]*-{1,}8<-{1,}[ \\t]+([\"'])([^\"'\\n]+)\\1[ \\t]*$", java.util.regex.Pattern.MULTILINE);
    /** A pymdownx.snippets block: a {@code --8<--} line, one path a line, a closing {@code --8<--} line. */
    private static final java.util.regex.Pattern SNIPPET_BLOCK_MARK = java.util.regex.Pattern.compile(
            "[ \\t]*-{1,}8<-{1,}[ \\t]*");
    /** mkdocs-include-markdown-plugin: {@code {% include-markdown "../README.md" %}}, {@code {% include "x.md" %}}. */
    private static final java.util.regex.Pattern INCLUDE_MARKDOWN = java.util.regex.Pattern.compile(
            "\\{%-?\\s*include(?:-markdown)?\\s+([\"'])([^\"'\\n]+)\\1");

    /** Files a site generator inserts into the page; found in the text, as the generators' preprocessors do. */
    static List<MarkdownDocument.Include> includes(String source) {
        if (source.indexOf("8<-") < 0 && source.indexOf("{%") < 0) {
            return List.of();
        }
        LineIndex lines = new LineIndex(source);
        List<MarkdownDocument.Include> out = new ArrayList<>();
        java.util.regex.Matcher m = SNIPPET.matcher(source);
        while (m.find()) {
            out.add(new MarkdownDocument.Include(withoutRange(m.group(2).strip()), lines.line(m.start(2)), false));
        }
        String[] split = source.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            if (!SNIPPET_BLOCK_MARK.matcher(split[i].replace("\r", "")).matches()) {
                continue;
            }
            int close = i + 1;
            while (close < split.length && !SNIPPET_BLOCK_MARK.matcher(split[close].replace("\r", "")).matches()) {
                close++;
            }
            if (close == split.length) {
                break;
            }
            for (int k = i + 1; k < close; k++) {
                String p = split[k].strip();
                if (!p.isEmpty() && !p.startsWith(";")) {
                    out.add(new MarkdownDocument.Include(withoutRange(p), k + 1, false));
                }
            }
            i = close;
        }
        m = INCLUDE_MARKDOWN.matcher(source);
        while (m.find()) {
            out.add(new MarkdownDocument.Include(m.group(2).strip(), lines.line(m.start(2)), true));
        }
        out.sort(java.util.Comparator.comparingInt(MarkdownDocument.Include::line));
        return out;
    }

    /** {@code CHANGELOG.md:3:8} and {@code guide.md:install} name part of {@code CHANGELOG.md} / {@code guide.md}. */
    private static String withoutRange(String path) {
        java.util.regex.Matcher m = SNIPPET_PART.matcher(path);
        return m.matches() ? m.group(1) : path;
    }

    private static final java.util.regex.Pattern SNIPPET_PART = java.util.regex.Pattern.compile(
            "^(.+?\\.[A-Za-z0-9]+)(?::[^/]*)?$");

    private static final class Builder {
        final String path;
        final Document document;
        final LineIndex lines;
        final List<MarkdownDocument.Link> links = new ArrayList<>();
        /** Markdown headings in document order, their anchors not yet numbered. */
        final List<HeadingAnchors.Written> written = new ArrayList<>();
        /** Offsets of raw HTML {@code <h1>}..{@code <h6>} start tags. */
        final List<Integer> rawHeadingTags = new ArrayList<>();
        /** HTML comments (offset and text) for generated regions. */
        final List<int[]> comments = new ArrayList<>();
        final List<MarkdownDocument.Heading> headings = new ArrayList<>();
        final List<MarkdownDocument.Anchor> anchors = new ArrayList<>();
        int[] spans = new int[48];
        int spanCount;

        Builder(String path, String text, Document document) {
            this.path = path;
            this.document = document;
            this.lines = new LineIndex(text);
        }

        void walk() {
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(document);
            while (!stack.isEmpty()) {
                Node node = stack.pop();
                if (!visit(node)) {
                    continue;
                }
                for (Node c = node.getLastChild(); c != null; c = c.getPrevious()) {
                    stack.push(c);
                }
            }
        }

        /** Records what the node holds; returns whether to descend into its children. */
        boolean visit(Node node) {
            spans(node);
            if (node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
                comments.add(new int[] {node.getStartOffset(), node.getEndOffset()});
                return false;
            }
            if (node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
                return false;
            }
            if (node instanceof Heading h) {
                written.add(new HeadingAnchors.Written(h, HeadingText.of(h), insideFootnote(h)));
            } else if ((node instanceof Link || node instanceof Image || node instanceof Reference)
                    && unbracketedSpace((com.vladsch.flexmark.ast.LinkNodeBase) node)) {
                return !(node instanceof Reference); // GitHub shows "[text](a b)" as text: not a link
            } else if (node instanceof Image img) {
                add(MarkdownDocument.Kind.IMAGE, unescape(img.getUrl()),
                        unescape(img.getText()), null, node.getStartOffset(), 0);
            } else if (node instanceof Link link) {
                add(MarkdownDocument.Kind.LINK, unescape(link.getUrl()), HeadingText.plain(link),
                        null, node.getStartOffset(), 0);
            } else if (node instanceof LinkRef || node instanceof ImageRef) {
                RefNode ref = (RefNode) node;
                Reference def = ref.isDefined() ? ref.getReferenceNode(document) : null;
                if (def != null) {
                    boolean image = node instanceof ImageRef;
                    add(image ? MarkdownDocument.Kind.IMAGE_REFERENCE : MarkdownDocument.Kind.REFERENCE,
                            unescape(def.getUrl()),
                            image ? unescape(ref.getText()) : HeadingText.plain(node),
                            def.getReference().toString(), node.getStartOffset(), line(def.getStartOffset()));
                }
            } else if (node instanceof Reference def) {
                add(MarkdownDocument.Kind.DEFINITION, unescape(def.getUrl()), "",
                        def.getReference().toString(), node.getStartOffset(), 0);
                return false;
            } else if (node instanceof AutoLink a) {
                String url = a.getText().toString();
                if (url.regionMatches(true, 0, "www.", 0, 4)) {
                    url = "http://" + url;
                }
                add(MarkdownDocument.Kind.AUTOLINK, url, a.getText().toString(), null, node.getStartOffset(), 0);
                return false;
            } else if (node instanceof MailLink m) {
                add(MarkdownDocument.Kind.AUTOLINK, "mailto:" + m.getText(), m.getText().toString(), null,
                        node.getStartOffset(), 0);
                return false;
            } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
                html(node);
                return false;
            } else if (node instanceof Text t) {
                bareUrls(t);
                attributeLists(t);
            } else if (node instanceof FootnoteBlock fb) {
                String label = fb.getText().toString();
                anchors.add(new MarkdownDocument.Anchor("fn-" + label, MarkdownDocument.AnchorSource.FOOTNOTE,
                        line(node.getStartOffset())));
            } else if (node instanceof Footnote f) {
                String label = f.getText().toString();
                anchors.add(new MarkdownDocument.Anchor("fnref-" + label, MarkdownDocument.AnchorSource.FOOTNOTE,
                        line(node.getStartOffset())));
            }
            return true;
        }

        private void spans(Node node) {
            if ((node instanceof Link || node instanceof Image) && unbracketedSpace((LinkNodeBase) node)) {
                return; // shown as text
            }
            if (node instanceof Code) {
                span(MarkdownDocument.SpanKind.CODE, node.getChars());
            } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
                span(MarkdownDocument.SpanKind.CODE_BLOCK, node.getChars());
            } else if (node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
                span(MarkdownDocument.SpanKind.COMMENT, node.getChars());
            } else if (node instanceof Reference) {
                span(MarkdownDocument.SpanKind.DEFINITION, node.getChars());
            } else if (node instanceof Image img) {
                span(MarkdownDocument.SpanKind.DESTINATION, img.getUrl());
                span(MarkdownDocument.SpanKind.DESTINATION, img.getTitle());
            } else if (node instanceof Link link) {
                span(MarkdownDocument.SpanKind.LINK, link.getChars());
                span(MarkdownDocument.SpanKind.DESTINATION, link.getUrl());
                span(MarkdownDocument.SpanKind.DESTINATION, link.getTitle());
            } else if (node instanceof LinkRef ref) {
                if (!ref.getText().isNull() && !ref.getText().isEmpty()) {
                    span(MarkdownDocument.SpanKind.DESTINATION, ref.getReference()); // [text][label]: not prose
                }
            } else if (node instanceof AutoLink || node instanceof MailLink) {
                span(MarkdownDocument.SpanKind.AUTOLINK, node.getChars());
            } else if (node instanceof HtmlBlock) {
                span(MarkdownDocument.SpanKind.HTML_BLOCK, node.getChars());
            } else if (node instanceof HtmlInline) {
                span(MarkdownDocument.SpanKind.HTML_INLINE, node.getChars());
            } else if (node instanceof Text && !insideLink(node)) {
                span(MarkdownDocument.SpanKind.TEXT, node.getChars());
            } else if (node instanceof Paragraph || node instanceof Heading || node instanceof TableRow) {
                span(MarkdownDocument.SpanKind.BLOCK, node.getChars());
            }
        }

        private void span(MarkdownDocument.SpanKind kind, com.vladsch.flexmark.util.sequence.BasedSequence chars) {
            if (chars != null && !chars.isNull() && !chars.isEmpty()) {
                span(kind, chars.getStartOffset(), chars.getEndOffset());
            }
        }

        private void span(MarkdownDocument.SpanKind kind, int start, int end) {
            if (3 * spanCount + 3 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[3 * spanCount] = kind.ordinal();
            spans[3 * spanCount + 1] = start;
            spans[3 * spanCount + 2] = end;
            spanCount++;
        }

        private static boolean insideLink(Node node) {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof Link) {
                    return true;
                }
            }
            return false;
        }

        /** GFM extended autolinks in a text node that is not already part of a link. */
        private void bareUrls(Text text) {
            com.vladsch.flexmark.util.sequence.BasedSequence chars = text.getChars();
            if (chars.indexOf(':') < 0 && chars.indexOf('@') < 0 && chars.indexOf("www.") < 0) {
                return;
            }
            String s = chars.toString();
            for (Node p = text.getParent(); p != null; p = p.getParent()) {
                if (p instanceof Link || p instanceof Image || p instanceof RefNode) {
                    return;
                }
            }
            for (LinkSpan span : AUTOLINKS.extractLinks(s)) {
                String url = s.substring(span.getBeginIndex(), span.getEndIndex());
                String destination = switch (span.getType()) {
                    case WWW -> "http://" + url;
                    case EMAIL -> "mailto:" + url;
                    default -> url;
                };
                add(MarkdownDocument.Kind.AUTOLINK, destination, url, null,
                        text.getStartOffset() + span.getBeginIndex(), 0);
                span(MarkdownDocument.SpanKind.AUTOLINK, text.getStartOffset() + span.getBeginIndex(),
                        text.getStartOffset() + span.getEndIndex());
            }
        }

        private static boolean unbracketedSpace(com.vladsch.flexmark.ast.LinkNodeBase node) {
            com.vladsch.flexmark.util.sequence.BasedSequence url = node.getUrl();
            if (url.indexOf(' ') < 0 && url.indexOf('\t') < 0 && url.indexOf('\n') < 0) {
                return false;
            }
            return !node.getChars().toString().contains("<" + url + ">");
        }

        private void html(Node node) {
            int base = node.getStartOffset();
            com.vladsch.flexmark.util.sequence.BasedSequence chars = node.getChars();
            for (int from = chars.indexOf("<!--"); from >= 0; from = chars.indexOf("<!--", from + 4)) {
                int end = chars.indexOf("-->", from + 4);
                comments.add(new int[] {base + from, base + (end < 0 ? chars.length() : end + 3)});
                if (end < 0) {
                    break;
                }
            }
            for (HtmlTags.Tag tag : HtmlTags.startTags(chars)) {
                if (tag.name().length() == 2 && tag.name().charAt(0) == 'h' && tag.name().charAt(1) >= '1'
                        && tag.name().charAt(1) <= '6') {
                    rawHeadingTags.add(base + tag.offset());
                }
                for (HtmlTags.Attribute a : tag.attributes()) {
                    int at = base + a.valueOffset();
                    switch (a.name()) {
                        case "href" -> {
                            if (tag.name().equals("a") || tag.name().equals("area")) {
                                add(MarkdownDocument.Kind.HTML_HREF, a.value().trim(), "", null, at, 0);
                            }
                        }
                        case "src" -> {
                            if (SRC_TAGS.contains(tag.name())) {
                                add(MarkdownDocument.Kind.HTML_SRC, a.value().trim(), "", null, at, 0);
                            }
                        }
                        case "poster" -> {
                            if (tag.name().equals("video")) {
                                add(MarkdownDocument.Kind.HTML_SRC, a.value().trim(), "", null, at, 0);
                            }
                        }
                        case "srcset" -> {
                            if (tag.name().equals("img") || tag.name().equals("source")) {
                                for (String candidate : a.value().split(",")) {
                                    String url = candidate.trim().split("\\s+", 2)[0];
                                    if (!url.isEmpty()) {
                                        add(MarkdownDocument.Kind.HTML_SRC, url, "", null, at, 0);
                                    }
                                }
                            }
                        }
                        case "id" -> {
                            if (!a.value().isEmpty()) {
                                anchors.add(new MarkdownDocument.Anchor(a.value(),
                                        MarkdownDocument.AnchorSource.HTML_ID, line(at)));
                            }
                        }
                        case "name" -> {
                            if (!a.value().isEmpty()) {
                                anchors.add(new MarkdownDocument.Anchor(a.value(),
                                        MarkdownDocument.AnchorSource.HTML_NAME, line(at)));
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
        }

        /**
         * Attribute lists with an id ({@code {#id}}, {@code { #id .class }}, {@code {: #id }}) in a text run: the
         * anchors site generators make, which GitHub does not.
         */
        private void attributeLists(Text text) {
            com.vladsch.flexmark.util.sequence.BasedSequence chars = text.getChars();
            if (chars.indexOf('{') < 0 || chars.indexOf('#') < 0) {
                return;
            }
            String s = chars.toString();
            java.util.regex.Matcher m = HeadingAnchors.ATTRIBUTE_LIST.matcher(s);
            while (m.find()) {
                String id = HeadingAnchors.attributeListId(m.group(1));
                if (id != null) {
                    anchors.add(new MarkdownDocument.Anchor(id, MarkdownDocument.AnchorSource.ATTRIBUTE_LIST,
                            line(text.getStartOffset() + m.start())));
                }
            }
        }

        private static boolean insideFootnote(Node node) {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof FootnoteBlock) {
                    return true;
                }
            }
            return false;
        }

        /** Numbers the anchors of Markdown and raw HTML headings together, in the order GitHub does. */
        void finishHeadings() {
            HeadingAnchors.number(document, written, rawHeadingTags, lines, headings, anchors);
            anchors.sort(java.util.Comparator.comparingInt(MarkdownDocument.Anchor::line));
        }

        /**
         * Sections a tool writes and marks as not to be edited by hand: between an HTML comment that says START or
         * BEGIN together with "generated", "do not edit/modify/remove" or "auto update" (all-contributors' {@code
         * <!-- ALL-CONTRIBUTORS-LIST:START - Do not remove or modify this section -->}, doctoc's {@code <!-- START
         * doctoc generated TOC please keep comment here to allow auto update -->}) and the next comment that says END
         * or STOP with the same name.
         */
        List<MarkdownDocument.GeneratedRegion> generatedRegions() {
            List<MarkdownDocument.GeneratedRegion> out = new ArrayList<>();
            String text = document.getChars().toString();
            for (int i = 0; i < comments.size(); i++) {
                String start = commentText(text, comments.get(i));
                java.util.regex.Matcher open = MarkdownDocument.GeneratedRegion.START.matcher(start);
                if (!open.find() || !MarkdownDocument.GeneratedRegion.GENERATED.matcher(start).find()) {
                    continue;
                }
                String name = MarkdownDocument.GeneratedRegion.name(start, open);
                for (int j = i + 1; j < comments.size(); j++) {
                    String end = commentText(text, comments.get(j));
                    if (MarkdownDocument.GeneratedRegion.START.matcher(end).find()
                            && MarkdownDocument.GeneratedRegion.GENERATED.matcher(end).find()) {
                        break; // generated sections do not nest: this one is never closed (and the scan stays linear)
                    }
                    java.util.regex.Matcher close = MarkdownDocument.GeneratedRegion.END.matcher(end);
                    if (close.find() && name.startsWith(MarkdownDocument.GeneratedRegion.name(end, close))) {
                        out.add(new MarkdownDocument.GeneratedRegion(line(comments.get(i)[0]),
                                line(Math.max(comments.get(j)[0], comments.get(j)[1] - 1)), start.strip()));
                        i = j;
                        break;
                    }
                }
            }
            return out;
        }

        private static String commentText(String text, int[] range) {
            String s = text.substring(range[0], Math.min(range[1], text.length()));
            int open = s.indexOf("<!--");
            int from = open < 0 ? 0 : open + 4;
            int close = s.indexOf("-->", from);
            return s.substring(from, close < 0 ? s.length() : close);
        }

        private void add(MarkdownDocument.Kind kind, String destination, String text, String label, int offset,
                         int definitionLine) {
            links.add(new MarkdownDocument.Link(kind, destination, text, label, line(offset), column(offset),
                    definitionLine));
        }

        int line(int offset) {
            return lines.line(offset);
        }

        int column(int offset) {
            return lines.column(offset);
        }
    }

    /** Backslash escapes and entities decoded; flexmark's decoder runs only when there is something to decode. */
    static String unescape(CharSequence chars) {
        String s = chars.toString();
        return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : Escaping.unescapeString(s);
    }

    /** The text a heading (or link) shows, as the browser's {@code textContent} of GitHub's rendering. */
    static final class HeadingText {

        private HeadingText() {
        }

        static String of(Heading heading) {
            return plain(heading);
        }

        static String plain(Node node) {
            StringBuilder out = new StringBuilder();
            Deque<Node> stack = new ArrayDeque<>();
            for (Node c = node.getLastChild(); c != null; c = c.getPrevious()) {
                stack.push(c);
            }
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                if (n instanceof Text) {
                    out.append(unescape(n.getChars()));
                } else if (n instanceof HtmlEntity) {
                    out.append(Escaping.unescapeHtml(n.getChars()));
                } else if (n instanceof Code code) {
                    out.append(codeSpan(code.getText().toString()));
                } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                    out.append('\n');
                } else if (n instanceof Image || n instanceof ImageRef || n instanceof HtmlInline
                        || n instanceof HtmlInlineComment) {
                    // images and tags contribute no text
                } else if (n instanceof AutoLink || n instanceof MailLink) {
                    out.append(((com.vladsch.flexmark.ast.DelimitedLinkNode) n).getText());
                } else if (n instanceof LinkRef r && !r.isDefined()) {
                    out.append(unescape(n.getChars()));
                } else if (n instanceof Footnote f) {
                    out.append(f.getText());
                } else {
                    for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                        stack.push(c);
                    }
                }
            }
            return out.toString();
        }

        /** CommonMark code span content: line endings become spaces; one surrounding space is stripped. */
        static String codeSpan(String raw) {
            String s = raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
            if (s.length() >= 2 && s.charAt(0) == ' ' && s.charAt(s.length() - 1) == ' ' && !s.isBlank()) {
                s = s.substring(1, s.length() - 1);
            }
            return s;
        }
    }
}
