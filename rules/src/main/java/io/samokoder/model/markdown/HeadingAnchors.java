package io.samokoder.model.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import io.samokoder.workspace.LineIndex;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heading anchors as GitHub makes them: after rendering, every {@code h1}..{@code h6} element of the page gets the
 * github-slugger slug of its text content, numbered for duplicates in document order; headings with no text and
 * headings in the footnotes section get none. Elements written as raw HTML ({@code <h1 align="center">Title</h1>})
 * are headings like Markdown ones, and share the numbering. A raw heading's text can span several Markdown blocks
 * (a blank line inside {@code <h1>…</h1>}), so when a document has one, it is rendered to HTML by flexmark and read
 * back with jsoup's HTML5 parser, which builds the element tree as a browser (and GitHub's pipeline) does.
 */
final class HeadingAnchors {

    /** A Markdown heading as written, before numbering. */
    record Written(Heading node, String text, boolean inFootnote) {
    }

    /** {@code {#id}}, {@code { #id .class key=value }}, {@code {: #id }}: group 1 is the inside. */
    static final Pattern ATTRIBUTE_LIST = Pattern.compile("\\{:?[ \\t]*([^{}\\n]*?)[ \\t]*}");
    private static final Pattern TOKEN = Pattern.compile("#[^\\s#{}.=\"']+|\\.[^\\s#{}.=\"']+"
            + "|[\\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\\s{}\"']+)");
    private static final Pattern TRAILING_ATTRIBUTE_LIST = Pattern.compile("\\{:?[ \\t]*([^{}\\n]*?)[ \\t]*}\\s*$");

    private static final String MARK = "data-samokoder-heading";

    /**
     * Block nesting above which a document is not rendered: an HTML5 tree builder checks element scopes on the stack of
     * open elements, so its time grows with depth times size (20,000 nested quotes: seconds). Real documents stay far
     * below; there the raw headings are left out.
     */
    static final int MAX_RENDER_DEPTH = 200;

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(MarkdownParsing.OPTIONS)
            .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                @Override
                public AttributeProvider apply(LinkResolverContext context) {
                    return (node, part, attributes) -> {
                        if (node instanceof Heading && part == AttributablePart.NODE) {
                            attributes.addValue(MARK, Integer.toString(node.getStartOffset()));
                        }
                    };
                }
            }).build();

    private HeadingAnchors() {
    }

    /**
     * The id of an attribute list's inside ({@code #id .class key=value}), or null when it names no id or holds
     * something that is not an attribute ({@code {#each items}} of a template).
     */
    static String attributeListId(String inside) {
        String id = null;
        for (String token : inside.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!TOKEN.matcher(token).matches()) {
                return null;
            }
            if (token.charAt(0) == '#' && id == null) {
                id = token.substring(1);
            }
        }
        return id;
    }

    /** The id of the attribute list ending a heading's text, or null. */
    static String explicitId(String headingText) {
        Matcher m = TRAILING_ATTRIBUTE_LIST.matcher(headingText);
        return m.find() ? attributeListId(m.group(1)) : null;
    }

    /** One heading in page order: a Markdown heading ({@code written >= 0}) or a raw HTML one. */
    private record InPage(int written, String level, String text, int offset) {
    }

    /**
     * Adds the headings, in document order, and their anchors.
     *
     * @param rawTags offsets of the raw {@code <h1>}..{@code <h6>} start tags, in document order
     */
    static void number(Document document, List<Written> written, List<Integer> rawTags, LineIndex lines,
                       List<MarkdownDocument.Heading> headings, List<MarkdownDocument.Anchor> anchors) {
        List<InPage> page = markdownOnly(written);
        if (!rawTags.isEmpty() && depth(document) <= MAX_RENDER_DEPTH) {
            try {
                page = rendered(document, written, rawTags);
            } catch (RuntimeException e) {
                // the Markdown headings keep their anchors when the page cannot be rendered
            }
        }
        GithubSlugger slugger = new GithubSlugger();
        List<MarkdownDocument.Heading> out = new ArrayList<>();
        for (InPage h : page) {
            boolean html = h.written() < 0;
            Written w = html ? null : written.get(h.written());
            String anchor = h.text().isEmpty() || w != null && w.inFootnote() ? null : slugger.slug(h.text());
            int line = lines.line(h.offset());
            int level = html ? h.level().charAt(1) - '0' : w.node().getLevel();
            out.add(new MarkdownDocument.Heading(level, h.text(), anchor, line, lines.column(h.offset()),
                    !html && w.node().isSetextHeading(), html, html ? null : explicitId(h.text())));
            if (anchor != null) {
                anchors.add(new MarkdownDocument.Anchor(anchor, html ? MarkdownDocument.AnchorSource.HTML_HEADING
                        : MarkdownDocument.AnchorSource.HEADING, line));
            }
        }
        out.sort(java.util.Comparator.comparingInt(MarkdownDocument.Heading::line)
                .thenComparingInt(MarkdownDocument.Heading::column));
        headings.addAll(out);
    }

    /** The depth of the document's node tree, without recursion. */
    static int depth(Document document) {
        int max = 0;
        java.util.ArrayDeque<com.vladsch.flexmark.util.ast.Node> stack = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        stack.push(document);
        depths.push(0);
        while (!stack.isEmpty()) {
            com.vladsch.flexmark.util.ast.Node n = stack.pop();
            int d = depths.pop();
            max = Math.max(max, d);
            if (max > MAX_RENDER_DEPTH) {
                return max;
            }
            for (com.vladsch.flexmark.util.ast.Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                stack.push(c);
                depths.push(d + 1);
            }
        }
        return max;
    }

    private static List<InPage> markdownOnly(List<Written> written) {
        List<InPage> page = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            Written w = written.get(i);
            page.add(new InPage(i, null, w.text(), w.node().getStartOffset()));
        }
        return page;
    }

    private static List<InPage> rendered(Document document, List<Written> written, List<Integer> rawTags) {
        Map<String, Integer> byOffset = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            byOffset.put(Integer.toString(written.get(i).node().getStartOffset()), i);
        }
        org.jsoup.nodes.Document html = Jsoup.parseBodyFragment(RENDERER.render(document));
        List<InPage> page = new ArrayList<>();
        boolean[] seen = new boolean[written.size()];
        int raw = 0;
        for (Element e : html.body().select("h1, h2, h3, h4, h5, h6")) {
            if (inFootnotes(e)) {
                continue;
            }
            Integer i = byOffset.get(e.attr(MARK));
            if (i != null && !seen[i]) {
                seen[i] = true;
                page.add(new InPage(i, null, written.get(i).text(), written.get(i).node().getStartOffset()));
            } else {
                // the k-th raw heading element comes from the k-th raw start tag, unless the parser dropped one
                int offset = rawTags.get(Math.min(raw, rawTags.size() - 1));
                raw++;
                page.add(new InPage(-1, e.normalName(), e.wholeText(), offset));
            }
        }
        for (int i = 0; i < written.size(); i++) {
            if (!seen[i]) {
                page.add(new InPage(i, null, written.get(i).text(), written.get(i).node().getStartOffset()));
            }
        }
        return page;
    }

    /** Inside the section where flexmark renders footnotes (GitHub's footnotes section): no anchors there. */
    private static boolean inFootnotes(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("div") && p.hasClass("footnotes")) {
                return true;
            }
        }
        return false;
    }
}
