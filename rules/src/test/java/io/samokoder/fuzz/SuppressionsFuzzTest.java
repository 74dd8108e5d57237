package io.samokoder.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.CheckFailed;
import io.samokoder.engine.Finding;
import io.samokoder.audit.Suppressions;
import io.samokoder.engine.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suppressions file and inline {@code samokoder:ignore} comments on arbitrary bytes. A malformed suppressions
 * file is a fatal configuration error by design, so {@link AuditException} with one clear line is the one exception
 * allowed; inline comments are matched on every line of the same bytes and must never throw or backtrack for long.
 * Seeds: {@code src/test/resources/io/samokoder/fuzz/SuppressionsFuzzTestInputs/load/}.
 */
class SuppressionsFuzzTest {

    private static Path dir;

    @BeforeAll
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("samokoder-fuzz");
    }

    @AfterAll
    static void deleteDir() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "30s")
    void load(byte[] input) {
        Bounded.run("Suppressions", () -> {
            try {
                Path file = dir.resolve(Suppressions.DEFAULT_FILE);
                Files.write(file, input);
                Suppressions suppressions;
                try {
                    suppressions = Suppressions.load(file);
                } catch (AuditException e) {
                    Bounded.assertOneLine(e.getMessage());
                    suppressions = Suppressions.none();
                }
                Workspace ws = Workspace.scan(dir);
                var source = ws.file(Suppressions.DEFAULT_FILE).orElseThrow();
                int lines = Math.min(source.lineCount(), 500);
                for (int n = 0; n <= lines + 1; n++) {
                    Finding f = Finding.of(CheckFailed.META).at(Suppressions.DEFAULT_FILE, n).message("fuzz")
                            .key("k").build();
                    suppressions.reason(f, ws).ifPresent(r -> assertThat(r).isNotNull());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
