package io.samokoder.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class WorkspaceTest {

    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private List<String> paths(Workspace ws) {
        return ws.files().stream().map(SourceFile::path).toList();
    }

    @Test
    void honoursRootAndNestedGitignoreWithNegation() throws IOException {
        write(".gitignore", ".env\nbuild/\n*.log\n!keep.log\n");
        write("app/.gitignore", "secret.txt\n!/.env\n");
        write(".env", "A=1");
        write("app/.env", "B=2");
        write("app/secret.txt", "x");
        write("build/out.yml", "a: 1");
        write("debug.log", "x");
        write("keep.log", "x");
        write("docker-compose.yml", "services: {}");
        Workspace ws = Workspace.scan(root);
        assertThat(paths(ws)).containsExactly(".gitignore", "app/.env", "app/.gitignore", "docker-compose.yml", "keep.log");
        assertThat(ws.exists("build")).as("ignored folders are not part of the repository").isFalse();
        assertThat(ws.exists(".env")).isFalse();
    }

    @Test
    void configuredExcludesUseGitignoreSyntax() throws IOException {
        write("vendor/lib/compose.yml", "a: 1");
        write("src/a.md", "# a");
        write("src/b.md", "# b");
        Workspace ws = Workspace.scan(root, List.of("vendor/", "src/b.md"), Workspace.DEFAULT_MAX_FILE_SIZE);
        assertThat(paths(ws)).containsExactly("src/a.md");
        assertThat(ws.exists("src/b.md")).as("an excluded file still exists for link checks").isTrue();
    }

    @Test
    void largeFilesAreSkippedAndCounted() throws IOException {
        write("big.yml", "a: " + "x".repeat(2000));
        write("small.yml", "a: 1");
        Workspace ws = Workspace.scan(root, List.of(), 1000);
        assertThat(paths(ws)).containsExactly("small.yml");
        assertThat(ws.skipped()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("big.yml");
            assertThat(s.reason()).contains("larger than 1000 bytes");
        });
    }

    @Test
    void symlinkLoopsAndLinksOutsideAreNeverFollowed() throws IOException {
        write("docs/readme.md", "# hi");
        Files.createSymbolicLink(root.resolve("docs/loop"), root.resolve("docs"));
        Files.createSymbolicLink(root.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(root.resolve("passwd.yml"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("self"), root.resolve("self"));
        Files.createSymbolicLink(root.resolve("alias.md"), root.resolve("docs/readme.md"));
        Workspace ws = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Workspace.scan(root));
        assertThat(paths(ws)).containsExactly("alias.md", "docs/readme.md");
        assertThat(ws.skipped()).extracting(Workspace.Skipped::path).containsExactly("etc", "passwd.yml", "self");
        assertThat(ws.files()).allSatisfy(f -> assertThat(f.absolutePath().toRealPath()).startsWith(root.toRealPath()));
    }

    @Test
    void aNameHoldingABackslashKeepsItAndIsRead() throws IOException {
        // a backslash is a character of a Linux file name: "odd\name.env" is not the file "name.env" in "odd"
        org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.separatorChar == '/');
        Files.writeString(root.resolve("odd\\name.env"), "SECRET_KEY=from-the-odd-file\n");
        Files.createDirectories(root.resolve("odd"));
        Files.writeString(root.resolve("odd/name.env"), "SECRET_KEY=from-the-folder\n");
        Files.createDirectories(root.resolve("a\\b"));
        Files.writeString(root.resolve("a\\b/docker-compose.yml"), "services: {}\n");
        Workspace ws = Workspace.scan(root);
        assertThat(paths(ws)).containsExactly("a\\b/docker-compose.yml", "odd/name.env", "odd\\name.env");
        assertThat(ws.file("odd\\name.env").orElseThrow().text()).isEqualTo("SECRET_KEY=from-the-odd-file\n");
        assertThat(ws.file("odd/name.env").orElseThrow().text()).isEqualTo("SECRET_KEY=from-the-folder\n");
        assertThat(ws.isDirectory("a\\b")).isTrue();
        assertThat(ws.exists("a\\b/./docker-compose.yml")).isTrue();
        assertThat(Workspace.normalize("a\\b/../a\\b/./c")).isEqualTo("a\\b/c");
    }

    /** Runs {@code sh -c script} in the root: Java cannot spell a name that is not valid UTF-8, printf can. */
    private void shell(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void namesThatAreNotUtf8AreShownWithReplacementAndReadByTheirRealPath() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.separatorChar == '/');
        // a folder "bad\xff" with a compose file and a .env, and a file "caf\xe9.md" (Latin-1) at the root
        shell("d=$(printf 'bad\\377'); mkdir \"$d\" && printf 'services: {}\\n' > \"$d/docker-compose.yml\""
                + " && printf 'AWS_KEY=inside\\n' > \"$d/.env\" && printf '# T\\n' > \"$(printf 'caf\\351.md')\"");
        Workspace ws = Workspace.scan(root);
        assertThat(paths(ws)).containsExactly("bad\uFFFD/.env", "bad\uFFFD/docker-compose.yml", "caf\uFFFD.md");
        assertThat(ws.file("bad\uFFFD/.env").orElseThrow().text()).isEqualTo("AWS_KEY=inside\n");
        assertThat(ws.isBinary(ws.file("bad\uFFFD/docker-compose.yml").orElseThrow())).isFalse();
        assertThat(ws.file("bad\uFFFD/docker-compose.yml").orElseThrow().text()).isEqualTo("services: {}\n");
        assertThat(ws.file("caf\uFFFD.md").orElseThrow().text()).isEqualTo("# T\n");
        assertThat(ws.isDirectory("bad\uFFFD")).isTrue();
    }

    @Test
    void twoNamesShownAlikeAreStillTwoFilesParsedApart() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.separatorChar == '/');
        // "\xff" and "\xfe" both show as U+FFFD: neither file's parse may stand for the other's
        shell("for b in 376 377; do d=$(printf \"x\\\\$b\"); mkdir \"$d\" && printf \"K=$b\\\\n\" > \"$d/.env\"; done");
        Workspace ws = Workspace.scan(root);
        assertThat(paths(ws)).containsExactly("x\uFFFD/.env", "x\uFFFD/.env");
        AuditContext ctx = new AuditContext(ws, AuditConfig.forRoot(root));
        assertThat(ws.files()).extracting(f -> ctx.parsed(f, String.class, SourceFile::text))
                .containsExactlyInAnyOrder("K=376\n", "K=377\n");
    }

    @Test
    void caseInsensitiveMatchesListEveryPathOfTheSameLetters() throws IOException {
        write("README.md", "# a");
        write("readme.md", "# b");
        write("Docs/Guide.md", "# c");
        Workspace ws = Workspace.scan(root);
        assertThat(ws.caseInsensitiveMatches("ReadMe.md")).containsExactlyInAnyOrder("README.md", "readme.md");
        assertThat(ws.caseInsensitiveMatches("docs/guide.md")).containsExactly("Docs/Guide.md");
        assertThat(ws.caseInsensitiveMatches("docs")).containsExactly("Docs");
        assertThat(ws.caseInsensitiveMatches("missing.md")).isEmpty();
    }

    @Test
    void theParallelWalkHonoursIgnoreFilesAtEveryDepthAndGivesTheSameResultEachTime() throws IOException {
        // wide at the top (folders walked as parallel tasks), deep below (past the depth where the walk stops
        // forking), with ignore rules whose folders must be entered before any of their entries is tested
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            write("svc" + i + "/src/app.py", "x");
            write("svc" + i + "/build/out.bin", "x");
            expected.add("svc" + i + "/src/app.py");
        }
        write(".gitignore", "build/\n");
        String dir = "";
        for (int level = 0; level < 40; level++) {
            dir += "d" + level + "/";
            write(dir + "y.txt", "y");
            write(dir + "x.log", "x");
            expected.add(dir + "y.txt");
            if (level < 4 || level >= 29) {
                expected.add(dir + "x.log");
            }
            if (level == 4) {
                write(dir + ".gitignore", "*.log\n"); // ignores x.log here and below
                expected.add(dir + ".gitignore");
            }
            if (level == 29) {
                write(dir + ".gitignore", "!*.log\n"); // the deepest rule wins, as in git
                expected.add(dir + ".gitignore");
            }
        }
        expected.add(".gitignore");
        Workspace first = Workspace.scan(root);
        assertThat(paths(first)).containsExactlyElementsOf(expected.stream().sorted().toList());
        assertThat(first.allDirectoryPaths()).contains(dir.substring(0, dir.length() - 1))
                .doesNotContain("svc0/build");
        for (int run = 0; run < 5; run++) {
            Workspace again = Workspace.scan(root);
            assertThat(paths(again)).isEqualTo(paths(first));
            assertThat(List.copyOf(again.allFilePaths())).isEqualTo(List.copyOf(first.allFilePaths()));
            assertThat(List.copyOf(again.allDirectoryPaths())).isEqualTo(List.copyOf(first.allDirectoryPaths()));
            assertThat(again.skipped()).isEqualTo(first.skipped());
        }
    }

    @Test
    void invalidUtf8IsReplacedAndBomStripped() throws IOException {
        Files.write(root.resolve("bad.yml"), new byte[]{'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        Files.write(root.resolve("bom.yml"), new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', '1', '\r', '\n', 'b', ':', ' ', '2'});
        Workspace ws = Workspace.scan(root);
        SourceFile bad = ws.file("bad.yml").orElseThrow();
        assertThat(bad.text()).contains("\uFFFD");
        assertThat(bad.hadInvalidUtf8()).isTrue();
        SourceFile bom = ws.file("bom.yml").orElseThrow();
        assertThat(bom.text()).startsWith("a: 1");
        assertThat(bom.line(2)).isEqualTo("b: 2");
        assertThat(bom.line(1)).isEqualTo("a: 1");
        assertThat(bom.lineOf(bom.text().indexOf('b'))).isEqualTo(2);
    }

    @Test
    void binaryFilesAreDetectedLikeGit() throws IOException {
        Files.write(root.resolve("logo.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        write("a.txt", "text");
        Workspace ws = Workspace.scan(root);
        assertThat(ws.isBinary(ws.file("logo.png").orElseThrow())).isTrue();
        assertThat(ws.text(ws.file("logo.png").orElseThrow())).isEmpty();
        assertThat(ws.isBinary(ws.file("a.txt").orElseThrow())).isFalse();
    }

    @Test
    void unreadableFileIsSkippedNotThrown() throws IOException {
        write("locked.yml", "a: 1");
        Path p = root.resolve("locked.yml");
        p.toFile().setReadable(false, false);
        try {
            Workspace ws = Workspace.scan(root);
            if (Files.isReadable(p)) {
                return; // running as root: permissions do not apply
            }
            assertThat(ws.skipped()).extracting(Workspace.Skipped::path).contains("locked.yml");
        } finally {
            p.toFile().setReadable(true, false);
        }
    }

    @Test
    void caseInsensitiveLookupFindsTheRealSpelling() throws IOException {
        write("docs/Setup.md", "# s");
        Workspace ws = Workspace.scan(root);
        assertThat(ws.exists("docs/setup.md")).isFalse();
        assertThat(ws.caseInsensitiveMatches("docs/setup.md")).containsExactly("docs/Setup.md");
    }

    @Test
    void normalizeResolvesDotSegments() {
        assertThat(Workspace.normalize("./a/b/../c/./d.md")).isEqualTo("a/c/d.md");
        assertThat(Workspace.normalize("../x")).isEqualTo("../x");
        assertThat(Workspace.normalize("a/../../x")).isEqualTo("../x");
    }

    @Test
    void fifosAreReportedAsSkippedAndNeverOpened() throws Exception {
        write("docker-compose.yml", "services: {}");
        write(".gitignore", "ignored.pipe\n");
        Path fifo = root.resolve("pipe.yml");
        Path ignored = root.resolve("ignored.pipe");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString(), ignored.toString()).start().waitFor() == 0, "mkfifo");
        // opening a FIFO without a writer blocks: finishing at all proves the walk never opened it
        Workspace ws = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Workspace.scan(root));
        assertThat(paths(ws)).containsExactly(".gitignore", "docker-compose.yml");
        assertThat(ws.skipped()).containsExactly(
                new Workspace.Skipped("pipe.yml", io.samokoder.i18n.Text.of("engine.skipped.special")));
    }

    @Test
    void nameAndFolderOfRootAndNestedFiles() throws IOException {
        write("a.yml", "a: 1");
        write("x/y/b.md", "# b");
        Workspace ws = Workspace.scan(root);
        assertThat(ws.files()).extracting(SourceFile::name).containsExactly("a.yml", "b.md");
        assertThat(ws.files()).extracting(SourceFile::folder).containsExactly("", "x/y");
    }

    @Test
    void filePathsUnderAFolderAreExactlyItsFilesAtAnyDepth() throws IOException {
        write("rules/a.yml", "x");
        write("rules/sub/b.yml", "x");
        write("rules-old/c.yml", "x");
        write("rules.yml", "x");
        Workspace ws = Workspace.scan(root);
        assertThat(ws.filePathsUnder("rules")).containsExactly("rules/a.yml", "rules/sub/b.yml");
        assertThat(ws.filePathsUnder("./rules/sub/")).containsExactly("rules/sub/b.yml");
        assertThat(ws.filePathsUnder("")).hasSize(4);
        assertThat(ws.filePathsUnder("missing")).isEmpty();
    }

    @Test
    void scanOnceReadsWithoutKeepingWhileTextKeeps() throws IOException {
        write("app/main.py", "TOKEN = 'x'\n");
        write("bin/blob", "\0\0binary");
        Workspace ws = Workspace.scan(root);
        SourceFile py = ws.file("app/main.py").orElseThrow();
        assertThat(seen(ws, py).text()).contains("TOKEN = 'x'\n");
        assertThat(py.isTextCached()).isFalse();
        assertThat(ws.text(py)).contains("TOKEN = 'x'\n");
        assertThat(py.isTextCached()).isTrue();
        assertThat(seen(ws, ws.file("bin/blob").orElseThrow())).isNull();
    }

    /** What one scanOnce call saw. */
    private record Seen(String text, byte[] bytes) {
    }

    private static Seen seen(Workspace ws, SourceFile f) {
        return ws.scanOnce(f, c -> new Seen(c.text(),
                c.ascii() == null ? null : java.util.Arrays.copyOf(c.ascii(), c.length())));
    }

    @Test
    void scanOnceHandsOverTheBytesOnlyWhenTheyAreTheTextsCharacters() throws IOException {
        write("ascii.yml", "password: hunter2\n");
        write("utf8.md", "# Caf\u00e9\n");
        Files.write(root.resolve("bom.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n'});
        Files.write(root.resolve("bad.txt"), new byte[] {'a', (byte) 0x80, 'b'});
        write("bin/blob", "\0\0binary");
        write("empty.txt", "");
        Workspace ws = Workspace.scan(root);

        Seen ascii = seen(ws, ws.file("ascii.yml").orElseThrow());
        assertThat(ascii.text()).isEqualTo("password: hunter2\n");
        assertThat(ascii.bytes()).isEqualTo("password: hunter2\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(seen(ws, ws.file("utf8.md").orElseThrow())).isEqualTo(new Seen("# Caf\u00e9\n", null));
        assertThat(seen(ws, ws.file("bom.txt").orElseThrow())).isEqualTo(new Seen("a\n", null));
        assertThat(seen(ws, ws.file("bad.txt").orElseThrow())).isEqualTo(new Seen("a\uFFFDb", null));
        assertThat(seen(ws, ws.file("empty.txt").orElseThrow()).text()).isEmpty();
        assertThat(seen(ws, ws.file("bin/blob").orElseThrow())).isNull();
        assertThat(ws.file("ascii.yml").orElseThrow().isTextCached()).isFalse();

        // a cached text is handed over without bytes
        SourceFile cached = ws.file("ascii.yml").orElseThrow();
        ws.text(cached);
        assertThat(seen(ws, cached)).isEqualTo(new Seen("password: hunter2\n", null));
    }

    @Test
    void scanOnceReadsFilesOfAnySizeAndANestedScanKeepsTheOuterBytes() throws IOException {
        StringBuilder big = new StringBuilder();
        while (big.length() < 3 << 20) { // past the buffer a thread keeps (1 MB)
            big.append("line ").append(big.length()).append('\n');
        }
        write("big.txt", big.toString());
        String mid = big.substring(0, 100_000);
        write("mid.txt", mid);
        write("small.txt", "small\n");
        Workspace ws = Workspace.scan(root);
        for (String name : List.of("small.txt", "big.txt", "mid.txt", "small.txt", "mid.txt")) {
            Seen s = seen(ws, ws.file(name).orElseThrow());
            assertThat(new String(s.bytes(), StandardCharsets.US_ASCII)).as(name).isEqualTo(s.text())
                    .isEqualTo(Files.readString(root.resolve(name)));
        }
        String nested = ws.scanOnce(ws.file("mid.txt").orElseThrow(), c -> {
            Seen inner = seen(ws, ws.file("small.txt").orElseThrow());
            assertThat(inner.text()).isEqualTo("small\n");
            return new String(c.ascii(), 0, c.length(), StandardCharsets.US_ASCII);
        });
        assertThat(nested).isEqualTo(mid);
    }

    @Test
    void scanOnceOfAFileThatIsGoneIsNull() throws IOException {
        write("gone.txt", "x");
        Workspace ws = Workspace.scan(root);
        Files.delete(root.resolve("gone.txt"));
        assertThat(seen(ws, ws.file("gone.txt").orElseThrow())).isNull();
    }

    @Test
    void anAsciiFileIsSeenThroughItsBytesUntilItsTextIsAskedFor() throws IOException {
        write("a.txt", "key: value\n");
        write("u.txt", "caf\u00e9\n");
        Workspace ws = Workspace.scan(root);
        ws.scanOnce(ws.file("a.txt").orElseThrow(), c -> {
            CharSequence view = c.chars();
            assertThat(view).isNotInstanceOf(String.class);
            assertThat(view.length()).isEqualTo(11);
            assertThat(view.charAt(5)).isEqualTo('v');
            assertThat(view.subSequence(5, 10)).hasToString("value");
            assertThat(view.subSequence(0, 0)).hasToString("");
            assertThat(view).hasToString("key: value\n");
            assertThat(java.util.regex.Pattern.compile("v\\w+").matcher(view).results().map(r -> r.group()))
                    .containsExactly("value");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> view.charAt(11))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> view.subSequence(3, 12))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            String text = c.text();
            assertThat(c.chars()).isSameAs(text);
            return text;
        });
        String utf8 = ws.scanOnce(ws.file("u.txt").orElseThrow(), c -> {
            assertThat(c.ascii()).isNull();
            assertThat(c.chars()).isInstanceOf(String.class);
            return c.text();
        });
        assertThat(utf8).isEqualTo("caf\u00e9\n");
    }
}
