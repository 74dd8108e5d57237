package io.samokoder.model.environments;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the repository's deployments pass to programs. */
class DeployedVariablesTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private DeployedVariables variables() throws IOException {
        return DeployedVariables.of(new AuditContext(Workspace.scan(dir), AuditConfig.forRoot(dir)));
    }

    @Test
    void composeEnvironmentEnvFilesAndTheirTemplates() throws IOException {
        write("compose.yaml", "services:\n  web:\n    build: .\n    environment:\n      SQL_PASSWORD: ${SQL_PASSWORD}\n"
                + "    env_file:\n      - ./web.env\n      - ./.env.prod\n");
        write("web.env", "SMTP_PASSWORD=x\n");
        write(".env.prod-sample", "SECRET_KEY=\n");
        DeployedVariables v = variables();
        assertThat(v.passes("SQL_PASSWORD")).get().extracting(Evidence::text).isEqualTo(
                "compose.yaml:5 passes it to service web");
        assertThat(v.passes("SMTP_PASSWORD")).isPresent();
        assertThat(v.passes("SECRET_KEY")).get().extracting(Evidence::says).asString()
                .contains("written from .env.prod-sample");
        assertThat(v.passes("REDIS_PASSWORD")).isEmpty();
    }

    @Test
    void kubernetesEnvNamesAndSecretKeysButNotContainerNames() throws IOException {
        write("k8s/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: orders
                          env:
                            - name: CONFIG_SERVER_PWD
                              valueFrom:
                                secretKeyRef: {name: creds, key: pwd}
                """);
        write("k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n  KEYCLOAK_ADMIN_PASSWORD: x\n");
        write("notes.yaml", "items:\n  - name: GITHUB_TOKEN\n");
        DeployedVariables v = variables();
        assertThat(v.passes("CONFIG_SERVER_PWD")).get().extracting(Evidence::line).isEqualTo(9);
        assertThat(v.passes("KEYCLOAK_ADMIN_PASSWORD")).isPresent();
        assertThat(v.passes("orders")).isEmpty();
        assertThat(v.passes("GITHUB_TOKEN")).isEmpty(); // not a manifest
    }

    @Test
    void springRelaxedBinding() {
        assertThat(DeployedVariables.springVariable("spring.datasource.password"))
                .isEqualTo("SPRING_DATASOURCE_PASSWORD");
        assertThat(DeployedVariables.springVariable("keycloak.admin-password")).isEqualTo("KEYCLOAK_ADMINPASSWORD");
    }
}
