package io.samokoder.run;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 25, part 2: the audited repository's own .samokoder.yml cannot reach outside the tree (F5, F6), cannot switch
 * on network access or name the file it writes (F6), and reports cannot share a path or land among the repository's
 * files (F14). The CI owner's sources can do what the file cannot.
 */
class RepositoryConfinementTest {

    @TempDir
    Path tmp;

    Path root;
    Path outside;
    final AuditService service = new AuditService();

    @BeforeEach
    void trees() throws IOException {
        root = Files.createDirectories(tmp.resolve("repo"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        write("docker-compose.yml", "services:\n  api:\n    image: nginx:1.27\n");
        write("README.md", "# App\n\nSee [the site](https://example.org/).\n");
        // a file outside the tree whose content must never show in an error
        Files.writeString(outside.resolve("shadow"), "root:$6$TOPSECRETHASH:19000:0:99999:7:::\n");
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private Verdict run(AuditRequest.Builder request) {
        return service.execute(request.build());
    }

    private static Source flags(Settings settings) {
        return Source.named("a flag", settings);
    }

    @Test
    void theRepositoryCannotSwitchOnTheOnlineCheckNorNameItsCache() throws IOException {
        write(".samokoder.yml", "options:\n  docs.online: true\n  docs.online.cache: /tmp/any\n");
        assertThatThrownBy(() -> run(AuditRequest.of(root))).hasMessage(
                "option docs.online can be set only by the CI owner (command line, POM or -D), not by"
                        + " .samokoder.yml:2: the audited repository does not decide on network access or the files it"
                        + " writes\n"
                        + "option docs.online.cache can be set only by the CI owner (command line, POM or -D), not by"
                        + " .samokoder.yml:3: the audited repository does not decide on network access or the files it"
                        + " writes");
        // the CI owner can; no link is requested here (example.org is illustrative and never requested)
        write(".samokoder.yml", "minScore: 0\n");
        Verdict v = run(AuditRequest.of(root).source(flags(Settings.builder()
                .options(java.util.Map.of("docs.online", "true")).build())));
        assertThat(v.result().rulesRun()).extracting(m -> m.id()).contains("docs/broken-external-link");
    }

    @Test
    void pathOptionsOfTheRepositoryStayInIt() throws IOException {
        write(".samokoder.yml", "options:\n  secrets.patterns: ../outside/shadow\n  secrets.weakValues: /etc/passwd\n"
                + "  alerting.fieldTypes: ok/types.yml\n");
        assertThatThrownBy(() -> run(AuditRequest.of(root))).hasMessage(
                "option secrets.patterns must name a file inside the repository, got '../outside/shadow'"
                        + " (.samokoder.yml:2)\n"
                        + "option secrets.weakValues must name a file inside the repository, got '/etc/passwd'"
                        + " (.samokoder.yml:3)");
    }

    @Test
    void aBaselineOrSuppressionsFileOfTheRepositoryCannotLeaveItNorEchoWhatItPointsAt() throws IOException {
        write(".samokoder.yml", "baseline: ../outside/shadow\n");
        assertThatThrownBy(() -> run(AuditRequest.of(root)))
                .hasMessageContaining("baseline must be a path inside the repository")
                .hasMessageNotContaining("TOPSECRET");
        // a link inside the tree is not followed out of it
        Files.createSymbolicLink(root.resolve("baseline.json"), outside.resolve("shadow"));
        write(".samokoder.yml", "baseline: baseline.json\n");
        assertThatThrownBy(() -> run(AuditRequest.of(root)))
                .hasMessageStartingWith("cannot read baseline " + root.resolve("baseline.json"))
                .hasMessageNotContaining("TOPSECRET").hasMessageNotContaining("root:");
        Files.createSymbolicLink(root.resolve("conf"), outside);
        Files.writeString(outside.resolve("s.yml"), "suppressions:\n  - rule: '*'\n    reason: everything\n");
        write(".samokoder.yml", "suppressions: conf/s.yml\n");
        assertThatThrownBy(() -> run(AuditRequest.of(root)))
                .hasMessageStartingWith("cannot read suppressions file " + root.resolve("conf/s.yml"));
        // the CI owner may name a file anywhere
        write(".samokoder.yml", "minScore: 0\n");
        Files.writeString(outside.resolve("baseline.json"), "{\"findings\": []}\n");
        Verdict v = run(AuditRequest.of(root).source(flags(Settings.builder()
                .baseline(outside.resolve("baseline.json")).build())));
        assertThat(v.notes()).anyMatch(n -> n.startsWith("samokoder: baseline: 0 findings accepted"));
    }

    @Test
    void outputsCannotShareAPathNorLandAmongTheRepositorysFiles() throws IOException {
        Path x = outside.resolve("x");
        assertThatThrownBy(() -> run(AuditRequest.of(root).outputs(new Outputs(x, x, null, null))))
                .hasMessage("sarif and json both name " + x + ": each output needs its own file");
        String compose = Files.readString(root.resolve("docker-compose.yml"));
        assertThatThrownBy(() -> run(AuditRequest.of(root).outputs(new Outputs(null,
                root.resolve("docker-compose.yml"), null, null)))).hasMessage("json " + root.resolve(
                "docker-compose.yml") + " lies inside the audited folder, outside its build folders (target/, build/):"
                + " it would overwrite a file of the repository; write it under target/ or outside the folder");
        assertThat(root.resolve("docker-compose.yml")).hasContent(compose.strip());
        Verdict v = run(AuditRequest.of(root).outputs(new Outputs(root.resolve("target/samokoder/r.sarif"),
                root.resolve("module/out/r.json"), null, null)).buildFolder(root.resolve("module/out")));
        assertThat(v.written()).containsExactly(root.resolve("target/samokoder/r.sarif"),
                root.resolve("module/out/r.json"));
        assertThat(root.resolve("target/samokoder/r.sarif")).isRegularFile();
    }

    @Test
    void onlyTheCiOwnerAcceptsACheckThatCouldNotFinish() {
        AuditRequest.Builder spent = AuditRequest.of(root).timeBudget(java.time.Duration.ofNanos(1));
        Verdict closed = run(spent);
        assertThat(closed.passed()).isFalse();
        assertThat(closed.failsBuild()).isTrue();
        assertThat(closed.gate().reasons().get(0)).endsWith("could not finish (config/check-failed;"
                + " failOnCheckError=false accepts that)");
        Verdict open = run(AuditRequest.of(root).timeBudget(java.time.Duration.ofNanos(1)).failOnCheckError(false));
        assertThat(open.passed()).isTrue();
        assertThat(List.of(open.result().findings().stream().map(f -> f.ruleId()).distinct().toArray()))
                .containsExactly("config/check-failed");
    }
}
