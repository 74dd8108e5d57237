package io.samokoder.engine.report;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Baseline;
import io.samokoder.engine.Finding;
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
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                .contains("## Scores by category").contains("## Findings by severity").contains("### High (")
                .contains("`monitoring/prometheus-b.yml:2` `config/invalid-yaml` — YAML duplicate key 'b'")
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
                .contains("## Оценки по категориям").contains("## Замечания по важности").contains("### Высокое (")
                .contains("## Новые относительно базовой линии").contains("## Исправлено относительно базовой линии")
                .contains("## Проверки, которые выполнились и ничего не нашли").contains("Как исправить: ")
                .doesNotContain("Scores by category");
        // the new finding is listed as new, the baselined one is marked
        String newSection = en.substring(en.indexOf("## New since baseline"), en.indexOf("## Fixed since baseline"));
        assertThat(newSection).contains("monitoring/prometheus-b.yml:2").doesNotContain("compose.override.yaml");
        assertThat(en).contains("`compose.override.yaml:4` `config/invalid-yaml` _(baselined)_");
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

    @Test
    void headlessChromiumRendersTheScore() throws IOException {
        Path chromium = ExternalTools.require("chromium");
        AuditResult result = audit();
        Path html = ReportWriter.write(tmp.resolve("report.html"),
                HtmlAuditReport.render(result, new AuditReport.Options(Locale.ENGLISH, 80, Severity.HIGH)));
        Path png = tmp.resolve("report.png");
        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        List<String> common = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,2000"));
        List<String> dump = new ArrayList<>(common);
        dump.add("--dump-dom");
        dump.add(html.toUri().toString());
        ExternalTools.Result dom = ExternalTools.run(dump, tmp, Duration.ofSeconds(90));
        assertThat(dom.exitCode()).as(dom.stderr()).isZero();
        Matcher m = Pattern.compile("id=\"total-score\"><span class=\"label\">Readiness score</span>"
                + "<span class=\"value\">(\\d+)</span>").matcher(dom.stdout());
        assertThat(m.find()).as("score in the rendered DOM").isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(result.score().total());

        List<String> shot = new ArrayList<>(common);
        shot.add("--screenshot=" + png);
        shot.add(html.toUri().toString());
        ExternalTools.Result r = ExternalTools.run(shot, tmp, Duration.ofSeconds(90));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).as("a real picture, not a blank page").isGreaterThan(20_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        int width = java.nio.ByteBuffer.wrap(bytes, 16, 4).getInt();
        int height = java.nio.ByteBuffer.wrap(bytes, 20, 4).getInt();
        assertThat(width).isEqualTo(1280);
        assertThat(height).isEqualTo(2000);
        Path keep = Path.of("target", "report-screenshot.png");
        Files.createDirectories(keep.getParent());
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
