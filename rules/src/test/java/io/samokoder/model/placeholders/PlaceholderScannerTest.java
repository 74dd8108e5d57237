package io.samokoder.model.placeholders;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderScannerTest {

    private static List<String> names(String text) {
        return PlaceholderScanner.scan(text).stream().map(Placeholder::name).toList();
    }

    @Test
    void findsEveryShellForm() {
        String text = "a ${A} b $BEE c ${C:-x} ${D-y} ${E:?must} ${F?m} ${G:+alt} ${H+alt}";
        List<Placeholder> found = PlaceholderScanner.scan(text);
        assertThat(found).extracting(Placeholder::name).containsExactly("A", "BEE", "C", "D", "E", "F", "G", "H");
        assertThat(found).extracting(Placeholder::operator).containsExactly("", "", ":-", "-", ":?", "?", ":+", "+");
        assertThat(found.get(2).argument()).isEqualTo("x");
        assertThat(found.get(2).hasDefault()).isTrue();
        assertThat(found.get(0).text(text)).isEqualTo("${A}");
        assertThat(found.get(0).start()).isEqualTo(2);
        assertThat(found.get(1).braced()).isFalse();
    }

    @Test
    void hostAndPortAreTwoPlaceholdersAtTheirOffsets() {
        String text = "'${SMTP_HOST}:${SMTP_PORT}'";
        List<Placeholder> found = PlaceholderScanner.scan(text);
        assertThat(found).extracting(Placeholder::start).containsExactly(1, 14);
        assertThat(found).extracting(Placeholder::end).containsExactly(13, 26);
    }

    @Test
    void goTemplatesAreNeverPlaceholders() {
        assertThat(names("{{ .GroupLabels.alertname }}")).isEmpty();
        assertThat(names("{{ $labels.instance }} {{ $value }}")).isEmpty();
        assertThat(names("{{ template \"x\" . }}")).isEmpty();
        assertThat(names("{{ $X := .CommonLabels }}{{ $X.instance }} and ${REAL}")).containsExactly("REAL");
        assertThat(names("{{- range $i, $ALERT := .Alerts -}}{{ $ALERT.Labels }}{{ end }}")).isEmpty();
        assertThat(names("{{ unterminated $FOO")).isEmpty();
        assertThat(names("cost: ${{ $COST }} and ${{ .Labels.X }}")).as("a dollar sign before a template action").isEmpty();
    }

    @Test
    void regexAnchorsGroupsEscapesAndLiteralDollarsAreNotPlaceholders() {
        assertThat(names("^(foo|bar)$")).isEmpty();
        assertThat(names("replacement: $1 ${1} ${2}")).isEmpty();
        assertThat(names("$$ESCAPED and $${ALSO}")).isEmpty();
        assertThat(names("pa$SWORD")).as("a dollar inside a word is part of a literal secret").isEmpty();
        assertThat(names("price $lower ${lower}")).containsExactly("lower");
        assertThat(names("${ not a var} ${1X} ${X")).isEmpty();
    }

    @Test
    void nestedDefaultsAndBoundedScanning() {
        assertThat(names("${A:-${B}}")).containsExactly("A");
        String huge = "${A:-" + "x".repeat(10_000) + "}";
        assertThat(names(huge)).isEmpty();
        String many = "$".repeat(200_000) + "{";
        // a hang guard: a quadratic scan of this input would take minutes
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> names(many))).isEmpty();
    }

    @Test
    void namesAreDistinctInOrder() {
        assertThat(PlaceholderScanner.names("${B} ${A} ${B}")).containsExactly("B", "A");
    }

    @Test
    void templateLanguageFilesByExtension() {
        assertThat(PlaceholderScanner.isTemplateLanguageFile("alembic/script.py.mako")).isTrue();
        assertThat(PlaceholderScanner.isTemplateLanguageFile("roles/am/templates/alertmanager.yml.j2")).isTrue();
        assertThat(PlaceholderScanner.isTemplateLanguageFile("monitoring/alertmanager.yml.tmpl")).isFalse();
        assertThat(PlaceholderScanner.isTemplateLanguageFile("alertmanager.yml")).isFalse();
    }
}
