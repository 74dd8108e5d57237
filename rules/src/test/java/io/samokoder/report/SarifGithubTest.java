package io.samokoder.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samokoder.engine.Category;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SARIF as GitHub code scanning reads it: rule metadata (security severity, tags, help, helpUri at the project's own
 * address) and the SARIF Multitool's validation with the SARIF and GitHub rule sets on every fixture.
 */
class SarifGithubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTTP = Pattern.compile("https?://[^\\s)\"'>\\]]+");

    @TempDir
    Path tmp;

    /** The POM's {@code <url>}: the one address the reports may point at. */
    static String pomUrl() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ExternalTools.repoRoot().resolve("pom.xml").toFile());
        String url = pom.getDocumentElement().getElementsByTagName("url").item(0).getTextContent().trim();
        assertThat(url).as("the parent POM declares <url>").startsWith("https://");
        return url;
    }

    @Test
    void addressesComeFromThePom() throws Exception {
        String url = pomUrl();
        assertThat(Version.INFORMATION_URI).as("informationUri is the POM's <url>, filtered into the build")
                .isEqualTo(url);
        assertThat(Version.repositoryFile("docs/rules.md#secretsweak-secret"))
                .isEqualTo(url + "/blob/HEAD/docs/rules.md#secretsweak-secret");
    }

    @Test
    void everyAddressInTheSarifIsTheProjectsOwn() throws Exception {
        String url = pomUrl();
        JsonNode sarif = JSON.readTree(SarifReport.render(Fixtures.audit("samokoder-seed")));
        JsonNode driver = sarif.path("runs").path(0).path("tool").path("driver");
        assertThat(driver.path("informationUri").asText()).isEqualTo(url);
        List<String> addresses = new ArrayList<>();
        for (JsonNode rule : driver.path("rules")) {
            addresses.add(rule.path("helpUri").asText());
            for (String text : List.of(rule.path("help").path("text").asText(),
                    rule.path("help").path("markdown").asText(), rule.path("fullDescription").asText())) {
                // an address in a code span is an example of a configuration value, not a link
                Matcher m = HTTP.matcher(text.replaceAll("`[^`]*`", ""));
                while (m.find()) {
                    addresses.add(m.group());
                }
            }
        }
        assertThat(addresses).hasSizeGreaterThan(driver.path("rules").size())
                .allSatisfy(a -> assertThat(a).startsWith(url + "/"));
    }

    @Test
    void helpUriIsTheRulesSectionOfTheRuleReference() throws Exception {
        String reference = Files.readString(ExternalTools.repoRoot().resolve("docs/rules.md"));
        for (RuleMeta m : Fixtures.audit("samokoder-seed").allRules()) {
            ObjectNode rule = SarifReport.rule(m);
            String helpUri = rule.path("helpUri").asText();
            assertThat(helpUri).contains("/docs/rules.md#");
            String anchor = helpUri.substring(helpUri.indexOf('#') + 1);
            // GitHub's slug of the heading "### <rule id>" in docs/rules.md
            assertThat(reference).as(m.id()).contains("\n### " + m.id() + "\n");
            assertThat(anchor).isEqualTo(m.id().toLowerCase(java.util.Locale.ROOT).replace("/", ""));
            assertThat(rule.path("help").path("text").asText()).contains(m.summary()).contains(m.remediation())
                    .contains(helpUri);
            assertThat(rule.path("help").path("markdown").asText()).contains("**Remediation:** " + m.remediation())
                    .contains("(" + helpUri + ")");
        }
    }

    @Test
    void securityRulesCarryTheSecurityTagAndASeverityScoreInGithubsBands() throws Exception {
        Map<Severity, Double> scores = new TreeMap<>();
        int security = 0;
        for (RuleMeta m : Fixtures.audit("samokoder-seed").allRules()) {
            JsonNode props = SarifReport.rule(m).path("properties");
            List<String> tags = new ArrayList<>();
            props.path("tags").forEach(t -> tags.add(t.asText()));
            assertThat(tags).as(m.id()).contains(m.category().id());
            if (m.category() == Category.SECRETS && m.severity() != Severity.INFO) {
                security++;
                assertThat(tags).as(m.id()).contains("security");
                double score = Double.parseDouble(props.path("security-severity").asText());
                scores.put(m.severity(), score);
                switch (m.severity()) {
                    case CRITICAL -> assertThat(score).isBetween(9.0, 10.0);
                    case HIGH -> assertThat(score).isBetween(7.0, 8.9);
                    case MEDIUM -> assertThat(score).isBetween(4.0, 6.9);
                    default -> assertThat(score).isBetween(0.1, 3.9);
                }
            } else {
                assertThat(tags).as(m.id()).doesNotContain("security");
                assertThat(props.has("security-severity")).as(m.id()).isFalse();
                assertThat(props.path("problem.severity").asText()).isIn("error", "warning", "recommendation");
            }
        }
        assertThat(security).as("secrets rules").isGreaterThan(3);
        assertThat(scores).as("critical and high secrets rules exist and score apart")
                .containsKeys(Severity.CRITICAL, Severity.HIGH);
        for (Severity s : Severity.values()) {
            if (s != Severity.INFO) {
                RuleMeta m = new RuleMeta("secrets/x", Category.SECRETS, s, "s", "r", "d");
                assertThat(SarifReport.securitySeverity(m)).as(s.id()).isNotNull();
            }
        }
        assertThat(SarifReport.securitySeverity(new RuleMeta("secrets/x", Category.SECRETS, Severity.INFO, "s", "r",
                "d"))).as("info is no security alert").isNull();
    }

    @Test
    void longDescriptionsAreCutAtASentenceWithinGithubsLimit() {
        String sentence = "A sentence of forty characters in all. ";
        String text = sentence.repeat(40);
        String fit = SarifReport.fit(text);
        assertThat(fit).hasSizeLessThanOrEqualTo(SarifReport.MAX_DESCRIPTION).endsWith(".");
        assertThat(SarifReport.fit("x".repeat(2000))).hasSize(SarifReport.MAX_DESCRIPTION).endsWith("\u2026");
        assertThat(SarifReport.fit("short.")).isEqualTo("short.");
    }

    /**
     * Every fixture's SARIF, in English and in Russian, through the SARIF Multitool with the SARIF and GitHub rule
     * sets ({@code --rule-kind Sarif;Gh}, which includes the 2.1.0 schema): no error, no warning.
     */
    @Test
    void multitoolWithTheGithubRuleSetFindsNoErrorOrWarningOnAnyFixture() throws Exception {
        Path multitool = ExternalTools.requireSarifMultitool();
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path fixture : Fixtures.all()) {
            Path file = tmp.resolve(fixture.getFileName() + ".sarif");
            Files.write(file, SarifReport.render(Fixtures.audit(fixture)));
            files.put(fixture.getFileName().toString(), file);
            Path russian = tmp.resolve(fixture.getFileName() + "-ru.sarif");
            Files.write(russian, SarifReport.render(Fixtures.audit(fixture), io.samokoder.i18n.Text.RUSSIAN));
            files.put(fixture.getFileName() + "-ru", russian);
        }
        Map<String, List<String>> problems = validate(multitool, new ArrayList<>(files.values()));
        assertThat(problems.keySet()).as("files the multitool reported on").isSubsetOf(
                files.values().stream().map(p -> p.getFileName().toString()).toList());
        assertThat(problems).as("SARIF Multitool errors and warnings (Sarif;Gh rule sets)").isEmpty();
    }

    /** The same validation bites: a rule without help or fullDescription is an error for GitHub. */
    @Test
    void multitoolReportsARuleGithubCannotShow() throws Exception {
        Path multitool = ExternalTools.requireSarifMultitool();
        ObjectNode sarif = (ObjectNode) JSON.readTree(SarifReport.render(Fixtures.audit("secrets-seed")));
        ObjectNode rule = (ObjectNode) sarif.path("runs").path(0).path("tool").path("driver").path("rules").path(0);
        rule.remove("help");
        rule.remove("fullDescription");
        Path file = tmp.resolve("broken.sarif");
        JSON.writeValue(file.toFile(), sarif);
        Map<String, List<String>> problems = validate(multitool, List.of(file));
        assertThat(problems.get("broken.sarif")).isNotNull()
                .anySatisfy(p -> assertThat(p).startsWith("error GH2012").contains("'help'"))
                .anySatisfy(p -> assertThat(p).startsWith("error GH2012").contains("'fullDescription'"));
    }

    /** The multitool's errors and warnings by file name, read from its own SARIF log (its exit code is 0 either way). */
    private Map<String, List<String>> validate(Path multitool, List<Path> files) throws Exception {
        Path log = tmp.resolve("multitool-log.sarif");
        List<String> command = new ArrayList<>(List.of(multitool.toString(), "validate", "--rule-kind", "Sarif;Gh",
                "--level", "Error;Warning", "--output", log.toString()));
        files.forEach(f -> command.add(f.toString()));
        // invariant globalization: the self-contained .NET binary then needs no libicu
        ExternalTools.Result r = ExternalTools.run(command, tmp, Duration.ofMinutes(5),
                Map.of("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1", "DOTNET_CLI_TELEMETRY_OPTOUT", "1"));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).as(r.stdout()).contains("Done. " + files.size() + " files scanned");
        JsonNode run = JSON.readTree(log.toFile()).path("runs").path(0);
        assertThat(run.path("invocations").path(0).path("executionSuccessful").asBoolean()).as(r.stdout()).isTrue();
        Map<String, List<String>> problems = new TreeMap<>();
        for (JsonNode result : run.path("results")) {
            String level = result.path("level").asText("warning");
            if (!level.equals("error") && !level.equals("warning")) {
                continue;
            }
            String uri = result.path("locations").path(0).path("physicalLocation").path("artifactLocation")
                    .path("uri").asText();
            String name = uri.substring(uri.lastIndexOf('/') + 1);
            problems.computeIfAbsent(name, k -> new ArrayList<>()).add(level + " " + result.path("ruleId").asText()
                    + ": " + text(result, run));
        }
        return problems;
    }

    /** A multitool result's message: its text, or its rule's message string with the arguments filled in. */
    private static String text(JsonNode result, JsonNode run) {
        JsonNode message = result.path("message");
        if (message.has("text")) {
            return message.path("text").asText();
        }
        String id = message.path("id").asText();
        for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
            if (rule.path("id").asText().equals(result.path("ruleId").asText())) {
                String template = rule.path("messageStrings").path(id).path("text").asText(id);
                JsonNode args = message.path("arguments");
                for (int i = 0; i < args.size(); i++) {
                    template = template.replace("{" + i + "}", args.path(i).asText());
                }
                return template;
            }
        }
        return id + " " + message.path("arguments");
    }
}
