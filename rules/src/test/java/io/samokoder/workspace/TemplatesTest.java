package io.samokoder.workspace;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TemplatesTest {

    @Test
    void foldersNamedInTemplateSyntaxAreTemplates() {
        assertThat(Templates.templateFolder("{{cookiecutter.project_slug}}/docker-compose.yml"))
                .contains("{{cookiecutter.project_slug}}");
        assertThat(Templates.templateFolder("template/{{ project_name }}/compose.yaml"))
                .contains("template/{{ project_name }}");
        assertThat(Templates.templateFolder("{% if use_docker %}compose{% endif %}/compose.yaml"))
                .contains("{% if use_docker %}compose{% endif %}");
        assertThat(Templates.templateFolder("{{cookiecutter.slug}}.yml")).contains("{{cookiecutter.slug}}.yml");
        assertThat(Templates.templateFolder("deploy/docker-compose.yml")).isEmpty();
        assertThat(Templates.templateFolder("weird{name}/compose.yaml")).isEmpty();
    }

    @Test
    void neutralizeKeepsLinesAndColumns() {
        String text = "volumes:\n  {{ slug }}_data: {}\n{% if x %}\n  a: 1\n{% endif %}\n{# note\nmore #}\nb: \"{{ $labels.i }}\"\n";
        String n = Templates.neutralize(text);
        assertThat(n).hasSameSizeAs(text);
        assertThat(n.split("\n", -1)).hasSameSizeAs(text.split("\n", -1));
        assertThat(n).contains("  xxxxxxxxxx_data: {}").doesNotContain("{%").doesNotContain("{#").doesNotContain("{{");
        assertThat(Templates.neutralize(text, false)).contains("{{ slug }}").doesNotContain("{%");
        assertThat(Templates.firstTagLine(text)).isEqualTo(2);
        assertThat(Templates.hasTemplateSyntax(text)).isTrue();
    }

    @Test
    void unclosedOrSplitTagsAreNotTags() {
        assertThat(Templates.hasTemplateSyntax("a: {{ b\n}}\n")).isFalse();
        assertThat(Templates.hasTemplateSyntax("a: \"{% no end\"\n")).isFalse();
        assertThat(Templates.hasTemplateSyntax("a: ${B:-x}\nc: {d: 1}\n")).isFalse();
        assertThat(Templates.firstTagLine("plain: yaml\n")).isZero();
        assertThat(Templates.neutralize("a: {{ b\nc: }}\n")).isEqualTo("a: {{ b\nc: }}\n");
    }

    @Test
    void hostileTextIsScannedInOnePass() {
        String openers = "{%{#{{".repeat(200_000) + "\n" + "{{ x }}".repeat(100_000);
        String n = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Templates.neutralize(openers));
        assertThat(n).hasSameSizeAs(openers).endsWith("xxxxxxx");
        String lines = "{{\n".repeat(300_000) + "}}";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Templates.hasTemplateSyntax(lines)))
                .isFalse();
    }
}
