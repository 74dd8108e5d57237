package io.samokoder.engine;

import io.samokoder.engine.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 25, F10: reports and the baseline are written whole or not at all, never in place. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aReaderNeverSeesHalfAReport() throws Exception {
        Path report = dir.resolve("out/r.sarif");
        byte[] a = new byte[4 << 20];
        byte[] b = new byte[4 << 20];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        ReportWriter.write(report, a);
        AtomicBoolean done = new AtomicBoolean();
        List<String> torn = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    byte[] seen = Files.readAllBytes(report);
                    if (!(Arrays.equals(seen, a) || Arrays.equals(seen, b))) {
                        synchronized (torn) {
                            torn.add(seen.length + " bytes");
                        }
                    }
                } catch (NoSuchFileException e) {
                    synchronized (torn) {
                        torn.add("missing");
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        reader.start();
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int i = 0; i < 40; i++) {
                ReportWriter.write(report, i % 2 == 0 ? b : a);
            }
        });
        done.set(true);
        reader.join();
        assertThat(torn).as("reads of a file being rewritten").isEmpty();
        try (Stream<Path> left = Files.list(report.getParent())) {
            assertThat(left).as("no temporary file left").containsExactly(report);
        }
    }

    @Test
    void aLinkAtTheTargetIsReplacedNotWrittenThrough() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("tree")).resolve("r.json"), outside);
        AtomicFiles.write(link, "{}".getBytes());
        assertThat(Files.readString(outside)).isEqualTo("keep");
        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(Files.readString(link)).isEqualTo("{}");
    }

    @Test
    void aWriteThatFailsLeavesNoTemporaryFileBehind() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("r.sarif"));
        assertThatThrownBy(() -> ReportWriter.write(folder, new byte[10])).isInstanceOf(AuditException.class)
                .hasMessage("cannot write " + folder + ": is a folder");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(folder);
        }
    }
}
