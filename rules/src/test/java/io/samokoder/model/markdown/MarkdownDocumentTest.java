package io.samokoder.model.markdown;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownDocumentTest {

    private static MarkdownDocument md(String text) {
        return MarkdownDocument.parse("README.md", text);
    }

    private static List<String> destinations(MarkdownDocument d) {
        return d.links().stream().map(MarkdownDocument.Link::destination).toList();
    }

    @Test
    void findsEveryKindOfLinkWithLineAndColumn() {
        MarkdownDocument d = md("""
                # Title

                See [a](a.md "t") and ![img](i.png), [ref][r], [r] and ![logo][r].
                <https://example.com/x> www.github.com
                <a title="x" href="h.md">h</a> <img src='s.png'>

                [r]: r.md
                """);
        assertThat(d.links()).extracting(MarkdownDocument.Link::kind, MarkdownDocument.Link::destination,
                        MarkdownDocument.Link::line, MarkdownDocument.Link::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.LINK, "a.md", 3, 5),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.IMAGE, "i.png", 3, 23),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.REFERENCE, "r.md", 3, 38),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.REFERENCE, "r.md", 3, 48),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.IMAGE_REFERENCE, "r.md", 3, 56),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.AUTOLINK, "https://example.com/x", 4, 1),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.AUTOLINK, "http://www.github.com", 4, 25),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.HTML_HREF, "h.md", 5, 20),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.HTML_SRC, "s.png", 5, 42),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.DEFINITION, "r.md", 7, 1));
        assertThat(d.links().get(2).definitionLine()).isEqualTo(7);
        assertThat(d.links().get(2).label()).isEqualTo("r");
    }

    @Test
    void codeSpansCodeBlocksAndCommentsHoldNoLinks() {
        MarkdownDocument d = md("""
                Text `[a](a.md)` and ``<a href="b.md">``.

                ```md
                [c](c.md)
                ```

                    [d](d.md)

                <!-- [e](e.md) <img src="e.png"> -->
                """);
        assertThat(d.links()).isEmpty();
        assertThat(d.spans()).extracting(MarkdownDocument.Span::kind)
                .contains(MarkdownDocument.SpanKind.CODE, MarkdownDocument.SpanKind.CODE_BLOCK,
                        MarkdownDocument.SpanKind.COMMENT);
    }

    @Test
    void undefinedReferencesAndFootnotesAreNotLinks() {
        MarkdownDocument d = md("""
                Not a link: [nothing] and [x][y]. A note[^1].

                [^1]: Footnote.
                """);
        assertThat(d.links()).isEmpty();
        assertThat(d.hasAnchor("fn-1")).isTrue();
    }

    @Test
    void escapesAndEntitiesInDestinationsAreDecodedButPercentEscapesKept() {
        MarkdownDocument d = md("[a](my\\_file.md) [b](<with space.md>) [c](a&amp;b.md) [d](x%20y.md)\n");
        assertThat(destinations(d)).containsExactly("my_file.md", "with space.md", "a&b.md", "x%20y.md");
    }

    @Test
    void anUnbracketedSpaceMakesNoLinkAsOnGitHub() {
        MarkdownDocument d = md("[a](my file.md) [b](<my file.md>) ![c](a b.png)\n");
        assertThat(d.links()).extracting(MarkdownDocument.Link::kind, MarkdownDocument.Link::destination)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.LINK, "my file.md"));
        assertThat(d.links().get(0).column()).isEqualTo(17);
    }

    @Test
    void headingsUseRenderedTextInlineCodeAndLinkTextButNotImagesOrTags() {
        MarkdownDocument d = md("""
                ## The `docker-compose.yml` [file](x.md) ![badge](b.svg) <sup>new</sup> &amp; more \\*

                Setext *heading*
                ----------------
                """);
        assertThat(d.headings()).extracting(MarkdownDocument.Heading::text).containsExactly(
                "The docker-compose.yml file  new & more *", "Setext heading");
        assertThat(d.headings()).extracting(MarkdownDocument.Heading::anchor).containsExactly(
                "the-docker-composeyml-file--new--more-", "setext-heading");
        assertThat(d.headings().get(1).setext()).isTrue();
        assertThat(d.headings().get(1).line()).isEqualTo(3);
    }

    @Test
    void duplicateHeadingsAreNumberedInDocumentOrder() {
        MarkdownDocument d = md("# 📊 Мониторинг\n\n> ## 📊 Мониторинг\n\n- ### 📊 Мониторинг\n");
        assertThat(d.headings()).extracting(MarkdownDocument.Heading::anchor)
                .containsExactly("-мониторинг", "-мониторинг-1", "-мониторинг-2");
    }

    @Test
    void explicitHtmlAnchorsCountAndMatchingIgnoresCaseAndGithubPrefix() {
        MarkdownDocument d = md("<a name=\"Contacts\"></a>\n\n<div id='faq'>x</div>\n\n# Setup\n");
        assertThat(d.hasAnchor("contacts")).isTrue();
        assertThat(d.hasAnchor("faq")).isTrue();
        assertThat(d.hasAnchor("SETUP")).isTrue();
        assertThat(d.hasAnchor("user-content-setup")).isTrue();
        assertThat(d.hasAnchor("install")).isFalse();
    }

    /**
     * GitHub (CommonMark) ends an HTML block only at a blank line: a heading written right after {@code <details>}
     * without a blank line is raw text inside the HTML block, not a heading, and gets no anchor; with blank lines it
     * is a heading (and the browser opens the details when the anchor is followed).
     */
    @Test
    void headingsInsideDetailsOnlyCountWhenSeparatedByBlankLines() {
        MarkdownDocument tight = md("<details><summary>More</summary>\n## Hidden\n</details>\n");
        assertThat(tight.headings()).isEmpty();
        assertThat(tight.hasAnchor("hidden")).isFalse();
        MarkdownDocument loose = md("<details><summary>More</summary>\n\n## Hidden\n\n</details>\n");
        assertThat(loose.headings()).extracting(MarkdownDocument.Heading::anchor).containsExactly("hidden");
    }

    /**
     * GitHub anchors every h1-h6 element of the rendered page, raw HTML ones too, from its text content as it is (not
     * trimmed: newlines go, spaces become dashes), numbered for duplicates together with Markdown headings in page
     * order; a heading with no text gets none (rehype-github's fixtures, generated from GitHub's API).
     */
    @Test
    void rawHtmlHeadingsHaveAnchorsFromTheirTextContent() {
        MarkdownDocument d = md("""
                <h1 align="center">
                  <img src="logo.svg" alt="Logo">
                  Harbormaster
                </h1>

                <h2>Install</h2>

                ## Install

                <h2 align="center">

                Contributors ✨

                </h2>

                <h3 id="faq">Questions <code>and</code> answers</h3>

                <h1><img src="banner.png"></h1>
                """);
        assertThat(d.headings()).extracting(MarkdownDocument.Heading::anchor, MarkdownDocument.Heading::html,
                        MarkdownDocument.Heading::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("----harbormaster", true, 1),
                        org.assertj.core.groups.Tuple.tuple("install", true, 6),
                        org.assertj.core.groups.Tuple.tuple("install-1", false, 8),
                        org.assertj.core.groups.Tuple.tuple("contributors-", true, 10),
                        org.assertj.core.groups.Tuple.tuple("questions-and-answers", true, 16),
                        org.assertj.core.groups.Tuple.tuple(null, true, 18));
        assertThat(d.headings().get(4).level()).isEqualTo(3);
        assertThat(d.hasAnchor("faq")).isTrue();
        assertThat(d.hasAnchor("questions-and-answers")).isTrue();
        assertThat(d.anchors()).filteredOn(a -> a.id().equals("install"))
                .extracting(MarkdownDocument.Anchor::source).containsExactly(MarkdownDocument.AnchorSource.HTML_HEADING);
    }

    @Test
    void headingsWithoutTextAndHeadingsInFootnotesHaveNoAnchorAndTakeNoNumber() {
        MarkdownDocument d = md("Note[^a].\n\n[^a]: # Setup\n\n#\n\n# Setup\n");
        assertThat(d.headings()).extracting(MarkdownDocument.Heading::anchor).containsExactly(null, null, "setup");
        assertThat(d.hasAnchor("setup")).isTrue();
        assertThat(d.hasAnchor("setup-1")).isFalse();
    }

    /**
     * {@code {#id}} after a heading or an inline element is an id for kramdown (Jekyll), MkDocs' attr_list, Hugo,
     * Docusaurus and Pandoc; GitHub shows it as text and slugs it with the heading.
     */
    @Test
    void attributeListIdsAreSiteAnchorsNotGithubAnchors() {
        MarkdownDocument d = md("""
                ## First Line {#first-line}

                ## Body { #body .wide }

                ## Tags {: #tags }

                *   **`locale`**{ #mkdocs-locale }: the locale.

                Templates are not attribute lists: {{#each items}} and `{#code}`.
                """);
        assertThat(d.headings()).extracting(MarkdownDocument.Heading::anchor, MarkdownDocument.Heading::explicitId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first-line-first-line", "first-line"),
                        org.assertj.core.groups.Tuple.tuple("body--body-wide-", "body"),
                        org.assertj.core.groups.Tuple.tuple("tags--tags-", "tags"));
        assertThat(d.anchors()).filteredOn(a -> a.source() == MarkdownDocument.AnchorSource.ATTRIBUTE_LIST)
                .extracting(MarkdownDocument.Anchor::id, MarkdownDocument.Anchor::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first-line", 1),
                        org.assertj.core.groups.Tuple.tuple("body", 3), org.assertj.core.groups.Tuple.tuple("tags", 5),
                        org.assertj.core.groups.Tuple.tuple("mkdocs-locale", 7));
        assertThat(d.hasAnchor("first-line")).isFalse();
        assertThat(d.attributeListAnchor("FIRST-LINE")).isPresent();
        assertThat(d.anchorIds()).doesNotContain("first-line", "mkdocs-locale");
    }

    @Test
    void sectionsAToolGeneratesAreFoundByTheirStartAndEndComments() {
        MarkdownDocument d = md("""
                # Project

                <!-- START doctoc generated TOC please keep comment here to allow auto update -->
                - [Install](#install)
                <!-- END doctoc generated TOC please keep comment here to allow auto update -->

                ## Install

                <!-- ALL-CONTRIBUTORS-LIST:START - Do not remove or modify this section -->
                <!-- prettier-ignore-start -->
                <table><tr><td><a href="#code-ana">💻</a></td></tr></table>

                <!-- prettier-ignore-end -->

                <!-- ALL-CONTRIBUTORS-LIST:END -->

                <!-- BEGIN notes: hand-written -->
                <!-- END notes -->
                <!-- START generated list, never closed -->
                """);
        assertThat(d.generatedRegions()).extracting(MarkdownDocument.GeneratedRegion::startLine,
                        MarkdownDocument.GeneratedRegion::endLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 5), org.assertj.core.groups.Tuple.tuple(9, 15));
        assertThat(d.generatedRegionAt(11)).hasValueSatisfying(r -> assertThat(r.marker())
                .isEqualTo("ALL-CONTRIBUTORS-LIST:START - Do not remove or modify this section"));
        assertThat(d.generatedRegionAt(7)).isEmpty();
    }

    /** Generated sections do not nest: a START that meets another START before its END was never closed. */
    @Test
    void aStartMarkerWithoutItsEndIsNoSection() {
        MarkdownDocument d = md("""
                <!-- START doctoc generated TOC -->
                - [Old](#old)

                <!-- START doctoc generated TOC -->
                - [New](#new)
                <!-- END doctoc generated TOC -->
                """);
        assertThat(d.generatedRegions()).extracting(MarkdownDocument.GeneratedRegion::startLine,
                MarkdownDocument.GeneratedRegion::endLine).containsExactly(org.assertj.core.groups.Tuple.tuple(4, 6));
    }

    @Test
    void filesASiteGeneratorIncludesAreFoundButNotEscapedOnes() {
        MarkdownDocument d = md("""
                --8<-- "CONTRIBUTING.md"

                ;--8<-- "shown-as-syntax.md"

                    --8<-- 'CHANGELOG.md:3:8'

                --8<--
                docs/links.md
                ;docs/skipped.md
                --8<--

                {% include-markdown "../README.md" start="<!--intro-->" %}
                """);
        assertThat(d.includes()).extracting(MarkdownDocument.Include::path, MarkdownDocument.Include::line,
                        MarkdownDocument.Include::fromPage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CONTRIBUTING.md", 1, false),
                        org.assertj.core.groups.Tuple.tuple("CHANGELOG.md", 5, false),
                        org.assertj.core.groups.Tuple.tuple("docs/links.md", 8, false),
                        org.assertj.core.groups.Tuple.tuple("../README.md", 12, true));
        assertThat(md("Plain text, no includes.\n").includes()).isEmpty();
    }

    @Test
    void htmlBlockLinksAreFoundAtTheirLine() {
        MarkdownDocument d = md("Intro\n\n<p align=\"center\">\n  <img width=600 src='docs/flow.svg'>\n</p>\n");
        assertThat(d.links()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(MarkdownDocument.Kind.HTML_SRC);
            assertThat(l.line()).isEqualTo(4);
            assertThat(l.column()).isEqualTo(23);
        });
    }

    @Test
    void crlfAndBomFreeTextKeepLineNumbers() {
        MarkdownDocument d = md("# A\r\n\r\n[x](x.md)\r\n\r\n[y](y.md)\r\n");
        assertThat(d.links()).extracting(MarkdownDocument.Link::line).containsExactly(3, 5);
    }

    @Test
    void hostileInputNeverThrows() {
        assertThat(md("").links()).isEmpty();
        assertThat(md("\0\0[a](\0)").links()).hasSize(1);
        String deep = ">".repeat(20_000) + " [a](a.md)\n";
        assertThat(md(deep).links()).hasSize(1);
        String brackets = "[".repeat(50_000) + "](x)";
        assertThat(md(brackets).links()).hasSizeLessThanOrEqualTo(1);
        // nested past the render limit: not rendered (an HTML5 tree builder is slow on deep nesting), so the raw
        // heading is left out; the links are still found
        String deepHeading = ">".repeat(HeadingAnchors.MAX_RENDER_DEPTH) + " <h2>Deep</h2>\n\n[d](#deep)\n";
        assertThat(md(deepHeading).links()).hasSize(1);
        assertThat(md(deepHeading).headings()).isEmpty();
        assertThat(md(">".repeat(10) + " <h2>Shallow</h2>\n").headings()).hasSize(1);
    }

    @Test
    void bareUrlsAreAutolinksButNotInsideLinksImagesOrCode() {
        MarkdownDocument d = md("""
                Grafana at http://localhost:3000/d/x, docs on www.example.org and mail ops@samokoder.io.
                [https://inside.example](a.md) ![www.alt.example](b.png) `https://code.example`
                """);
        assertThat(d.links()).extracting(MarkdownDocument.Link::kind, MarkdownDocument.Link::destination,
                        MarkdownDocument.Link::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.AUTOLINK, "http://localhost:3000/d/x", 12),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.AUTOLINK, "http://www.example.org", 47),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.AUTOLINK, "mailto:ops@samokoder.io", 72),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.LINK, "a.md", 1),
                        org.assertj.core.groups.Tuple.tuple(MarkdownDocument.Kind.IMAGE, "b.png", 32));
    }

    private static List<String> spans(String text, MarkdownDocument.SpanKind kind) {
        return md(text).spans().stream().filter(s -> s.kind() == kind)
                .map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void spansSayWhereCodeLinkSyntaxHtmlProseAndBlocksAre() {
        String text = """
                # Grafana `on` 3000

                Text [shown](dest.md "title") ![alt](i.png) [x][lbl] <https://a.b> www.c.d <b>bold</b>
                <!-- note -->

                ```sh
                docker compose up
                ```

                | a | b |
                |---|---|
                | c | d |

                [lbl]: l.md
                """;
        assertThat(spans(text, MarkdownDocument.SpanKind.CODE)).containsExactly("`on`");
        assertThat(spans(text, MarkdownDocument.SpanKind.CODE_BLOCK)).containsExactly("```sh\ndocker compose up\n```");
        assertThat(spans(text, MarkdownDocument.SpanKind.DESTINATION)).containsExactly("dest.md", "title", "i.png", "lbl");
        assertThat(spans(text, MarkdownDocument.SpanKind.LINK)).containsExactly("[shown](dest.md \"title\")");
        assertThat(spans(text, MarkdownDocument.SpanKind.AUTOLINK)).containsExactly("<https://a.b>", "www.c.d");
        assertThat(spans(text, MarkdownDocument.SpanKind.HTML_INLINE)).containsExactly("<b>", "</b>");
        assertThat(spans(text, MarkdownDocument.SpanKind.COMMENT)).containsExactly("<!-- note -->\n");
        assertThat(spans(text, MarkdownDocument.SpanKind.DEFINITION)).containsExactly("[lbl]: l.md");
        assertThat(spans(text, MarkdownDocument.SpanKind.TEXT)).contains("Grafana ", " 3000", "Text ", "alt")
                .doesNotContain("shown");
        assertThat(spans(text, MarkdownDocument.SpanKind.BLOCK)).contains("# Grafana `on` 3000", "| c | d |");
    }

    @Test
    void linkWithAnUnbracketedSpaceIsTextNotLinkSyntax() {
        assertThat(spans("See [a](b c) here.\n", MarkdownDocument.SpanKind.DESTINATION)).isEmpty();
    }

    @Test
    void nestingIsEstimatedFromIndentationQuotesAndBullets() {
        assertThat(MarkdownParsing.nesting("# Title\n\ntext\n")).isZero();
        assertThat(MarkdownParsing.nesting("- a\n  - b\n    - c\n")).isEqualTo(3);
        assertThat(MarkdownParsing.nesting("- - - - x\n")).isEqualTo(6);
        assertThat(MarkdownParsing.nesting(">".repeat(20_000) + " quote\n")).isZero();
    }

    @Test
    void aFileNestedTooDeepIsNotParsedAndSaysWhy() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            deep.append("  ".repeat(i)).append("- item [a](missing.md)\n");
        }
        // a guard against the hang this limit removed (parsing it took a minute), not a speed test
        MarkdownDocument d = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> md(deep.toString()));
        assertThat(d.notParsed()).contains("2000 list levels").contains("limit is 200");
        assertThat(d.links()).isEmpty();
        assertThat(md("- a\n  - b [x](y.md)\n").notParsed()).isNull();
    }
}
