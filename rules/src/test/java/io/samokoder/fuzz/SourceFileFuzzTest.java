package io.samokoder.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspace walk and {@link SourceFile} decoding on arbitrary bytes (invalid UTF-8, BOMs, lone CRs, NULs): text
 * without BOM, lines without terminators, offsets mapping to lines and columns in range, never an exception.
 * Seeds: {@code src/test/resources/io/samokoder/fuzz/SourceFileFuzzTestInputs/decode/}.
 */
class SourceFileFuzzTest {

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
    void decode(byte[] input) {
        Bounded.run("SourceFile", () -> {
            try {
                Path file = dir.resolve("docker-compose.yml");
                Files.write(file, input);
                Workspace ws = Workspace.scan(dir);
                assertThat(ws.files()).hasSize(1);
                SourceFile f = ws.files().get(0);
                assertThat(f.size()).isEqualTo(input.length);
                Optional<String> text = ws.text(f);
                boolean hasNul = false;
                for (int i = 0; i < Math.min(8000, input.length); i++) {
                    hasNul |= input[i] == 0;
                }
                assertThat(ws.isBinary(f)).isEqualTo(hasNul);
                assertThat(text.isPresent()).isEqualTo(!hasNul);
                String t = f.text();
                assertThat(t).doesNotStartWith("\uFEFF");
                int lines = f.lineCount();
                assertThat(lines).isPositive();
                for (int n = 1; n <= Math.min(lines, 2000); n++) {
                    String line = f.line(n);
                    assertThat(line).doesNotContain("\n");
                    assertThat(line.indexOf('\r') < 0 || line.indexOf('\r') < line.length() - 1).isTrue();
                }
                assertThat(f.line(0)).isEmpty();
                assertThat(f.line(lines + 1)).isEmpty();
                for (int offset = 0; offset <= t.length(); offset += Math.max(1, t.length() / 64)) {
                    int line = f.lineOf(offset);
                    assertThat(line).isBetween(1, lines);
                    assertThat(f.columnOf(offset)).isPositive();
                }
                if (hasNul) {
                    assertThat(t).as("binary files decode to empty text").isEmpty();
                } else if (!f.hadInvalidUtf8()) {
                    // strict decoding: the text is exactly the bytes after an optional BOM
                    int bom = input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB
                            && (input[2] & 0xFF) == 0xBF ? 3 : 0;
                    assertThat(t.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .isEqualTo(java.util.Arrays.copyOfRange(input, bom, input.length));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
