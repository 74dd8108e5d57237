package io.samokoder.model.docsite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TocSlugifyTest {

    @Test
    void defaultSlugifyDropsAccentsAndPunctuationAndNumbersDuplicatesWithUnderscore() {
        TocSlugify s = new TocSlugify(TocSlugify.Kind.ASCII, TocSlugify.Case.LOWER, "-");
        assertThat(s.unique("Café & Crème")).isEqualTo("cafe-creme");
        assertThat(s.unique("FAQ")).isEqualTo("faq");
        assertThat(s.unique("FAQ")).isEqualTo("faq_1");
        assertThat(s.unique("Install  the -- package")).isEqualTo("install-the-package");
    }

    @Test
    void reservedIdsTakeTheirNameFirst() {
        TocSlugify s = new TocSlugify(TocSlugify.Kind.ASCII, TocSlugify.Case.LOWER, "-");
        s.reserve("features");
        assertThat(s.unique("Features")).isEqualTo("features_1");
    }

    @Test
    void unicodeAndPymdownxSlugifiesKeepLettersOfEveryScript() {
        assertThat(new TocSlugify(TocSlugify.Kind.UNICODE, TocSlugify.Case.LOWER, "-").slugOf("Установка пакета"))
                .isEqualTo("установка-пакета");
        assertThat(new TocSlugify(TocSlugify.Kind.PYMDOWNX, TocSlugify.Case.NONE, "-").slugOf("Über  <em>Uns</em>"))
                .isEqualTo("Über--Uns");
        assertThat(new TocSlugify(TocSlugify.Kind.UNKNOWN, TocSlugify.Case.LOWER, "-").unique("x")).isNull();
    }
}
