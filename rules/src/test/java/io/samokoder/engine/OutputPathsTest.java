package io.samokoder.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 25, F14: outputs that would keep one report silently or overwrite the audited repository's files. */
class OutputPathsTest {

    @TempDir
    Path tmp;

    private static Map<String, Path> outputs(Object... nameAndPath) {
        Map<String, Path> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndPath.length; i += 2) {
            m.put((String) nameAndPath[i], (Path) nameAndPath[i + 1]);
        }
        return m;
    }

    @Test
    void twoOutputsOnOnePathAreAnError() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path x = tmp.resolve("out/x");
        assertThatThrownBy(() -> OutputPaths.check(repo, List.of(), outputs("--sarif", x, "--json",
                tmp.resolve("out/../out/x")))).isInstanceOf(AuditException.class)
                .hasMessage("--sarif and --json both name " + tmp.resolve("out/../out/x") + ": each output needs its own"
                        + " file");
        Files.createDirectories(tmp.resolve("out"));
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), tmp.resolve("out"));
        assertThatThrownBy(() -> OutputPaths.check(repo, List.of(), outputs("--sarif", x, "--junit",
                alias.resolve("x")))).hasMessageStartingWith("--sarif and --junit both name");
    }

    @Test
    void anOutputInsideTheTreeOutsideTheBuildFoldersIsAnError() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("docker-compose.yml"), "services: {}\n");
        assertThatThrownBy(() -> OutputPaths.check(repo, List.of(), outputs("--json",
                repo.resolve("docker-compose.yml")))).isInstanceOf(AuditException.class)
                .hasMessage("--json " + repo.resolve("docker-compose.yml") + " lies inside the audited folder, outside"
                        + " its build folders (target/, build/): it would overwrite a file of the repository; write it"
                        + " under target/ or outside the folder");
        // reached through a link to the tree from outside it
        Path outsideLink = Files.createSymbolicLink(tmp.resolve("to-repo"), repo);
        assertThatThrownBy(() -> OutputPaths.check(repo, List.of(), outputs("--report", outsideLink.resolve("a.md"))))
                .hasMessageContaining("lies inside the audited folder, outside its build folders");
        assertThatThrownBy(() -> OutputPaths.check(repo, List.of(), outputs("--report", repo.resolve("target"))))
                .as("the build folder itself").hasMessageContaining("outside its build folders");
    }

    @Test
    void buildFoldersAndOutsideAreFine() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        assertThatCode(() -> OutputPaths.check(repo, List.of(repo.resolve("module/out")), outputs(
                "--sarif", repo.resolve("target/samokoder/r.sarif"), "--json", repo.resolve("build/r.json"),
                "--junit", repo.resolve("module/out/TEST-samokoder.xml"), "--report", tmp.resolve("report.html"),
                "unused", null))).doesNotThrowAnyException();
    }

    @Test
    void aLinkInsideTheTreeCannotCarryAReportOut() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(repo.resolve("target"), elsewhere);
        assertThatThrownBy(() -> OutputPaths.check(repo, List.of(), outputs("--sarif",
                repo.resolve("target/samokoder/r.sarif")))).isInstanceOf(AuditException.class)
                .hasMessage("--sarif " + repo.resolve("target/samokoder/r.sarif") + " lies inside the audited folder"
                        + " behind the symbolic link target: write it outside the folder or under a build folder that"
                        + " is no link");
    }
}
