package io.samokoder.rules.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test against secretlint 13 with its recommended preset: every secret secretlint reports in the
 * fixtures, and in a generated tree holding one token of every kind, samokoder reports too (a secrets finding on the
 * same file and line).
 */
class SecretlintDifferentialTest {

    @TempDir
    Path temp;

    /** A secretlint finding: repository-relative path and 1-based line range. */
    record Hit(String path, int startLine, int endLine, String ruleId) {
    }

    private List<Hit> secretlint(Path dir) throws IOException {
        Path bin = ExternalTools.requireNpm("secretlint");
        Path rc = temp.resolve("secretlintrc.json");
        Files.writeString(rc, "{\"rules\":[{\"id\":\"@secretlint/secretlint-rule-preset-recommend\"}]}");
        ExternalTools.Result r = ExternalTools.run(List.of(bin.toString(), "--secretlintrc", rc.toString(),
                "--format", "json", "--no-color", "--no-maskSecrets", "**/*", "**/.*"), dir, Duration.ofMinutes(3));
        assertThat(r.exitCode()).as("secretlint exit code (0 clean, 1 found): " + r.stderr()).isIn(0, 1);
        JsonNode results = new ObjectMapper().readTree(r.stdout());
        List<Hit> hits = new ArrayList<>();
        for (JsonNode file : results) {
            String rel = dir.toRealPath().relativize(Path.of(file.path("filePath").asText()).toRealPath()).toString()
                    .replace('\\', '/');
            for (JsonNode m : file.path("messages")) {
                hits.add(new Hit(rel, m.path("loc").path("start").path("line").asInt(),
                        m.path("loc").path("end").path("line").asInt(), m.path("ruleId").asText()));
            }
        }
        return hits;
    }

    private static List<String> missed(List<Hit> hits, Map<String, AuditResult> resultsByPrefix) {
        List<String> missed = new ArrayList<>();
        for (Hit h : hits) {
            boolean found = false;
            for (Map.Entry<String, AuditResult> e : resultsByPrefix.entrySet()) {
                if (!h.path().startsWith(e.getKey())) {
                    continue;
                }
                String path = h.path().substring(e.getKey().length());
                for (Finding f : e.getValue().findings()) {
                    if (f.category() == Category.SECRETS && f.path().equals(path) && f.line() >= h.startLine()
                            && f.line() <= Math.max(h.startLine(), h.endLine())) {
                        found = true;
                        break;
                    }
                }
            }
            if (!found) {
                missed.add(h.path() + ":" + h.startLine() + " " + h.ruleId());
            }
        }
        return missed;
    }

    @Test
    void everySecretSecretlintFindsInTheFixturesWeFindToo() throws IOException {
        Path root = Fixtures.root();
        List<Hit> hits = secretlint(root).stream().filter(h -> !h.path().endsWith("expected.json")).toList();
        Map<String, AuditResult> results = new HashMap<>();
        for (Path fixture : Fixtures.all()) {
            results.put(fixture.getFileName() + "/", Fixtures.audit(fixture));
        }
        assertThat(hits).as("secretlint finds something in the fixtures").isNotEmpty();
        assertThat(missed(hits, results)).isEmpty();
    }

    @Test
    void everyTokenSecretlintFindsInAGeneratedTreeWeFindToo() throws IOException {
        Path tree = temp.resolve("tree");
        Files.createDirectories(tree.resolve("config"));
        for (long seed = 1; seed <= 3; seed++) {
            StringBuilder env = new StringBuilder("# generated\n");
            StringBuilder yaml = new StringBuilder("settings:\n");
            StringBuilder json = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<String, String> e : new TokenSamples(seed).lines().entrySet()) {
                String line = e.getValue();
                env.append(line).append('\n');
                if (!line.contains("\n")) {
                    yaml.append("  k").append(i).append(": \"").append(line.replace("\"", "'")).append("\"\n");
                }
                json.append("  \"k").append(i++).append("\": \"").append(line.replace("\"", "'").replace("\n", "\\n"))
                        .append("\",\n");
            }
            json.append("  \"end\": true\n}\n");
            Files.writeString(tree.resolve("tokens-" + seed + ".txt"), env, StandardCharsets.UTF_8);
            Files.writeString(tree.resolve("config/app-" + seed + ".yml"), yaml, StandardCharsets.UTF_8);
            Files.writeString(tree.resolve("config/sa-" + seed + ".json"), json, StandardCharsets.UTF_8);
        }
        List<Hit> hits = secretlint(tree);
        AuditResult ours = new Auditor().run(AuditConfig.forRoot(tree));
        assertThat(hits.size()).as("secretlint recognises most generated tokens").isGreaterThan(40);
        assertThat(missed(hits, Map.of("", ours))).isEmpty();
    }
}
