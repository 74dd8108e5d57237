package io.samokoder.workspace;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.audit.Suppressions;
import io.samokoder.rules.config.InvalidYamlRule;
import io.samokoder.rules.config.SkippedFileRule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files the audit opens by a name (issue 25, F9 and F15): a baseline that is a FIFO used to hang the audit forever (a
 * FIFO without a writer blocks whoever opens it: finishing proves it was never opened), an 88 MB {@code .gitignore}
 * was parsed whole. Only regular files are opened, up to a size limit, and not through a link inside the repository.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a FIFO opened by mistake would block: fail rather than hang
class BoundedFilesTest {

    @TempDir
    Path root;

    private Path fifo(String rel) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0, "mkfifo");
        return p;
    }

    @Test
    void onlyARegularFileWithinTheLimitIsRead() throws Exception {
        Path ok = Files.writeString(root.resolve("ok.json"), "{}");
        assertThat(BoundedFiles.read(ok, 2, root)).hasSize(2);
        assertThatThrownBy(() -> BoundedFiles.read(ok, 1, root)).hasMessageContaining("larger than 1 bytes (2)");
        Path pipe = fifo("pipe.json");
        assertThatThrownBy(() -> BoundedFiles.read(pipe, 100, root))
                .hasMessageContaining("not a regular file (FIFO, socket or device)");
        assertThatThrownBy(() -> BoundedFiles.read(pipe, 100, null)).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> BoundedFiles.read(root, 100, null)).hasMessageContaining("a folder, not a file");
    }

    @Test
    void insideTheRepositoryNoLinkIsFollowedOutsideACiOwnersPathMayBeOne(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.json"), "{\"findings\":[]}");
        Files.createSymbolicLink(root.resolve("link.json"), secret);
        Files.createSymbolicLink(root.resolve("dir"), outside);
        assertThatThrownBy(() -> BoundedFiles.read(root.resolve("link.json"), 100, root))
                .hasMessageContaining("a symbolic link inside the repository");
        assertThatThrownBy(() -> BoundedFiles.read(root.resolve("dir/secret.json"), 100, root))
                .hasMessageContaining("a folder of its path is a symbolic link");
        assertThat(BoundedFiles.read(root.resolve("link.json"), 100, null)).hasSize(15);
    }

    private AuditResult audit(AuditConfig config) {
        return new Auditor(List.of(new InvalidYamlRule(), new SkippedFileRule())).run(config);
    }

    @Test
    void aBaselineOrSuppressionsFileThatIsAFifoIsAnErrorNotAHang() throws Exception {
        Files.writeString(root.resolve("docker-compose.yml"), "services: {}\n");
        Path baseline = fifo("baseline.json");
        assertThatThrownBy(() -> audit(AuditConfig.forRoot(root).baseline(baseline)))
                .isInstanceOf(AuditException.class)
                .hasMessage("cannot read baseline " + baseline + ": not a regular file (FIFO, socket or device)");
        fifo(Suppressions.DEFAULT_FILE);
        assertThatThrownBy(() -> audit(AuditConfig.forRoot(root)))
                .isInstanceOf(AuditException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void aBaselineThatIsNotJsonIsNamedNotQuoted(@TempDir Path ci) throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), "services: {}\n");
        Path shadowLike = Files.writeString(ci.resolve("shadow"), "root:$6$secret-hash:19000:0:99999:7:::\n");
        assertThatThrownBy(() -> audit(AuditConfig.forRoot(root).baseline(shadowLike)))
                .isInstanceOf(AuditException.class)
                .hasMessage("baseline " + shadowLike + " is not valid JSON (line 1, column 6)")
                .message().doesNotContain("root").doesNotContain("secret-hash");
        Path big = ci.resolve("big.json");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(BoundedFiles.MAX_BASELINE + 1); // sparse
        }
        assertThatThrownBy(() -> audit(AuditConfig.forRoot(root).baseline(big)))
                .hasMessageContaining("larger than " + BoundedFiles.MAX_BASELINE + " bytes");
    }

    @Test
    void aGitignoreLargerThanTheFileLimitIsNeitherParsedNorApplied() throws IOException {
        long limit = 64 * 1024;
        StringBuilder big = new StringBuilder("secret.env\n");
        while (big.length() <= limit) {
            big.append("# padding line of a hostile ignore file\n");
        }
        Files.writeString(root.resolve(".gitignore"), big);
        Files.writeString(root.resolve("secret.env"), "API_TOKEN=x\n");
        Workspace ws = Workspace.scan(root, List.of(), limit);
        assertThat(ws.files()).extracting(SourceFile::path).containsExactly("secret.env");
        assertThat(ws.skipped()).extracting(Workspace.Skipped::path, Workspace.Skipped::reason).contains(
                org.assertj.core.groups.Tuple.tuple(".gitignore", ".gitignore not applied: larger than " + limit
                        + " bytes (" + big.toString().getBytes(StandardCharsets.UTF_8).length + ")"));
    }

    @Test
    void ignorePatternsAPathIsTestedAgainstAreBounded() throws IOException {
        // the root's file is applied; a nested one that would take a path past the bound is not
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < Workspace.MAX_IGNORE_PATTERNS - 10; i++) {
            many.append("generated-").append(i).append(".txt\n");
        }
        Files.writeString(root.resolve(".gitignore"), many + "root-ignored.env\n");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/.gitignore"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nsub-ignored.env\n");
        Files.writeString(root.resolve("root-ignored.env"), "A=1\n");
        Files.writeString(root.resolve("sub/sub-ignored.env"), "A=1\n");
        Workspace ws = Workspace.scan(root);
        assertThat(ws.files()).extracting(SourceFile::path).contains("sub/sub-ignored.env")
                .doesNotContain("root-ignored.env");
        assertThat(ws.skipped()).anySatisfy(s -> {
            assertThat(s.path()).isEqualTo("sub/.gitignore");
            assertThat(s.reason()).isEqualTo("its 12 ignore patterns and the 4991 of its parent folders are more than"
                    + " the " + Workspace.MAX_IGNORE_PATTERNS + " a path is tested against; not applied");
        });
    }
}
