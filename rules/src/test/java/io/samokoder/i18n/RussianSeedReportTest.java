package io.samokoder.i18n;

import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.audit.RuleRegistry;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.report.Version;
import io.samokoder.report.AuditReport;
import io.samokoder.report.HtmlAuditReport;
import io.samokoder.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Russian HTML report of the seed (the project the two hand audits describe) reads as Russian: outside
 * {@code <code>}, rule ids, the repository's name and the version, no word is written in Latin letters except the
 * few technical terms Russian engineers write in Latin themselves.
 */
class RussianSeedReportTest {

    /**
     * Written in Latin in Russian technical prose, never translated: product and tool names (a name is a name: the
     * providers a token rule lists, the operating systems, the migration tools), the formats and protocols as their
     * acronyms ("CI/CD" too), and "compose" as in "compose-файл", as the hand audits write it.
     */
    static final Set<String> LATIN_TERMS = Set.of("prometheus", "grafana", "alertmanager", "docker", "compose",
            "github", "alembic", "postgresql", "telegram", "samokoder", "yaml", "json", "html", "url", "sql", "ci",
            "http", "https", "readme", "markdown", "id", "null", "enum", "smtp", "loki", "linux", "windows", "macos",
            "aws", "gitlab", "actions", "openai", "slack", "stripe", "liquibase", "flyway", "python", "cd");

    @Test
    void theSeedReportInRussianHasNoEnglishProse() {
        String html = russianReport();
        List<String> english = latinWords(html);
        assertThat(html).contains("Оценка готовности");
        assertThat(english).as("English words in the Russian report of the seed (outside code, ids, names): "
                + share(html)).isEmpty();
    }

    /** The measure fails on English prose: the English report of the same audit is full of it. */
    @Test
    void theMeasureFindsEnglish() {
        AuditResult result = audit();
        String en = new String(HtmlAuditReport.render(result, new AuditReport.Options(Locale.ENGLISH, 80,
                Severity.HIGH)), StandardCharsets.UTF_8);
        assertThat(latinWords(en)).hasSizeGreaterThan(500);
    }

    static String russianReport() {
        return new String(HtmlAuditReport.render(audit(), new AuditReport.Options(Text.RUSSIAN, 80, Severity.HIGH)),
                StandardCharsets.UTF_8);
    }

    /** The seed, audited by every rule. */
    static AuditResult audit() {
        return new Auditor().run(Fixtures.config(Fixtures.dir("samokoder-seed")));
    }

    /** Latin-only words of the page's text outside code, rule ids, the repository name and the version. */
    static List<String> latinWords(String html) {
        String text = html.replaceAll("(?s)<style>.*?</style>", " ")
                .replaceAll("(?s)<title>.*?</title>", " ")
                .replaceAll("(?s)<code>.*?</code>", " ")
                .replaceAll("(?s)<span class=\"rule\">.*?</span>", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        List<String> ids = new ArrayList<>();
        RuleRegistry.allMeta(RuleRegistry.load()).forEach(m -> ids.add(m.id()));
        ids.sort(Comparator.comparingInt(String::length).reversed());
        for (String id : ids) {
            text = text.replace(id, " ");
        }
        text = text.replace("samokoder-seed", " ").replace(Version.get(), " ");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}]+").matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.chars().allMatch(c -> c < 0x80) && !LATIN_TERMS.contains(w.toLowerCase(Locale.ROOT))) {
                out.add(w);
            }
        }
        return out;
    }

    /** The Latin words with their counts, for the failure message. */
    static String share(String html) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        latinWords(html).forEach(w -> counts.merge(w, 1, Integer::sum));
        return counts.toString();
    }
}
