package io.samokoder.i18n;

import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Finding;
import io.samokoder.engine.RuleMeta;
import io.samokoder.audit.RuleRegistry;
import io.samokoder.i18n.Text;
import io.samokoder.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule text and every finding message has a Russian text of its own, not the English fallback. */
class RussianTextsTest {

    static final Locale RU = Text.RUSSIAN;

    /** Bundles of finding messages: English base and Russian, key sets must be equal. */
    static final List<String> MESSAGE_BUNDLES = List.of("io/samokoder/model/Messages",
            "io/samokoder/rules/readiness/Messages", "io/samokoder/rules/monitoring/Messages",
            "io/samokoder/rules/docs/Messages", "io/samokoder/rules/alerting/Messages",
            "io/samokoder/rules/config/Messages", "io/samokoder/rules/migrations/Messages",
            "io/samokoder/engine/Messages", "io/samokoder/rules/secrets/Messages", "io/samokoder/audit/Messages",
            "io/samokoder/report/Messages");

    @Test
    void everyRegisteredRuleHasARussianSummaryAndRemediation() {
        List<String> missing = new ArrayList<>();
        List<RuleMeta> metas = RuleRegistry.allMeta(RuleRegistry.load());
        for (RuleMeta m : metas) {
            for (String part : List.of("summary", "remediation")) {
                if (!Text.has("rule." + m.id() + "." + part, RU)) {
                    missing.add(m.id() + "." + part);
                }
            }
            // a rule that explains itself in a description explains itself in Russian too (SARIF help, docs)
            if (!m.description().isEmpty()) {
                if (!Text.has("rule." + m.id() + ".description", RU)) {
                    missing.add(m.id() + ".description");
                } else {
                    assertThat(m.descriptionIn(RU)).as(m.id()).isNotEqualTo(m.description())
                            .containsPattern("[\u0400-\u04FF]{4,}");
                }
            }
            assertThat(m.summaryIn(RU)).as(m.id()).isNotEqualTo(m.summary());
            assertThat(m.remediationIn(RU)).as(m.id()).isNotEqualTo(m.remediation());
        }
        assertThat(metas).hasSizeGreaterThan(30);
        assertThat(missing).as("rules without a Russian text in RuleTexts_ru.properties").isEmpty();
    }

    @Test
    void russianRuleTextsNameOnlyRulesThatExist() throws IOException {
        Set<String> ids = new TreeSet<>();
        Set<String> described = new TreeSet<>();
        RuleRegistry.allMeta(RuleRegistry.load()).forEach(m -> {
            ids.add(m.id());
            if (!m.description().isEmpty()) {
                described.add(m.id());
            }
        });
        Properties ru = load("io/samokoder/rules/RuleTexts_ru.properties");
        assertThat(ru).isNotEmpty();
        for (String key : ru.stringPropertyNames()) {
            Matcher k = Pattern.compile("rule\\.(.+)\\.(summary|remediation|description)").matcher(key);
            assertThat(k.matches()).as(key).isTrue();
            assertThat(ids).as("key " + key + " names no rule").contains(k.group(1));
            if (k.group(2).equals("description")) {
                // a Russian description of a rule without an English one would never be shown
                assertThat(described).as("key " + key + ": the rule has no description").contains(k.group(1));
            }
        }
    }

    @Test
    void everyMessageKeyHasARussianTextWithNoOtherArguments() throws IOException {
        for (String bundle : MESSAGE_BUNDLES) {
            Properties en = load(bundle + ".properties");
            Properties ru = load(bundle + "_ru.properties");
            assertThat(en).as(bundle).isNotEmpty();
            assertThat(ru.stringPropertyNames()).as("Russian keys of " + bundle)
                    .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
            for (String key : en.stringPropertyNames()) {
                // a Russian text may leave out what its wording implies ("and one more file"), never add one
                assertThat(arguments(en.getProperty(key))).as(bundle + " " + key)
                        .containsAll(arguments(ru.getProperty(key)));
                // prose must be Russian; a pattern that is only arguments and code ("{0} (`{1}`)") need not be
                String prose = en.getProperty(key).replaceAll("`[^`]*`", "").replaceAll("\\{\\d+}", "");
                if (prose.matches("(?s).*[A-Za-z]{3,}.*")) {
                    assertThat(ru.getProperty(key)).as(bundle + " " + key + " is not Russian")
                            .containsPattern("[\u0400-\u04FF]");
                }
            }
        }
    }

    /** Every fixture, rendered in Russian: no finding falls back to English anywhere. */
    @Test
    void noFindingOfAnyFixtureFallsBackToEnglish() {
        List<String> english = new ArrayList<>();
        int checked = 0;
        for (Path fixture : Fixtures.all()) {
            AuditResult result = Fixtures.audit(fixture);
            for (Finding f : result.findings()) {
                checked++;
                String where = fixture.getFileName() + " " + f.ruleId() + " " + f.location() + ": ";
                if (f.text() == null || f.text().fallsBack(RU)) {
                    english.add(where + "message " + f.message());
                }
                if (!f.remediation().isBlank() && f.remediationIn(RU).equals(f.remediation())) {
                    english.add(where + "remediation " + f.remediation());
                }
                assertThat(f.messageIn(RU)).as(where).doesNotContain("{0}").doesNotContain("{1}");
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(english).as("findings whose Russian report would be English").isEmpty();
    }

    private static Set<String> arguments(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(pattern);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RussianTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
