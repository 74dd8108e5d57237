package io.samokoder.engine.report;

import io.samokoder.engine.RuleRegistry;
import io.samokoder.testing.ExternalTools;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md is generated from rule metadata; this test fails when someone changes a rule and not the docs. */
class RuleReferenceTest {

    @Test
    void committedReferenceMatchesTheRules() throws IOException {
        String generated = RuleReference.markdown(RuleRegistry.load());
        Path file = ExternalTools.repoRoot().resolve("docs/rules.md");
        if (Boolean.getBoolean("samokoder.updateDocs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(file).as("docs/rules.md (regenerate with -Dsamokoder.updateDocs=true)").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(generated);
        assertThat(generated).contains("config/invalid-yaml").contains("## config")
                .contains("| `docs.online` | boolean | `false` |").contains("config/unused-suppression");
    }

    @Test
    void anchorsAreGithubSlugs() {
        assertThat(RuleReference.anchor("config/invalid-yaml")).isEqualTo("configinvalid-yaml");
    }
}
