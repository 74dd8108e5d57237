package io.samokoder.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.samokoder.model.migrations.AlembicModule;
import io.samokoder.model.migrations.PyTokenizer;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alembic revision module parser (read as Python text, never executed) and the Python tokenizer beneath it, on
 * arbitrary bytes: unterminated strings, odd indentation, nested brackets. Seeds: {@code AlembicModuleFuzzTestInputs/parse/}.
 */
class AlembicModuleFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Bounded.run("AlembicModule.parse", () -> {
            PyTokenizer.tokenize(text);
            AlembicModule m = AlembicModule.parse("migrations/versions/0001_x.py", text);
            assertThat(m.path()).isEqualTo("migrations/versions/0001_x.py");
            if (m.error() != null) {
                Bounded.assertOneLine(m.error());
            }
            assertThat(m.revision()).isNotNull();
            assertThat(m.downRevision()).isNotNull();
            m.revisionId();
            m.branchLabels();
            m.dependsOn();
            m.upgrade();
            m.downgrade();
        });
    }
}
