package io.samokoder.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.samokoder.model.markdown.GithubSlugger;
import io.samokoder.model.markdown.MarkdownDocument;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markdown links, headings, anchors and GitHub slugs on arbitrary bytes (deep nesting, unclosed brackets, HTML,
 * reference definitions): positions inside the document, slugs lower-case without spaces, never an exception.
 * Seeds: {@code MarkdownFuzzTestInputs/parse/}.
 */
class MarkdownFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Bounded.run("MarkdownDocument.parse", () -> {
            MarkdownDocument doc = MarkdownDocument.parse("doc.md", text);
            int lines = (int) text.lines().count() + 1;
            for (MarkdownDocument.Link l : doc.links()) {
                assertThat(l.destination()).isNotNull();
                assertThat(l.line()).isBetween(1, lines);
            }
            for (MarkdownDocument.Heading h : doc.headings()) {
                assertThat(h.line()).isBetween(1, lines);
                if (h.anchor() != null) { // null: GitHub gives the heading none (no text, or in a footnote)
                    assertThat(h.anchor()).doesNotContain(" ");
                }
            }
            for (MarkdownDocument.Anchor a : doc.anchors()) {
                assertThat(a.line()).isBetween(1, lines);
            }
            for (MarkdownDocument.GeneratedRegion r : doc.generatedRegions()) {
                assertThat(r.startLine()).isBetween(1, lines);
                assertThat(r.endLine()).isBetween(r.startLine(), lines);
            }
            doc.anchorIds();
            doc.spans();
            String slug = GithubSlugger.slugOf(text.length() > 2000 ? text.substring(0, 2000) : text);
            assertThat(slug).doesNotContain(" ").isEqualTo(slug.toLowerCase(Locale.ROOT));
        });
    }
}
