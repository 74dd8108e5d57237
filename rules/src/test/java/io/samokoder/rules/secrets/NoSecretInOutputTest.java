package io.samokoder.rules.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Finding;
import io.samokoder.report.AuditReport;
import io.samokoder.report.ConsoleReport;
import io.samokoder.report.GithubAnnotations;
import io.samokoder.report.HtmlAuditReport;
import io.samokoder.report.JUnitReport;
import io.samokoder.report.MarkdownAuditReport;
import io.samokoder.report.JsonReport;
import io.samokoder.report.SarifReport;
import io.samokoder.fixtures.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every output the engine renders (console, SARIF, JSON, Markdown and HTML reports in both languages, JUnit XML,
 * GitHub annotations), for every fixture, holds none of the raw secrets the fixture lists in its
 * expected.json under {@code "secrets"} — and no finding carries one in any field (message, remediation, key).
 */
class NoSecretInOutputTest {

    /** Every rendered output of an audit, by name; extend when a new output appears. */
    static Map<String, String> outputs(AuditResult result) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("console", String.join("\n", ConsoleReport.lines(result)));
        out.put("sarif", new String(SarifReport.render(result), StandardCharsets.UTF_8));
        out.put("json", new String(JsonReport.render(result), StandardCharsets.UTF_8));
        for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, java.util.Locale.forLanguageTag("ru"))) {
            AuditReport.Options options = AuditReport.Options.of(locale);
            out.put("markdown report " + locale, new String(MarkdownAuditReport.render(result, options),
                    StandardCharsets.UTF_8));
            out.put("html report " + locale, new String(HtmlAuditReport.render(result, options),
                    StandardCharsets.UTF_8));
        }
        out.put("junit", new String(JUnitReport.render(result), StandardCharsets.UTF_8));
        out.put("github annotations", String.join("\n",
                GithubAnnotations.lines(result, Map.of("GITHUB_ACTIONS", "true"))));
        StringBuilder fields = new StringBuilder();
        for (Finding f : result.findings()) {
            fields.append(f.message()).append('\n').append(f.remediation()).append('\n')
                    .append(f.fingerprintKey()).append('\n').append(f.suppressionReason()).append('\n');
        }
        out.put("finding fields", fields.toString());
        return out;
    }

    static List<String> secrets(Path fixture) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : Fixtures.expected(fixture).path("secrets")) {
            out.add(s.asText());
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> noFixtureOutputHoldsARawSecret() {
        List<Path> withSecrets = Fixtures.all().stream().filter(f -> !secrets(f).isEmpty()).toList();
        assertThat(withSecrets).as("fixtures listing raw secrets").isNotEmpty();
        return Fixtures.all().stream().map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> {
            List<String> secrets = secrets(fixture);
            AuditResult result = Fixtures.audit(fixture);
            for (Map.Entry<String, String> output : outputs(result).entrySet()) {
                if (!output.getKey().equals("finding fields") && !output.getKey().equals("github annotations")) {
                    assertThat(output.getValue()).as(output.getKey() + " output").isNotEmpty();
                }
                for (String secret : secrets) {
                    assertThat(output.getValue()).as(fixture.getFileName() + " " + output.getKey())
                            .doesNotContain(secret);
                }
            }
        }));
    }

    /** The list is real: each listed secret is in a file of the fixture, else the test above proves nothing. */
    @TestFactory
    Stream<DynamicTest> listedSecretsAreReallyInTheFixture() {
        return Fixtures.all().stream().filter(f -> !secrets(f).isEmpty())
                .map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> {
                    StringBuilder all = new StringBuilder();
                    try (Stream<Path> files = java.nio.file.Files.walk(fixture)) {
                        for (Path p : files.filter(java.nio.file.Files::isRegularFile)
                                .filter(p -> !p.getFileName().toString().equals("expected.json")).toList()) {
                            all.append(java.nio.file.Files.readString(p, StandardCharsets.UTF_8)).append('\n');
                        }
                    }
                    for (String secret : secrets(fixture)) {
                        assertThat(all.toString()).as("fixture holds the listed secret " + secret.substring(0, 2) + "…")
                                .contains(secret);
                    }
                }));
    }
}
