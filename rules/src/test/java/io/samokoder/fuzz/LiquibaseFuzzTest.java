package io.samokoder.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;
import io.samokoder.model.migrations.LiquibaseProject;
import io.samokoder.model.migrations.XmlTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquibase changelogs (XML through the hardened SAX parser, YAML, JSON, formatted SQL) on arbitrary bytes: the same
 * bytes as {@code db.changelog-master.xml|yaml|json|sql} in a workspace, loaded as the rules load them. External
 * entities must never be resolved (seed {@code xxe}). Seeds: {@code LiquibaseFuzzTestInputs/load/}.
 */
class LiquibaseFuzzTest {

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
        String text = new String(input, StandardCharsets.UTF_8);
        Bounded.run("Liquibase", () -> {
            XmlTree tree = XmlTree.parse(text);
            if (tree.error() != null) {
                Bounded.assertOneLine(tree.error());
            }
            if (tree.root() != null) {
                tree.root().walk(e -> assertThat(e.text()).doesNotContain("root:x:0:0"));
            }
            try {
                for (String ext : new String[] {"xml", "yaml", "json", "sql"}) {
                    Files.write(dir.resolve("db.changelog-master." + ext), input);
                }
                Workspace ws = Workspace.scan(dir);
                LiquibaseProject project = LiquibaseProject.of(new AuditContext(ws, AuditConfig.forRoot(dir)));
                project.changelogs().forEach(c -> assertThat(c).isNotNull());
                project.inputs();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
