package io.samokoder.model.markdown;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTagsTest {

    @Test
    void readsAttributesInAnyOrderWithAnyQuoting() {
        List<HtmlTags.Tag> tags = HtmlTags.startTags(
                "<IMG width=600 ALT=\"a > b\" src='docs/x.svg'><a title=\"x\" href=y.md>t</a>");
        assertThat(tags).extracting(HtmlTags.Tag::name).containsExactly("img", "a");
        assertThat(tags.get(0).attribute("src").value()).isEqualTo("docs/x.svg");
        assertThat(tags.get(0).attribute("alt").value()).isEqualTo("a > b");
        assertThat(tags.get(1).attribute("href").value()).isEqualTo("y.md");
    }

    @Test
    void valueOffsetPointsAtTheValue() {
        String html = "<p>\n  <a name=\"contacts\"></a>";
        HtmlTags.Attribute a = HtmlTags.startTags(html).get(1).attribute("name");
        assertThat(html.substring(a.valueOffset())).startsWith("contacts\"");
    }

    @Test
    void decodesCharacterReferencesAndKeepsTheFirstOfDuplicateAttributes() {
        HtmlTags.Tag t = HtmlTags.startTags("<a href=\"a&amp;b&#x2F;c.md\" href=\"other.md\">").get(0);
        assertThat(t.attribute("href").value()).isEqualTo("a&b/c.md");
        assertThat(t.attributes()).hasSize(1);
    }

    @Test
    void skipsCommentsEndTagsAndRawTextElements() {
        List<HtmlTags.Tag> tags = HtmlTags.startTags("<!-- <a href=\"c.md\"> --></div x=\">\"><script>"
                + "var s = '<a href=\"s.md\">';</script><style>a{}</style><a href=\"real.md\">");
        assertThat(tags).extracting(HtmlTags.Tag::name).containsExactly("script", "style", "a");
        assertThat(tags.get(2).attribute("href").value()).isEqualTo("real.md");
    }

    @Test
    void booleanAndSpacedAttributesAndUnterminatedInputNeverThrow() {
        HtmlTags.Tag t = HtmlTags.startTags("<input disabled src = \"a.png\" / >").get(0);
        assertThat(t.attribute("disabled").value()).isEmpty();
        assertThat(t.attribute("src").value()).isEqualTo("a.png");
        assertThat(HtmlTags.startTags("<a href=\"never closed")).hasSize(1);
        assertThat(HtmlTags.startTags("< a> <1> <")).isEmpty();
    }
}
