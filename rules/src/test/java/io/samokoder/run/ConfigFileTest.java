package io.samokoder.run;

import io.samokoder.engine.AuditException;
import io.samokoder.engine.Category;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.RuleRegistry;
import io.samokoder.engine.Severity;
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

    private Source load(String yaml) throws IOException {
        Path file = tmp.resolve(ConfigFile.NAME);
        Files.writeString(file, yaml);
        return ConfigFile.read(file, tmp, RULES);
    }

    @Test
    void everySettingIsRead() throws IOException {
        Source source = load("""
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
                options: {docs.online: "false", secrets.localPaths: [a/**, b/**]}
                baseline: .samokoder-baseline.json
                """);
        Settings c = source.settings();
        assertThat(c.minScore()).isEqualTo(70);
        assertThat(c.failOnSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.failOnViolation()).isFalse();
        assertThat(c.locale()).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(c.excludes()).containsExactly("/expected.json", "vendor/");
        assertThat(c.weights()).containsEntry(Category.SECRETS, 5.0).containsEntry(Category.DOCS, 0.5);
        assertThat(c.disabledRules()).containsExactly("config/skipped-file");
        assertThat(c.severities()).containsEntry("config/invalid-yaml", Severity.MEDIUM)
                .containsEntry("readiness/claim-exceeds-score", Severity.LOW);
        assertThat(c.options()).containsEntry("docs.online", List.of("false"))
                .containsEntry("secrets.localPaths", List.of("a/**", "b/**"));
        assertThat(c.baseline()).isEqualTo(tmp.toAbsolutePath().normalize().resolve(".samokoder-baseline.json"));
        assertThat(c.suppressions()).isNull();
        assertThat(source.where().apply("minScore")).isEqualTo(".samokoder.yml:1");
        assertThat(source.where().apply("weights.docs")).isEqualTo(".samokoder.yml:6");
        assertThat(source.where().apply("rules.config/invalid-yaml")).isEqualTo(".samokoder.yml:9");
        assertThat(source.where().apply("disabledRules")).isEqualTo(".samokoder.yml:7");
        assertThat(source.where().apply("options.secrets.localPaths")).isEqualTo(".samokoder.yml:11");
    }

    @Test
    void rulesThatOnlySetSeveritiesLeaveTheDisabledRulesUnset() throws IOException {
        assertThat(load("rules: {config/invalid-yaml: low}\n").settings().disabledRules()).isNull();
        assertThat(load("rules: {config/invalid-yaml: on}\n").settings().disabledRules()).isEmpty();
    }

    @Test
    void unknownKeysAreOneLineErrorsWithASuggestion() {
        assertThatThrownBy(() -> load("minscore: 80\n"))
                .isInstanceOf(AuditException.class)
                .hasMessage(".samokoder.yml:1: unknown key 'minscore' (did you mean 'minScore'?) (known: minScore,"
                        + " failOnSeverity, failOnViolation, locale, excludes, weights, rules, secrets, options,"
                        + " baseline, suppressions)");
    }

    @Test
    void secretsAllowValuesAreTheAllowlistOption() throws IOException {
        Source source = load("""
                secrets:
                  allowValues: ['^dummy-', 'AKIA0{16}']
                """);
        assertThat(source.settings().options()).containsEntry(ConfigFile.ALLOW_VALUES_OPTION,
                List.of("^dummy-", "AKIA0{16}"));
        assertThat(source.where().apply("options." + ConfigFile.ALLOW_VALUES_OPTION)).isEqualTo(".samokoder.yml:2");
        assertThatThrownBy(() -> load("secrets:\n  allowValue: [x]\n"))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining(".samokoder.yml:2: unknown key 'allowValue' under secrets (did you mean"
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
                options: {docs.online: {a: b}}
                """))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("8 problems in .samokoder.yml")
                .hasMessageContaining(".samokoder.yml:1: minScore must be an integer between 0 and 100, got 'high'")
                .hasMessageContaining(".samokoder.yml:2: failOnSeverity: unknown severity 'urgent'")
                .hasMessageContaining(".samokoder.yml:3: excludes must be a value or a list, got a mapping")
                .hasMessageContaining(".samokoder.yml:5: unknown rule id 'config/invalid-yml' (did you mean 'config/invalid-yaml'?)")
                .hasMessageContaining(".samokoder.yml:6: rules.config/skipped-file: unknown severity 'sometimes'")
                .hasMessageContaining(".samokoder.yml:7: weights: unknown category 'secret' (did you mean 'secrets'?)")
                .hasMessageContaining(".samokoder.yml:8: locale must be en or ru, got 'de'")
                .hasMessageContaining(".samokoder.yml:9: option docs.online must be a value or a list of values");
    }

    @Test
    void pathsStayInsideTheRepository() {
        assertThatThrownBy(() -> load("baseline: ../outside.json\n"))
                .hasMessage(".samokoder.yml:1: baseline must be a path inside the repository, got '../outside.json'");
        assertThatThrownBy(() -> load("suppressions: /etc/passwd\n"))
                .hasMessageContaining("suppressions must be a path inside the repository");
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
    void anEmptyFileSetsNothing() throws IOException {
        assertThat(load("# nothing yet\n").settings()).isEqualTo(Settings.NONE);
    }
}
