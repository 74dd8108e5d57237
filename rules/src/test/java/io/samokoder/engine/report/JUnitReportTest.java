package io.samokoder.engine.report;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Baseline;
import io.samokoder.engine.Finding;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.rules.config.InvalidYamlRule;
import io.samokoder.rules.readiness.ClaimExceedsScoreRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JUnit XML as CI test tabs read it: valid against Surefire's strict 3.0 schema and Jenkins' junit-10 schema on every
 * fixture, one test case per finding and per clean rule, read the way Jenkins' {@code CaseResult} reads it (the first
 * {@code <failure>} or {@code <error>} of a case, {@code <skipped>} with its message).
 */
class JUnitReportTest {

    @TempDir
    Path tmp;

    /** A test case as Jenkins' CaseResult sees it. */
    record JenkinsCase(String className, String name, boolean failed, String failureMessage, String failureType,
                       boolean skipped, String skippedMessage, int failureElements) {
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** Jenkins reads a case's first error, else its first failure, and whether it has a skipped element. */
    static List<JenkinsCase> jenkins(Document doc) {
        List<JenkinsCase> cases = new ArrayList<>();
        var list = doc.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            Element c = (Element) list.item(i);
            Element failure = first(c, "error");
            if (failure == null) {
                failure = first(c, "failure");
            }
            Element skipped = first(c, "skipped");
            cases.add(new JenkinsCase(c.getAttribute("classname"), c.getAttribute("name"), failure != null,
                    failure == null ? null : failure.getAttribute("message"),
                    failure == null ? null : failure.getAttribute("type"), skipped != null,
                    skipped == null ? null : skipped.getAttribute("message"), children(c, "failure").size()));
        }
        return cases;
    }

