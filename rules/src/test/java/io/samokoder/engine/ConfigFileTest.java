package io.samokoder.engine;

import io.samokoder.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFileTest {

    @TempDir
    Path tmp;

    private static final List<RuleMeta> RULES = RuleRegistry.allMeta(RuleRegistry.load());

    private AuditConfig load(String yaml) throws IOException {
        Files.writeString(tmp.resolve(ConfigFile.NAME), yaml);
        return AuditConfig.forRoot(tmp).applyConfigFile(RULES);
    }

    @Test
    void everySettingIsRead() throws IOException {
        AuditConfig c = load("""
                minScore: 70
                failOnSeverity: critical
                failOnViolation: false
                locale: ru
                excludes: [/expected.json, vendor/]
                weights: {secrets: 5, docs: 0.5}
                rules:
                  config/skipped-file: off
                  config/invalid-yaml: medium
                  readiness/claim-exceeds-score: {enabled: true, severity: low}
                localOnly: [.env.production, .env.local]
                options: {docs.online: "false"}
                baseline: .samokoder-baseline.json
                """);
        assertThat(c.minScore()).isEqualTo(70);
        assertThat(c.failOnSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.failOnViolation()).isFalse();
        assertThat(c.locale()).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(c.excludes()).containsExactly("/expected.json", "vendor/");
        assertThat(c.weights()).containsEntry(Category.SECRETS, 5.0).containsEntry(Category.DOCS, 0.5);
        assertThat(c.disabledRules()).containsExactly("config/skipped-file");
        assertThat(c.severityOverrides()).containsEntry("config/invalid-yaml", Severity.MEDIUM)
                .containsEntry("readiness/claim-exceeds-score", Severity.LOW);
        assertThat(c.options()).containsEntry("secrets.localOnly", ".env.production,.env.local")
                .containsEntry("docs.online", "false");
        assertThat(c.baseline()).isEqualTo(tmp.resolve(".samokoder-baseline.json"));
    }

    @Test
    void explicitSettingsWinOverTheFile() throws IOException {
        Files.writeString(tmp.resolve(ConfigFile.NAME), "minScore: 70\nlocale: ru\nweights: {secrets: 5}\n"
                + "rules: {config/invalid-yaml: low}\noptions: {a: file, b: file}\n");
        AuditConfig c = AuditConfig.forRoot(tmp).minScore(90).locale(Locale.ENGLISH).weight(Category.SECRETS, 1)
                .severity("config/invalid-yaml", Severity.CRITICAL).option("a", "cli");
        c.applyConfigFile(RULES);
        assertThat(c.minScore()).isEqualTo(90);
        assertThat(c.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(c.weights()).containsEntry(Category.SECRETS, 1.0);
        assertThat(c.severityOverrides()).containsEntry("config/invalid-yaml", Severity.CRITICAL);
        assertThat(c.options()).containsEntry("a", "cli").containsEntry("b", "file");
    }

    @Test
    void theEngineLoadsItAndTheRunUsesIt() throws IOException {
        Files.writeString(tmp.resolve("compose.yaml"), "services:\n  a:\n    image: x\n    image: y\n");
        Files.writeString(tmp.resolve(ConfigFile.NAME), "rules:\n  config/invalid-yaml: low\nminScore: 99\n");
        AuditConfig config = AuditConfig.forRoot(tmp);
        AuditResult r = new Auditor(List.of(new io.samokoder.rules.config.InvalidYamlRule())).run(config);
        assertThat(r.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.LOW);
        assertThat(config.minScore()).isEqualTo(99);
        assertThat(new Auditor(List.of(new io.samokoder.rules.config.InvalidYamlRule()))
                .run(AuditConfig.forRoot(tmp).disableConfigFile()).findings()).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void unknownKeysAreOneLineErrorsWithASuggestion() {
        assertThatThrownBy(() -> load("minscore: 80\n"))
                .isInstanceOf(AuditException.class)
                .hasMessage(".samokoder.yml:1: unknown key 'minscore' (did you mean 'minScore'?) (known: minScore,"
                        + " failOnSeverity, failOnViolation, locale, excludes, weights, rules, localOnly, secrets,"
                        + " options, baseline, suppressions)");
    }

    @Test
    void secretsAllowValuesAreRegexesCheckedWhenTheFileLoads() throws IOException {
        AuditConfig c = load("""
                secrets:
                  allowValues: ['^dummy-', 'AKIA0{16}']
                """);
        assertThat(c.options()).containsEntry(ConfigFile.ALLOW_VALUES_OPTION, "^dummy-\nAKIA0{16}");
        assertThatThrownBy(() -> load("secrets:\n  allowValues: ['ok', '(unclosed']\n  allowValue: [x]\n"))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining(".samokoder.yml:2: secrets.allowValues: not a regular expression")
                .hasMessageContaining(".samokoder.yml:3: unknown key 'allowValue' under secrets (did you mean"
                        + " 'allowValues'?)");
        assertThatThrownBy(() -> load("secrets: [x]\n")).isInstanceOf(AuditException.class)
                .hasMessageContaining("secrets must be a mapping");
    }

    @Test
    void wrongTypesAndUnknownRulesAreReportedTogether() {
        assertThatThrownBy(() -> load("""
                minScore: high
                failOnSeverity: urgent
                excludes: {a: b}
                rules:
                  config/invalid-yml: off
                  config/skipped-file: sometimes
                weights: {secret: 2}
                locale: de
                """))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("7 problems in .samokoder.yml")
                .hasMessageContaining(".samokoder.yml:1: minScore must be an integer between 0 and 100, got 'high'")
                .hasMessageContaining(".samokoder.yml:2: failOnSeverity: unknown severity 'urgent'")
                .hasMessageContaining(".samokoder.yml:3: excludes must be a list of paths, got a mapping")
                .hasMessageContaining(".samokoder.yml:5: unknown rule id 'config/invalid-yml' (did you mean 'config/invalid-yaml'?)")
                .hasMessageContaining(".samokoder.yml:6: rules.config/skipped-file: unknown severity 'sometimes'")
                .hasMessageContaining(".samokoder.yml:7: weights: unknown category 'secret'")
                .hasMessageContaining(".samokoder.yml:8: locale must be en or ru, got 'de'");
    }

    @Test
    void brokenYamlAndNonMappingAreErrors() {
        assertThatThrownBy(() -> load("minScore: [\n")).isInstanceOf(AuditException.class)
                .hasMessageStartingWith(".samokoder.yml:");
        assertThatThrownBy(() -> load("- a\n- b\n")).isInstanceOf(AuditException.class)
                .hasMessageContaining("must be a mapping");
        assertThatThrownBy(() -> load("minScore: 101\n")).hasMessageContaining("between 0 and 100, got 101");
    }

    @Test
    void emptyFileAndExplicitMissingFile() throws IOException {
        assertThat(load("# nothing yet\n").minScore()).isEqualTo(AuditConfig.DEFAULT_MIN_SCORE);
        assertThatThrownBy(() -> AuditConfig.forRoot(tmp).configFile(tmp.resolve("nope.yml")).applyConfigFile(RULES))
                .hasMessageContaining("configuration file not found");
    }

    @Test
    void seedConfigurationExcludesTheHarnessFile() {
        Path seed = Fixtures.dir("samokoder-seed");
        AuditConfig config = AuditConfig.forRoot(seed);
        new Auditor().run(config);
        assertThat(config.excludes()).contains("/expected.json");
    }
}
