package io.samokoder.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 25, F16: a suppressions file whose entries cannot mean what their author meant is a one-line error naming the
 * file, the entry's line and the problem, never accepted silently (a pattern that matches nothing, a negative line or
 * a number where the list belongs suppressed nothing while the author believed the findings handled).
 */
class SuppressionsFileTest {

    @TempDir
    Path root;

    private String error(String text) throws IOException {
        Path file = Files.writeString(root.resolve("s.yml"), text);
        try {
            Suppressions.load(file, root, 1 << 20);
        } catch (AuditException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith("suppressions file " + file + ":");
            return e.getMessage().substring(("suppressions file " + file).length());
        }
        throw new AssertionError("accepted: " + text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            suppressions: 5|:1: 'suppressions' must be a list of entries (rule, path, line, reason), not '5'
            suppressions: {rule: x}|:1: 'suppressions' must be a list of entries (rule, path, line, reason), not a mapping
            - rule: '*'|:1: expected a mapping with a top-level 'suppressions:' list
            suppressions:\\n  - 5|:2: an entry must be a mapping (rule, path, line, reason), not '5'
            suppressions:\\n  - rule: '*'\\n    reason: r\\n    path: '[[[['|:2: 'path' is not a valid pattern (.gitignore syntax): '[[[['
            suppressions:\\n  - rule: '*'\\n    reason: r\\n    line: -1|:2: 'line' must be a line number (1 or more), not -1
            suppressions:\\n  - rule: '*'\\n    reason: r\\n    line: 0|:2: 'line' must be a line number (1 or more), not 0
            suppressions:\\n  - rule: '*'\\n    reason: r\\n    line: twelve|:2: 'line' must be a line number (1 or more), not 'twelve'
            suppressions:\\n  - rule: [secrets/weak-value]\\n    reason: r|:2: 'rule' must be text, not a list
            suppressions:\\n  - rule: secrets weak value\\n    reason: r|:2: 'rule' must be a rule id, 'category/*' or '*', not 'secrets weak value'
            suppressions:\\n  - rule: '*'\\n    reason: r\\n    lines: 3|:2: unknown key 'lines' (known: rule, path, line, reason)
            suppressions:\\n  - rule: '*'\\n    reason: {why: r}|:2: 'reason' must be text, not a mapping
            """)
    void anEntryThatCannotMeanWhatItSaysIsAnError(String text, String expected) throws IOException {
        assertThat(error(text.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @Test
    void valuesQuotedInAnErrorAreOneLineAndShort() throws IOException {
        String forged = "x\n::error title=Forged::pwned" + "y".repeat(200);
        String message = error("suppressions:\n  - rule: '*'\n    reason: r\n    path: \"[" + forged.replace("\n", "\\n")
                + "\"\n");
        assertThat(message).contains("'[x\\n::error title=Forged::pwned").endsWith("…'").hasSizeLessThan(200);
    }

    @Test
    void wellFormedEntriesLoad() throws IOException {
        Path file = Files.writeString(root.resolve("s.yml"), """
                suppressions:
                  - rule: secrets/weak-value
                    path: docker-compose.dev.yml
                    line: 12
                    reason: local development only
                  - rule: docs/*
                    reason: docs are rewritten next quarter
                  - rule: "*"
                    path: vendor/
                    reason: third-party code
                """);
        assertThat(Suppressions.load(file, root, 1 << 20)).isNotNull();
        assertThat(Suppressions.load(Files.writeString(root.resolve("e.yml"), "suppressions:\n"), root, 1 << 20))
                .isNotNull();
    }
}