    private static Element first(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    static Schema schema(String name) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return f.newSchema(JUnitReportTest.class.getResource("/schema/junit/" + name));
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureIsValidAgainstSurefireAndJenkinsSchemas() throws Exception {
        Schema surefire = schema("surefire-test-report-3.0.xsd");
        Schema jenkins = schema("junit-10.xsd");
        return Fixtures.all().stream().map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> {
            AuditResult result = Fixtures.audit(fixture);
            Document doc = parse(JUnitReport.render(result));
            jenkins.newValidator().validate(new DOMSource(doc));
            // Surefire's schema has no <testsuites>: its root is the one <testsuite>
            Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
            surefire.newValidator().validate(new DOMSource(suite));
            List<JenkinsCase> cases = jenkins(doc);
            assertThat(cases).allSatisfy(c -> assertThat(c.failureElements()).as(c.name()).isLessThanOrEqualTo(1));
            assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases.size()));
            assertThat(suite.getAttribute("failures"))
                    .isEqualTo(String.valueOf(cases.stream().filter(JenkinsCase::failed).count()));
            assertThat(suite.getAttribute("skipped"))
                    .isEqualTo(String.valueOf(cases.stream().filter(JenkinsCase::skipped).count()));
            assertThat(cases.stream().map(JenkinsCase::name).distinct().count()).as("unique case names")
                    .isEqualTo(cases.size());
            long findingCases = cases.stream().filter(c -> c.name().contains(" ")).count();
            assertThat(findingCases).as("one case per finding").isEqualTo(result.findings().size());
        }));
    }

    @Test
    void strictSchemaRejectsACaseWithoutItsRequiredAttributes() throws Exception {
        Document doc = parse(("<testsuite name=\"s\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0\">"
                + "<testcase name=\"c\" classname=\"k\" time=\"0\"><failure message=\"m\"/></testcase></testsuite>")
                .getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> schema("surefire-test-report-3.0.xsd").newValidator().validate(new DOMSource(doc)))
                .hasMessageContaining("type");
    }

    /** Issue 27's "done when": the seed's failed test cases are its findings at or above the gate's severity. */
    @Test
    void seedHasOneFailedCasePerFindingAtOrAboveTheGate() throws Exception {
        AuditResult result = Fixtures.audit("samokoder-seed");
        for (Severity gate : List.of(Severity.HIGH, Severity.MEDIUM, Severity.CRITICAL)) {
            List<Finding> blocking = result.findings().stream()
                    .filter(f -> f.status() == Finding.Status.NEW && f.severity().atLeast(gate)).toList();
            List<JenkinsCase> cases = jenkins(parse(JUnitReport.render(result, gate)));
            List<JenkinsCase> failed = cases.stream().filter(JenkinsCase::failed).toList();
            assertThat(failed).as("failed cases at gate " + gate.id()).hasSize(blocking.size());
            assertThat(failed).extracting(JenkinsCase::failureMessage).containsExactlyInAnyOrderElementsOf(
                    blocking.stream().map(f -> f.location() + " " + f.message()).toList());
            assertThat(failed).allSatisfy(c -> {
                assertThat(c.failureType()).isIn("critical", "high", "medium", "low", "info");
                assertThat(Severity.valueOf(c.failureType().toUpperCase(java.util.Locale.ROOT)).atLeast(gate))
                        .isTrue();
            });
        }
        assertThat(result.findings().stream().filter(f -> f.severity().atLeast(Severity.HIGH)).count())
                .as("the seed has findings at the default gate").isGreaterThan(10);
        List<JenkinsCase> cases = jenkins(parse(JUnitReport.render(result)));
        // a finding's case: classname is the category, name is rule id and location
        Finding f = result.findings().get(0);
        assertThat(cases).anySatisfy(c -> {
            assertThat(c.className()).isEqualTo("samokoder." + f.category().id());
            assertThat(c.name()).isEqualTo(f.ruleId() + " " + f.location()
                    + (f.line() > 0 && f.column() > 0 ? ":" + f.column() : ""));
        });
        // every rule that ran clean is one passing case named by its id
        for (String id : result.cleanRules()) {
            RuleMeta m = result.rulesRun().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            if (m != null) {
                assertThat(cases).filteredOn(c -> c.name().equals(id)).singleElement().satisfies(c -> {
                    assertThat(c.failed()).isFalse();
                    assertThat(c.skipped()).isFalse();
                    assertThat(c.className()).isEqualTo("samokoder." + m.category().id());
                });
            }
        }
    }

    @Test
    void suppressedAndBaselinedFindingsAreSkippedWithTheReason() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  a:\n    image: x\n"
                + "    # samokoder:ignore config/invalid-yaml the generator writes it twice, fixed upstream\n"
                + "    image: y\n  b:\n    image: x\n    image: z\n");
        Files.writeString(repo.resolve("prometheus.yml"), "global: {}\nglobal: {}\n");
        // a claim the score bears out: the claim rule runs and finds nothing
        Files.writeString(repo.resolve("README.md"), "Production readiness: 10%\n");
        List<io.samokoder.engine.Rule> rules = List.of(new InvalidYamlRule(), new ClaimExceedsScoreRule());
        AuditResult first = new Auditor(rules).run(AuditConfig.forRoot(repo));
        Path baseline = tmp.resolve("baseline.json");
        Baseline.of(first.findings().stream().filter(f -> f.path().equals("prometheus.yml")).toList())
                .write(baseline);
        AuditResult r = new Auditor(rules).run(AuditConfig.forRoot(repo).baseline(baseline));
        assertThat(r.findings()).extracting(Finding::status).containsExactlyInAnyOrder(Finding.Status.SUPPRESSED,
                Finding.Status.NEW, Finding.Status.BASELINED);
        byte[] xml = JUnitReport.render(r);
        schema("junit-10.xsd").newValidator().validate(new DOMSource(parse(xml)));
        List<JenkinsCase> cases = jenkins(parse(xml));
        assertThat(cases).filteredOn(c -> c.name().startsWith("config/invalid-yaml docker-compose.yml:5"))
                .singleElement().satisfies(c -> {
                    assertThat(c.skipped()).isTrue();
                    assertThat(c.failed()).isFalse();
                    assertThat(c.skippedMessage())
                            .isEqualTo("suppressed: the generator writes it twice, fixed upstream");
                });
        assertThat(cases).filteredOn(c -> c.name().startsWith("config/invalid-yaml prometheus.yml:2"))
                .singleElement().satisfies(c -> {
                    assertThat(c.skipped()).isTrue();
                    assertThat(c.skippedMessage()).startsWith("baselined");
                });
        assertThat(cases).filteredOn(c -> c.name().startsWith("config/invalid-yaml docker-compose.yml:8"))
                .singleElement().satisfies(c -> {
                    assertThat(c.failed()).isTrue();
                    assertThat(c.failureType()).isEqualTo("high");
                });
        assertThat(cases).filteredOn(c -> c.name().equals("readiness/claim-exceeds-score")).singleElement()
                .satisfies(c -> assertThat(c.failed() || c.skipped()).isFalse());
        assertThat(cases).hasSize(4);
    }

    @Test
    void findingsBelowTheGatePassAndSayWhy() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("below"));
        Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  b:\n    image: x\n    image: z\n");
        AuditResult r = new Auditor(List.of(new InvalidYamlRule())).run(AuditConfig.forRoot(repo));
        Document doc = parse(JUnitReport.render(r, Severity.CRITICAL));
        assertThat(jenkins(doc)).singleElement().satisfies(c -> {
            assertThat(c.failed()).isFalse();
            assertThat(c.skipped()).isFalse();
        });
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("YAML duplicate key 'image'").contains("does not fail the build");
    }

    @Test
    void theWrittenFileFailsOnTheGatesSeverity() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("gate"));
        Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  b:\n    image: x\n    image: z\n");
        AuditResult r = new Auditor(List.of(new InvalidYamlRule())).run(AuditConfig.forRoot(repo));
        Path high = tmp.resolve("high.xml");
        Path critical = tmp.resolve("critical.xml");
        ReportWriter.write(r, new ReportWriter.Outputs(null, null, high, null,
                new AuditReport.Options(java.util.Locale.ENGLISH, 0, Severity.HIGH)));
        ReportWriter.write(r, new ReportWriter.Outputs(null, null, critical, null,
                new AuditReport.Options(java.util.Locale.ENGLISH, 0, Severity.CRITICAL)));
        assertThat(jenkins(parse(Files.readAllBytes(high)))).filteredOn(JenkinsCase::failed).hasSize(1);
        assertThat(jenkins(parse(Files.readAllBytes(critical)))).filteredOn(JenkinsCase::failed).isEmpty();
    }

    @Test
    void controlCharactersAndMarkupSurviveAsText() throws Exception {
        Files.writeString(tmp.resolve("docker-compose.yml"), "services:\n  \"a\\u0001<&>\": {}\n  \"a\\u0001<&>\": {}\n");
        AuditResult r = new Auditor(List.of(new InvalidYamlRule())).run(AuditConfig.forRoot(tmp));
        byte[] xml = JUnitReport.render(r);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("&lt;&amp;&gt;").doesNotContain("\u0001");
        assertThat(jenkins(parse(xml))).singleElement().satisfies(c ->
                assertThat(c.failureMessage()).contains("<&>").contains("\uFFFD"));
    }

    @Test
    void sameTreeSameBytes() {
        AuditResult result = Fixtures.audit("samokoder-seed");
        assertThat(JUnitReport.render(result)).isEqualTo(JUnitReport.render(Fixtures.audit("samokoder-seed")));
    }
}
