package io.samokoder.engine;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check audits files under any name the filesystem allows (issue 25, F2 and F3): a folder {@code a\b} once made
 * {@code secrets/weak-value} throw for the whole repository, and a folder whose name is not valid UTF-8 hid a
 * {@code .env} with AWS keys and had its compose file called binary.
 */
class HostilePathsTest {

    @TempDir
    Path root;

    private static final String COMPOSE = "services:\n  db:\n    image: postgres:16\n    environment:\n"
            + "      POSTGRES_PASSWORD: password\n";
    private static final String ENV = "AWS_ACCESS_KEY_ID=AKIAQ3EGRXMPLE7KQ2ZT\n"
            + "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY9\n";

    @BeforeEach
    void onLinux() {
        Assumptions.assumeTrue(java.io.File.separatorChar == '/', "names with a backslash or bytes that are not UTF-8");
    }

    private List<Finding> audit() {
        return new Auditor().run(AuditConfig.forRoot(root)).findings();
    }

    private static List<String> described(List<Finding> findings) {
        return findings.stream().map(f -> f.path() + ":" + f.line() + " " + f.ruleId()).toList();
    }

    @Test
    void aComposeFileUnderAFolderWithABackslashIsJudgedLikeAnyOther() throws Exception {
        Files.createDirectories(root.resolve("a\\b"));
        Files.writeString(root.resolve("a\\b/docker-compose.yml"), COMPOSE);
        Files.createDirectories(root.resolve("ok"));
        Files.writeString(root.resolve("ok/docker-compose.yml"), COMPOSE);
        List<String> found = described(audit());
        assertThat(found).contains("a\\b/docker-compose.yml:5 secrets/weak-value", "ok/docker-compose.yml:5 secrets/weak-value");
        assertThat(found).noneMatch(f -> f.contains("config/check-failed"));
    }

    @Test
    void filesUnderANameThatIsNotUtf8AreAudited() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "mkdir \"$(printf 'bad\\377')\"").directory(root.toFile()).start();
        assertThat(p.waitFor()).isZero();
        Path bad;
        try (var entries = Files.list(root)) {
            bad = entries.findFirst().orElseThrow();
        }
        Files.writeString(bad.resolve(".env"), ENV, StandardCharsets.UTF_8);
        Files.writeString(bad.resolve("docker-compose.yml"), COMPOSE, StandardCharsets.UTF_8);
        List<Finding> findings = audit();
        List<String> found = described(findings);
        assertThat(found).contains("bad\uFFFD/.env:1 secrets/known-token", "bad\uFFFD/.env:2 secrets/committed-env-file",
                "bad\uFFFD/docker-compose.yml:5 secrets/weak-value");
        assertThat(found).noneMatch(f -> f.contains("config/invalid-yaml") || f.contains("config/check-failed"));
        assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("wJalrXUtnFEMI"));
    }
}
