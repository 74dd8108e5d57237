package io.samokoder.model.settings;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aDoubleQuotedShellValueKeepsTheQuotesOfItsExpansion() {
        // "${X:-""}" is one string: the inner quotes belong to the expansion's default
        assertThat(FileSettings.unquoteShell("\"${POSTGRES_PASSWORD:-\"\"}\"")).isEqualTo("${POSTGRES_PASSWORD:-\"\"}");
        assertThat(FileSettings.unquoteShell("\"${A:-\"x\"}/${B}\" # note")).isEqualTo("${A:-\"x\"}/${B}");
        assertThat(FileSettings.unquoteShell("\"a\\\"b\"")).isEqualTo("a\\\"b");
        assertThat(FileSettings.unquoteShell("'${A:-\"x\"'")).isEqualTo("${A:-\"x\"");
        assertThat(FileSettings.unquoteShell("\"open")).isNull();
    }

    private List<Setting> settings(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        AuditContext context = new AuditContext(Workspace.scan(dir), AuditConfig.forRoot(dir));
        return FileSettings.of(context, context.workspace().file(path).orElseThrow()).settings();
    }

    @Test
    void anApiDescriptionsExamplesAreNotSettings() throws IOException {
        String paths = """
                paths:
                  /api/v1/add/mailbox:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              example:
                                password: example1
                              properties:
                                password:
                                  type: string
                                  x-example: example2
                            examples:
                              admin:
                                value:
                                  - password: example3
                components:
                  securitySchemes:
                    api_key:
                      name: X-API-Key
                """;
        assertThat(settings("docs/openapi.yaml", "openapi: 3.1.0\n" + paths)).extracting(Setting::value)
                .doesNotContain("example1", "example2", "example3").contains("X-API-Key");
        assertThat(settings("docs/swagger.yml", "swagger: \"2.0\"\n" + paths)).extracting(Setting::value)
                .doesNotContain("example1", "example2", "example3");
        // without the root key the same keys are an ordinary configuration's settings
        assertThat(settings("conf/app.yaml", "app: 1\n" + paths)).extracting(Setting::value)
                .contains("example1", "example2", "example3");
    }

    @Test
    void setupJavaInputsThatNameVariablesAreNotSettings() throws IOException {
        List<Setting> found = settings(".github/workflows/release.yml", """
                on: push
                jobs:
                  publish:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/setup-java@v4
                        with:
                          distribution: temurin
                          server-username: REPO_USERNAME
                          server-password: REPO_PASSWORD
                          gpg-passphrase: GPG_PASSPHRASE
                      - uses: example/deploy-action@v1
                        with:
                          server-password: deploy2024
                """);
        assertThat(found).extracting(Setting::name).contains("distribution")
                .doesNotContain("server-username", "gpg-passphrase");
        // the same input name of another action is a value
        assertThat(found).filteredOn(x -> x.name().equals("server-password")).extracting(Setting::value)
                .containsExactly("deploy2024");
        assertThat(ActionInputs.variableNameInputs("Actions/Setup-Java@0123abcd")).contains("server-password");
        assertThat(ActionInputs.variableNameInputs("./.github/actions/setup-java")).isEmpty();
    }

    @Test
    void aPackageManifestsDependencyTablesHoldPackagesNotSettings() throws IOException {
        List<Setting> cargo = settings("libs/auth/Cargo.toml", """
                [package]
                name = "auth"
                password_min = "x"

                [dependencies]
                jsonwebtoken = "8.3.0"
                secrecy = { version = "0.8", features = ["serde"] }

                [target.'cfg(unix)'.dev-dependencies]
                oauth2-token = "4.4"

                [workspace.dependencies.keyring]
                version = "2"

                [patch.crates-io]
                api-token = { git = "https://example.org/api-token" }

                [profile.release]
                lto = true
                """);
        assertThat(cargo).extracting(Setting::name).containsExactly("name", "password_min", "lto");
        List<Setting> pyproject = settings("pyproject.toml", """
                [tool.poetry.dependencies]
                python = "^3.11"
                pyjwt-token = "2.8"

                [tool.app]
                api_token = "abc"
                """);
        assertThat(pyproject).extracting(Setting::name).containsExactly("api_token");
    }

    @Test
    void aShellVariableTheScriptUsesAsANumberIsNoSetting() throws IOException {
        List<Setting> script = settings("vc-utils/keys.sh", """
                #!/usr/bin/env bash
                import_keys() {
                    if [ "$__pass" -eq 1 ]; then echo first; fi
                }
                __pass=1
                import_keys
                __pass=2
                retries=0
                while (( retries < 3 )); do retries=$((retries + 1)); done
                DB_PASS=1234
                ADMIN_PASS="7"
                """);
        assertThat(script).extracting(Setting::name).containsExactly("DB_PASS", "ADMIN_PASS");
    }
}
