package io.samokoder.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.audit.Baseline;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.audit.ReadinessScore;
import io.samokoder.engine.Severity;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.testing.ExternalTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AuditReportTest {

    static final Locale RU = Locale.forLanguageTag("ru");

    @TempDir
    Path tmp;

    Path repo;

    @BeforeEach
    void seedWithAChangeSinceItsBaseline() throws IOException {
        // the seed, baselined, then one finding fixed and one added: every section of the report has content
        repo = tmp.resolve("samokoder-seed");
        io.samokoder.testing.TestTrees.copy(Fixtures.dir("samokoder-seed"), repo);
        Files.writeString(repo.resolve("compose.override.yaml"), "services:\n  api:\n    restart: always\n"
                + "    restart: unless-stopped\n");
        Files.writeString(repo.resolve("monitoring/prometheus-a.yml"), "a: 1\na: 2\n");
        Baseline.of(new Auditor().run(AuditConfig.forRoot(repo)).findings()).write(tmp.resolve("baseline.json"));
        Files.delete(repo.resolve("monitoring/prometheus-a.yml"));
        Files.writeString(repo.resolve("monitoring/prometheus-b.yml"), "b: 1\nb: 2\n");
    }

    private AuditResult audit() {
        return new Auditor().run(AuditConfig.forRoot(repo).baseline(tmp.resolve("baseline.json")));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties en = load("AuditReport.properties");
        Properties ru = load("AuditReport_ru.properties");
        assertThat(en.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        assertThat(AuditReport.bundle(RU).getString("title")).isEqualTo("Аудит готовности к продакшену");
        // a language without a bundle is English, whatever the JVM's default locale
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(RU);
            assertThat(AuditReport.bundle(Locale.ENGLISH).getString("title")).isEqualTo("Production readiness audit");
            assertThat(AuditReport.bundle(Locale.GERMAN).getString("title")).isEqualTo("Production readiness audit");
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AuditReport.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void markdownInEnglishAndRussian() {
        AuditResult result = audit();
        int total = result.score().total();
        String en = MarkdownAuditReport.text(result, new AuditReport.Options(Locale.ENGLISH, 80, Severity.HIGH));
        String ru = MarkdownAuditReport.text(result, new AuditReport.Options(RU, 80, Severity.HIGH));
        assertThat(en).startsWith("# Production readiness audit\n")
                .contains("**Readiness score: " + total + "/100**")
                .contains("## Fix first").contains("## Scores by category").contains("## Findings by category")
                .contains("### Configuration (").contains("#### `config/invalid-yaml` ×")
                .contains("- `monitoring/prometheus-b.yml:2` — YAML duplicate key 'b'")
                .contains("How to fix: ")
                .contains("## New since baseline").contains("## Fixed since baseline")
                .contains("`monitoring/prometheus-a.yml` `config/invalid-yaml` YAML duplicate key 'a'")
                .contains("## Checks that ran and found nothing").doesNotContain("Оценка");
        String clean = en.substring(en.indexOf("## Checks that ran and found nothing"));
        if (result.cleanRules().isEmpty()) {
            assertThat(clean).contains("Every check that ran found something.");
        }
        result.cleanRules().forEach(id -> assertThat(clean).contains("`" + id + "`"));
        assertThat(ru).startsWith("# Аудит готовности к продакшену\n")
                .contains("**Оценка готовности: " + total + "/100**")
                .contains("## Исправить в первую очередь").contains("## Оценки по категориям")
                .contains("## Замечания по категориям").contains("### Конфигурация (")
                .contains("## Новые относительно базовой линии").contains("## Исправлено относительно базовой линии")
                .contains("## Проверки, которые выполнились и ничего не нашли").contains("Как исправить: ")
                .doesNotContain("Scores by category");
        // the new finding is listed as new, the baselined one is marked
        String newSection = en.substring(en.indexOf("## New since baseline"), en.indexOf("## Fixed since baseline"));
        assertThat(newSection).contains("monitoring/prometheus-b.yml:2").doesNotContain("compose.override.yaml");
        assertThat(en).contains("- `compose.override.yaml:4` _(baselined)_ — ");
        // the order of the sections: score, what to fix, then the categories and the findings
        assertThat(en.indexOf("**Readiness score")).isLessThan(en.indexOf("## Fix first"));
        assertThat(en.indexOf("## Fix first")).isLessThan(en.indexOf("## Scores by category"));
    }

    @Test
    void htmlInEnglishAndRussianIsSelfContained() {
        AuditResult result = audit();
        for (Locale locale : List.of(Locale.ENGLISH, RU)) {
            String html = new String(HtmlAuditReport.render(result, new AuditReport.Options(locale, 80, Severity.HIGH)),
                    StandardCharsets.UTF_8);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + locale.getLanguage() + "\">")
                    .contains("<span class=\"value\">" + result.score().total() + "</span>")
                    .contains("<style>").doesNotContain("<script").doesNotContain("<link")
                    .doesNotContain("src=").doesNotContain("url(").doesNotContain("@import")
                    .doesNotContainPattern("href=\"(?!#)");
            assertThat(html).contains(locale == RU ? "Оценки по категориям" : "Scores by category");
        }
    }

    @Test
    void everythingIsEscaped() throws IOException {
        Path hostile = tmp.resolve("hostile");
        Files.createDirectories(hostile);
        Files.writeString(hostile.resolve("compose.yaml"),
                "services:\n  \"<script>alert(1)</script>\": {}\n  \"<script>alert(1)</script>\": {}\n");
        AuditResult result = new Auditor().run(AuditConfig.forRoot(hostile));
        assertThat(result.findings()).extracting(Finding::message).anyMatch(m -> m.contains("<script>"));
        String html = new String(HtmlAuditReport.render(result, AuditReport.Options.of(Locale.ENGLISH)),
                StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String md = MarkdownAuditReport.text(result, AuditReport.Options.of(Locale.ENGLISH));
        assertThat(md).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(HtmlAuditReport.e("a<b & \"c\" 'd' > — жёлтый é")).as("the page is UTF-8: only markup is escaped")
                .isEqualTo("a&lt;b &amp; &quot;c&quot; &#39;d&#39; &gt; — жёлтый é");
        assertThat(HtmlAuditReport.e("&amp;")).isEqualTo("&amp;amp;");
        assertThat(HtmlAuditReport.e(null)).isEmpty();
        assertThat(MarkdownAuditReport.esc("a|b*c_[x](y)\nz")).isEqualTo("a\\|b\\*c\\_\\[x\\](y) z");
        assertThat(MarkdownAuditReport.code("a`b")).isEqualTo("``a`b``");
    }

    @Test
    void cleanChecksAreListed() throws IOException {
        Path clean = Files.createDirectories(tmp.resolve("clean"));
        Files.writeString(clean.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
        AuditResult result = new Auditor().run(AuditConfig.forRoot(clean));
        assertThat(result.cleanRules()).contains("config/invalid-yaml");
        String md = MarkdownAuditReport.text(result, AuditReport.Options.of(Locale.ENGLISH));
        assertThat(md).contains("- `config/invalid-yaml` — ").contains("No findings.")
                .contains("No baseline was given: every finding is new.");
        String ru = MarkdownAuditReport.text(result, AuditReport.Options.of(RU));
        assertThat(ru).contains("Замечаний нет.").contains("Базовая линия не задана");
    }

    @Test
    void sameTreeSameBytes() {
        AuditReport.Options o = new AuditReport.Options(RU, 80, Severity.HIGH);
        assertThat(HtmlAuditReport.render(audit(), o)).isEqualTo(HtmlAuditReport.render(audit(), o));
        assertThat(MarkdownAuditReport.render(audit(), o)).isEqualTo(MarkdownAuditReport.render(audit(), o));
    }

    private static AuditResult seed() {
        return new Auditor().run(AuditConfig.forRoot(Fixtures.dir("samokoder-seed")));
    }

    @Test
    void fixFirstListsTheCostliestRulesOnceWithTheScoreTheEngineComputes() {
        AuditResult result = seed();
        AuditReport.FixFirst fix = new AuditReport(result, AuditReport.Options.of(Locale.ENGLISH)).fixFirst();
        assertThat(fix.current()).isEqualTo(result.score().total());
        assertThat(fix.items()).hasSizeBetween(3, AuditReport.FIX_FIRST_MAX);
        Set<String> fixed = new HashSet<>();
        fix.items().forEach(i -> fixed.add(i.rule().ruleId()));
        assertThat(fixed).as("each rule once").hasSize(fix.items().size())
                .as("weight-0 readiness claims do not move the total").noneMatch(id -> id.startsWith("readiness/"));
        // the expected score is the engine's own score of what is left, not a sum of estimates
        List<Finding> left = result.findings().stream().filter(f -> !fixed.contains(f.ruleId())).toList();
        int expected = ReadinessScore.compute(left, result.score().categoryScores().keySet(),
                AuditConfig.defaultWeights()).total();
        assertThat(fix.expected()).isEqualTo(expected).isGreaterThan(fix.current() + 20);
        int now = fix.current();
        for (AuditReport.FixItem item : fix.items()) {
            assertThat(item.gain()).isPositive();
            assertThat(item.scoreAfter()).isEqualTo(now + item.gain());
            assertThat(item.rule().remediation()).isNotBlank();
            now = item.scoreAfter();
        }
        assertThat(now).isEqualTo(fix.expected());
        // first comes the rule whose fix alone raises the total most
        int bestAlone = result.findings().stream().map(Finding::ruleId).distinct()
                .mapToInt(id -> result.score().with(result.findings().stream()
                        .filter(f -> !f.ruleId().equals(id)).toList()).total())
                .max().orElseThrow();
        assertThat(fix.items().get(0).scoreAfter()).isEqualTo(bestAlone);
    }

    @Test
    void htmlShowsEachRuleOnceAndCategoriesLinkToTheirFindings() {
        AuditResult result = seed();
        String html = new String(HtmlAuditReport.render(result, AuditReport.Options.of(Locale.ENGLISH)),
                StandardCharsets.UTF_8);
        // each remediation once per rule: alerting/unresolved-placeholder has ten findings and four texts, one of
        // them shared by five findings
        List<Finding> placeholders = result.findings().stream()
                .filter(f -> f.ruleId().equals("alerting/unresolved-placeholder")).toList();
        Map<String, Long> texts = placeholders.stream()
                .collect(Collectors.groupingBy(Finding::remediation, Collectors.counting()));
        assertThat(placeholders).hasSizeGreaterThan(5);
        assertThat(texts.values()).as("a remediation shared by several findings").anyMatch(n -> n > 2);
        texts.keySet().forEach(t -> assertThat(occurrences(html, HtmlAuditReport.prose(t))).as(t).isEqualTo(1));
        long pairs = result.findings().stream().filter(Finding::isActive).map(f -> f.ruleId() + "\n" + f.remediation())
                .distinct().count();
        assertThat(occurrences(html, "<b>How to fix:</b>")).isEqualTo((int) pairs);
        assertThat(occurrences(html, "id=\"rule-alerting-unresolved-placeholder\"")).isEqualTo(1);
        // fix first comes right after the score, before the categories
        assertThat(html.indexOf("id=\"total-score\"")).isLessThan(html.indexOf("id=\"fix-first\""));
        assertThat(html.indexOf("id=\"fix-first\"")).isLessThan(html.indexOf("id=\"categories\""));
        assertThat(html).contains("<a href=\"#findings-alerting\">Alerting</a>")
                .contains("<h3 id=\"findings-alerting\">Alerting (" + placeholders.size() + ")</h3>");
        // every in-page link has its target
        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int n = 0;
        while (links.find()) {
            assertThat(html).contains("id=\"" + links.group(1) + "\"");
            n++;
        }
        assertThat(n).isGreaterThan(20);
        // readiness claims weigh 0: marked as not counted
        String readiness = row(html, "readiness");
        assertThat(readiness).contains("class=\"not-counted\"").contains("not counted in the score");
        assertThat(row(html, "secrets")).doesNotContain("not counted");
    }

    private static String row(String html, String category) {
        int start = html.indexOf("<tr id=\"category-" + category + "\"");
        assertThat(start).as("row of " + category).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void nothingToCheckReadsNotApplicableInEveryOutput() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(plain.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
        Files.writeString(plain.resolve("README.md"), "# App\n\nRun `docker compose up`.\n");
        AuditResult result = new Auditor().run(AuditConfig.forRoot(plain));
        assertThat(result.score().notApplicable()).contains(Category.MONITORING, Category.ALERTING);

        String html = new String(HtmlAuditReport.render(result, AuditReport.Options.of(Locale.ENGLISH)),
                StandardCharsets.UTF_8);
        assertThat(row(html, "monitoring")).contains("not applicable (nothing to check)").doesNotContain("class=\"num\"");
        assertThat(row(html, "secrets")).contains("<span class=\"num\">100</span>");
        String ru = new String(HtmlAuditReport.render(result, AuditReport.Options.of(RU)), StandardCharsets.UTF_8);
        assertThat(row(ru, "monitoring")).contains("неприменимо (нечего проверять)");
        assertThat(MarkdownAuditReport.text(result, AuditReport.Options.of(Locale.ENGLISH)))
                .contains("| Monitoring | not applicable (nothing to check) |").doesNotContain("| Monitoring | 100");
        assertThat(ConsoleReport.lines(result).get(1)).contains("secrets=100")
                .contains("; not applicable (nothing to check): monitoring, alerting").doesNotContain("monitoring=");

        JsonNode json = new ObjectMapper().readTree(JsonReport.render(result));
        JsonNode monitoring = json.path("categoryScores").path("monitoring");
        assertThat(monitoring.path("applicable").asBoolean(true)).isFalse();
        assertThat(monitoring.has("score")).isFalse();
        assertThat(json.path("categoryScores").path("secrets").path("applicable").asBoolean()).isTrue();
        assertThat(json.path("categoryScores").path("secrets").path("score").asInt()).isEqualTo(100);
        assertThat(json.path("categoryScores").path("readiness").path("counted").asBoolean(true)).isFalse();
        // SARIF keeps its shape: only applicable categories have a score
        JsonNode sarif = new ObjectMapper().readTree(SarifReport.render(result));
        assertThat(sarif.path("runs").path(0).path("properties").path("categoryScores").has("monitoring")).isFalse();
    }

    /**
     * The report as a reader sees it: the seed in English and Russian rendered by headless Chromium. A copy of the page
     * without its Content-Security-Policy runs a probe that writes the rendered layout into the DOM (where the fix-first
     * section sits, whether anything sticks out of the report), read back with {@code --dump-dom}; then a screenshot.
     * With {@code -Dsamokoder.screenshotDir=DIR} the screenshots are also kept there (docs/images holds them).
     */
    @Test
    void headlessChromiumShowsFixFirstAboveTheFoldInBothLanguages() throws IOException {
        Path chromium = ExternalTools.require("chromium");
        AuditResult result = seed();
        AuditReport.FixFirst fix = new AuditReport(result, AuditReport.Options.of(Locale.ENGLISH)).fixFirst();
        for (Locale locale : List.of(Locale.ENGLISH, RU)) {
            String lang = locale.getLanguage();
            String page = new String(HtmlAuditReport.render(result, new AuditReport.Options(locale, 80, Severity.HIGH)),
                    StandardCharsets.UTF_8);
            Path html = ReportWriter.write(tmp.resolve("report-" + lang + ".html"), page.getBytes(StandardCharsets.UTF_8));
            String probed = page.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>\n", "")
                    .replace("</body>", PROBE + "</body>");
            assertThat(probed).contains(PROBE).doesNotContain("Content-Security-Policy");
            Path probePage = Files.writeString(tmp.resolve("probe-" + lang + ".html"), probed);

            ExternalTools.Result dom = chromium(chromium, "--dump-dom", probePage);
            Matcher m = Pattern.compile("<pre id=\"probe\">([^<]*)</pre>").matcher(dom.stdout());
            assertThat(m.find()).as("probe output in the rendered DOM of " + lang).isTrue();
            JsonNode probe = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
            List<String> h2 = new ArrayList<>();
            probe.path("h2").forEach(n -> h2.add(n.asText()));
            AuditReport text = new AuditReport(result, AuditReport.Options.of(locale));
            assertThat(h2).as("headings in order").startsWith(text.t("section.fixFirst"), text.t("section.categories"),
                    text.t("section.findings"));
            assertThat(probe.path("fixItems").asInt()).isEqualTo(fix.items().size());
            assertThat(probe.path("fixTop").asDouble()).as("fix first starts on the first screen").isBetween(100.0, 700.0);
            assertThat(probe.path("fixHeight").asDouble()).as("and is visible").isGreaterThan(200.0);
            assertThat(probe.path("overflow").asDouble()).as("nothing wider than the report: " + probe.path("widest"))
                    .isLessThanOrEqualTo(1.0);
            assertThat(probe.path("pageScroll").asInt()).as("no horizontal scrolling").isZero();
            assertThat(probe.path("score").asText()).isEqualTo(String.valueOf(result.score().total()));

            Path png = tmp.resolve("report-" + lang + ".png");
            ExternalTools.Result shot = chromium(chromium, "--screenshot=" + png, html);
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes.length).as("a real picture, not a blank page: " + shot.stderr()).isGreaterThan(50_000);
            assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
            assertThat(java.nio.ByteBuffer.wrap(bytes, 16, 4).getInt()).isEqualTo(1280);
            assertThat(java.nio.ByteBuffer.wrap(bytes, 20, 4).getInt()).isEqualTo(1400);
            String keep = System.getProperty("samokoder.screenshotDir");
            if (keep != null && !keep.isBlank()) {
                Files.createDirectories(Path.of(keep));
                Files.copy(png, Path.of(keep, "report-" + lang + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Measures the rendered page and writes the figures as JSON into {@code <pre id="probe">}. */
    private static final String PROBE = """
            <script>
            (function () {
              var report = document.querySelector('.samokoder-report');
              var inner = report.getBoundingClientRect().right - parseFloat(getComputedStyle(report).paddingRight);
              var widest = null, right = 0;
              report.querySelectorAll('*').forEach(function (e) {
                var r = e.getBoundingClientRect();
                if (r.width > 0 && r.right > right) { right = r.right; widest = e.tagName + '.' + e.className; }
              });
              var fix = document.getElementById('fix-first');
              var box = fix ? fix.getBoundingClientRect() : {top: -1, height: 0};
              var out = document.createElement('pre');
              out.id = 'probe';
              out.textContent = JSON.stringify({
                h2: Array.prototype.map.call(document.querySelectorAll('h2'), function (h) { return h.textContent; }),
                fixTop: box.top, fixHeight: box.height,
                fixItems: fix ? fix.querySelectorAll('ol > li').length : 0,
                overflow: right - inner, widest: widest,
                pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                score: document.querySelector('#total-score .value').textContent
              });
              document.body.appendChild(out);
            })();
            </script>
            """;

    private ExternalTools.Result chromium(Path chromium, String action, Path page) throws IOException {
        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        ExternalTools.Result r = ExternalTools.run(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1280,1400",
                action, page.toUri().toString()), tmp, Duration.ofSeconds(90));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r;
    }
}
