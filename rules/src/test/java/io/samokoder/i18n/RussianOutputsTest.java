package io.samokoder.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.audit.Gate;
import io.samokoder.audit.RuleRegistry;
import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.Severity;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.report.ConsoleReport;
import io.samokoder.report.GithubAnnotations;
import io.samokoder.report.JUnitReport;
import io.samokoder.report.JsonReport;
import io.samokoder.report.SarifReport;
import io.samokoder.report.Version;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's SARIF, JUnit, JSON, console, gate and GitHub annotation outputs with {@code --locale ru} read as Russian:
 * their prose, outside code spans, paths, file names, URLs and rule ids, has no word in Latin letters but the names
 * Russian engineers write in Latin ({@link RussianSeedReportTest#LATIN_TERMS} and {@link #NAMES}). Without a locale
 * the same outputs keep their English frame word for word.
 */
class RussianOutputsTest {

    static final Locale RU = Text.RUSSIAN;

    /**
     * Names the rule descriptions use, written in Latin in Russian prose: tools, products and formats (a name is not
     * translated), and the Git, DNS and IP acronyms.
     */
    static final Set<String> NAMES = Set.of("kubernetes", "ansible", "jekyll", "mkdocs", "hugo", "docusaurus",
            "pandoc", "spring", "modulith", "java", "gnu", "go", "jinja", "mako", "cadvisor", "ip", "dns", "swarm",
            "makefile", "git", "cookiecutter", "copier", "fifo", "amtool");

    private static AuditResult seed;

    @BeforeAll
    static void auditTheSeed() {
        seed = RussianSeedReportTest.audit();
    }

    @Test
    void sarifInRussian() throws Exception {
        List<String> texts = sarifTexts(SarifReport.render(seed, RU));
        assertThat(texts).hasSizeGreaterThan(100);
        assertThat(String.join("\n", texts)).contains("Как исправить:").contains("Уровень по умолчанию:")
                .contains("Корень проверяемого репозитория.");
        assertRussian("SARIF", texts);
    }

    @Test
    void sarifKeepsIdsNamesUrisAndKeys() throws Exception {
        JsonNode en = Fixtures.JSON.readTree(SarifReport.render(seed));
        JsonNode ru = Fixtures.JSON.readTree(SarifReport.render(seed, RU));
        JsonNode enRules = en.at("/runs/0/tool/driver/rules");
        JsonNode ruRules = ru.at("/runs/0/tool/driver/rules");
        assertThat(ruRules.size()).isEqualTo(enRules.size()).isGreaterThan(30);
        for (int i = 0; i < enRules.size(); i++) {
            for (String field : List.of("id", "name", "helpUri", "defaultConfiguration", "properties")) {
                assertThat(ruRules.get(i).get(field)).as(field).isEqualTo(enRules.get(i).get(field));
            }
            assertThat(ruRules.get(i).at("/fullDescription/text").asText())
                    .isNotEqualTo(enRules.get(i).at("/fullDescription/text").asText());
        }
        assertThat(ru.at("/runs/0/results").size()).isEqualTo(en.at("/runs/0/results").size());
    }

    @Test
    void junitInRussian() throws Exception {
        List<String> texts = junitTexts(JUnitReport.render(seed, Severity.HIGH, RU));
        assertThat(texts).hasSizeGreaterThan(40);
        assertThat(String.join("\n", texts)).contains("Как исправить:").contains("сборку не роняет");
        assertRussian("JUnit", texts);
    }

    @Test
    void jsonInRussian() throws Exception {
        List<String> texts = jsonTexts(JsonReport.render(seed, RU));
        assertThat(texts).hasSizeGreaterThan(40);
        assertRussian("JSON", texts);
    }

    @Test
    void consoleGateAndAnnotationsInRussian() {
        List<String> texts = consoleTexts(seed, RU);
        assertThat(texts.get(0)).isEqualTo("samokoder: оценка готовности " + seed.score().total() + "/100");
        assertThat(String.join("\n", texts)).contains("порог не пройден").contains("уровень «высокое»");
        assertRussian("console", texts);
    }

    /** The measure finds English: the same outputs without a locale are full of it. */
    @Test
    void theMeasureFindsEnglish() throws Exception {
        assertThat(latinWords(sarifTexts(SarifReport.render(seed)))).hasSizeGreaterThan(1000);
        assertThat(latinWords(junitTexts(JUnitReport.render(seed, Severity.HIGH)))).hasSizeGreaterThan(300);
        assertThat(latinWords(jsonTexts(JsonReport.render(seed)))).hasSizeGreaterThan(300);
        assertThat(latinWords(consoleTexts(seed, Locale.ENGLISH))).hasSizeGreaterThan(300);
    }

    /** Without a locale, the frames read as before the translation, word for word, and nothing is Cyrillic. */
    @Test
    void englishOutputsAreUnchanged() throws Exception {
        assertThat(SarifReport.render(seed)).isEqualTo(SarifReport.render(seed, Locale.ENGLISH));
        // (Cyrillic it may hold: the readiness rule's description quotes the Russian claims it reads)
        String sarif = new String(SarifReport.render(seed), StandardCharsets.UTF_8);
        assertThat(sarif).contains("\"text\" : \"The root of the audited repository.\"")
                .contains("\\n\\nRemediation: ").contains("\\n\\n**Remediation:** ")
                .contains("\\n\\nDefault severity: high. Category: alerting.")
                .contains("\\n\\nDefault severity: **high**, category `alerting`");
        String junit = new String(JUnitReport.render(seed, Severity.CRITICAL), StandardCharsets.UTF_8);
        assertThat(junit).doesNotContainPattern("[\\u0400-\\u04FF]")
                .contains("\nBelow the gate's failOnSeverity (critical): reported, does not fail the build.")
                .containsPattern("\\[alerting/unresolved-placeholder] high: \\$\\{");
        assertThat(new String(JsonReport.render(seed), StandardCharsets.UTF_8))
                .doesNotContainPattern("[\\u0400-\\u04FF]");
        List<String> console = ConsoleReport.lines(seed);
        assertThat(console.subList(0, 4)).containsExactly(
                "samokoder readiness score: 30/100",
                "  categories: monitoring=6 alerting=10 secrets=11 docs=77 migrations=45 config=100 readiness=64"
                        + " (not counted in the score)",
                "  findings: critical=2 high=31 medium=4 low=9 info=0 (suppressed 0)",
                "  files: 30 audited, 0 skipped; 33 checks ran");
        assertThat(console).contains(".env.production:4: [secrets/weak-value] high: "
                + seed.findings().stream().filter(f -> f.location().equals(".env.production:4")).findFirst()
                .orElseThrow().message());
        Gate gate = Gate.evaluate(seed, 80, Severity.HIGH, true);
        assertThat(gate.message()).startsWith("samokoder gate failed: readiness score 30 is below the minimum 80; 33"
                + " new findings at or above high (critical 2, high 31) (score 30/100, minimum 80, failOnSeverity"
                + " high)\n  failed by: alerting/unresolved-placeholder (10), ");
        assertThat(Gate.evaluate(seed, 0, Severity.CRITICAL, true).message()).isEqualTo("samokoder gate failed: 2"
                + " new findings at or above critical (critical 2) (score 30/100, minimum 0, failOnSeverity critical)"
                + "\n  failed by: secrets/committed-env-file (1), secrets/known-token (1)");
        assertThat(GithubAnnotations.lines(seed, Map.of())).allSatisfy(l -> assertThat(l)
                .containsPattern("^::(error|warning|notice) file=.*,title=samokoder [a-z]+/[a-z-]+ \\((critical|high"
                        + "|medium|low|info)\\)::").doesNotContainPattern("[\\u0400-\\u04FF]"));
    }

    /** An entry of the baseline no longer found reads in Russian: the rule's summary, not the stored English. */
    @Test
    void fixedSinceBaselineInRussian(@TempDir Path tmp) throws Exception {
        Path baseline = tmp.resolve("baseline.json");
        Files.writeString(baseline, "{\"tool\":\"samokoder\",\"version\":1,\"findings\":[{\"fingerprint\":\"gone\","
                + "\"ruleId\":\"secrets/weak-value\",\"path\":\"old.env\",\"message\":\"weak password in old.env\"}]}");
        AuditConfig config = Fixtures.config(Fixtures.dir("samokoder-seed")).baseline(baseline);
        AuditResult result = new Auditor().run(config);
        JsonNode ru = Fixtures.JSON.readTree(JsonReport.render(result, RU)).path("fixedSinceBaseline");
        JsonNode en = Fixtures.JSON.readTree(JsonReport.render(result)).path("fixedSinceBaseline");
        assertThat(en.get(0).path("message").asText()).isEqualTo("weak password in old.env");
        assertThat(ru.get(0).path("message").asText()).containsPattern("[\\u0400-\\u04FF]{5,}")
                .isEqualTo(RuleRegistry.allMeta(RuleRegistry.load()).stream()
                        .filter(m -> m.id().equals("secrets/weak-value")).findFirst().orElseThrow().summaryIn(RU));
        assertThat(ConsoleReport.lines(result, RU).get(2)).contains("исправлено с базовой линии 1");
        String html = new String(io.samokoder.report.HtmlAuditReport.render(result,
                new io.samokoder.report.AuditReport.Options(RU, 80, Severity.HIGH)), StandardCharsets.UTF_8);
        assertThat(html).contains(ru.get(0).path("message").asText().replace("`", "")
                .substring(0, 20)).doesNotContain("weak password in old.env");
    }

    // --- the texts of each output that a reader reads as prose -------------------------------------------------

    static List<String> sarifTexts(byte[] sarif) throws Exception {
        JsonNode run = Fixtures.JSON.readTree(sarif).at("/runs/0");
        List<String> out = new ArrayList<>();
        for (JsonNode r : run.at("/tool/driver/rules")) {
            out.add(r.at("/shortDescription/text").asText());
            out.add(r.at("/fullDescription/text").asText());
            out.add(r.at("/help/text").asText());
            out.add(r.at("/help/markdown").asText());
        }
        out.add(run.at("/originalUriBaseIds/SRCROOT/description/text").asText());
        for (JsonNode r : run.at("/results")) {
            out.add(r.at("/message/text").asText());
            out.add(r.at("/properties/remediation").asText());
        }
        return out;
    }

    static List<String> junitTexts(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        List<String> out = new ArrayList<>();
        for (String tag : List.of("failure", "skipped", "system-out")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                out.add(e.getAttribute("message"));
                out.add(e.getTextContent());
            }
        }
        return out;
    }

    static List<String> jsonTexts(byte[] json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : Fixtures.JSON.readTree(json).path("findings")) {
            out.add(n.path("message").asText());
            out.add(n.path("remediation").asText());
        }
        return out;
    }

    static List<String> consoleTexts(AuditResult result, Locale locale) {
        List<String> out = new ArrayList<>(ConsoleReport.lines(result, locale));
        out.add(Gate.evaluate(result, 80, Severity.HIGH, true, locale).message());
        out.add(Gate.evaluate(result, 0, Severity.INFO, true, locale).message());
        for (String line : GithubAnnotations.lines(result, Map.of(), locale)) {
            // the title and the message; the command and its file, line and column properties are not prose
            Matcher m = Pattern.compile(",title=(.*?)::(.*)$").matcher(line);
            assertThat(m.find()).as(line).isTrue();
            out.add(m.group(1).replace("%2C", ",").replace("%3A", ":"));
            out.add(m.group(2).replace("%0A", "\n").replace("%25", "%"));
        }
        return out;
    }

    // --- the measure ------------------------------------------------------------------------------------------

    private static void assertRussian(String output, List<String> texts) {
        List<String> latin = latinWords(texts);
        TreeMap<String, Integer> counts = new TreeMap<>();
        latin.forEach(w -> counts.merge(w, 1, Integer::sum));
        assertThat(latin).as("Latin words in the Russian " + output + " of the seed: " + counts).isEmpty();
    }

    private static final Pattern CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern URL = Pattern.compile("\\b[a-z][a-z0-9+.-]*://\\S+");
    /** A path (it has a slash) or a file name with an extension or a leading dot, as a token of its own. */
    private static final Pattern PATH = Pattern.compile("[\\w.${}*~-]*/[\\w./${}*~-]*|(?<![\\w.])\\.?[\\w-]+\\.[a-z]"
            + "[\\w.]*\\b|(?<![\\w])\\.[\\w.-]+");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** Latin-only words outside code spans, URLs, paths, file names, rule ids, the fixture's name and the version. */
    static List<String> latinWords(List<String> texts) {
        List<String> ids = new ArrayList<>();
        RuleRegistry.allMeta(RuleRegistry.load()).forEach(m -> ids.add(m.id()));
        ids.sort(Comparator.comparingInt(String::length).reversed());
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            String t = CODE.matcher(text).replaceAll(" ");
            t = URL.matcher(t).replaceAll(" ");
            for (String id : ids) {
                t = t.replace(id, " ");
            }
            t = t.replace("samokoder-seed", " ").replace(Version.get(), " ").replace("http(s)", " ");
            t = PATH.matcher(t).replaceAll(" ");
            Matcher m = WORD.matcher(t);
            while (m.find()) {
                String w = m.group();
                String lower = w.toLowerCase(Locale.ROOT);
                if (w.chars().allMatch(c -> c < 0x80) && !RussianSeedReportTest.LATIN_TERMS.contains(lower)
                        && !NAMES.contains(lower)) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
