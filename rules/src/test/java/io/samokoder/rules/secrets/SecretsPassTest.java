package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.settings.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsPassTest {

    @TempDir
    Path dir;

    @Test
    void readsEachFileOnceFindsTokensAndSettingsAndKeepsNoText() throws IOException {
        String token = new TokenSamples(3).lines().get("github-pat");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/settings.py"), "import os\n\nDB_PASSWORD = 'postgres'\nGH = '" + token + "'\n");
        Files.writeString(dir.resolve("app/util.js"), "const x = 1;\n");
        Workspace ws = Workspace.scan(dir);
        AuditContext context = new AuditContext(ws, AuditConfig.forRoot(dir));

        SecretsPass pass = SecretsPass.of(context);

        assertThat(pass.tokens()).singleElement().satisfies(t -> {
            assertThat(t.file().path()).isEqualTo("app/settings.py");
            assertThat(t.hits()).singleElement().satisfies(h -> {
                assertThat(h.line()).isEqualTo(4);
                assertThat(h.column()).isEqualTo(("GH = '" + token).indexOf(h.secret()) + 1);
                assertThat(token).contains(h.secret());
            });
        });
        SourceFile py = ws.file("app/settings.py").orElseThrow();
        assertThat(FileSettings.of(context, py).settings()).extracting(Setting::name).contains("DB_PASSWORD");
        assertThat(ws.files()).noneMatch(SourceFile::isTextCached);
    }
}
