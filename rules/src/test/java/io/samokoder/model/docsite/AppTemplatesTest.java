package io.samokoder.model.docsite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppTemplatesTest {

    @Test
    void aFolderOrNameCountsOnlyWhereTheCodeWritesItAsAString() {
        assertThat(AppTemplates.asString("path = BASE / \"templates/help\"", "templates/help")).isPositive();
        assertThat(AppTemplates.asString("p = f\"templates/help/{slug}.md\"", "templates/help")).isPositive();
        assertThat(AppTemplates.asString("render_template('export/report.md')", "export/report.md")).isPositive();
        // part of a longer name, or a word in a comment: not the folder
        assertThat(AppTemplates.asString("x = \"mytemplates/help\"", "templates/help")).isNegative();
        assertThat(AppTemplates.asString("# see templates/helpers", "templates/help")).isNegative();
    }

    @Test
    void theLastTemplatesFolderOfThePathIsTheOneTheAppLoadsFrom() {
        assertThat(AppTemplates.templatesSegment("web/templates/help/jobs.md".split("/"))).isEqualTo(1);
        assertThat(AppTemplates.templatesSegment("docs/guide.md".split("/"))).isEqualTo(-1);
        assertThat(AppTemplates.templatesSegment("templates.md".split("/"))).isEqualTo(-1);
    }
}
