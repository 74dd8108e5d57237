package io.samokoder.rules.secrets;

import io.samokoder.audit.Auditor;
import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A weak default passed to a program that never reads it (Caddy reads the variables its Caddyfile names). */
class UnreadVariablesTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private Finding passwordFinding() {
        return new Auditor().run(AuditConfig.forRoot(dir)).findings().stream()
                .filter(f -> f.ruleId().equals("secrets/weak-value") && f.message().startsWith("ADMIN_PASSWORD falls back"))
                .findFirst().orElseThrow();
    }

    private void compose(String extra) throws IOException {
        write("docker-compose.yml", """
                services:
                  caddy:
                    image: caddy:2.8.4
                    volumes:
                      - ./caddy:/etc/caddy
                """ + extra + """
                    environment:
                      - ADMIN_USER=${ADMIN_USER:-ops}
                      - ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}
                """);
    }

    @Test
    void infoWhenTheMountedCaddyfileNamesOtherVariables() throws IOException {
        compose("");
        write("caddy/Caddyfile", ":80 {\n  basic_auth { {$ADMIN_USER} {$ADMIN_PASSWORD_HASH} }\n}\n");
        Finding f = passwordFinding();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("never read: service caddy runs caddy", "caddy/Caddyfile");
    }

    @Test
    void highWhenAMountedFileNamesTheVariable() throws IOException {
        compose("");
        write("caddy/Caddyfile", ":80 {\n  import auth.caddy\n}\n");
        write("caddy/auth.caddy", "basic_auth { {$ADMIN_USER} {env.ADMIN_PASSWORD} }\n");
        assertThat(passwordFinding().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void highWhenTheCommandIsAShellOrTheConfigIsNotInTheRepository() throws IOException {
        compose("    command: sh -c 'caddy hash-password --plaintext \"$$ADMIN_PASSWORD\" > /tmp/h && caddy run'\n");
        write("caddy/Caddyfile", ":80 {\n  respond ok\n}\n");
        assertThat(passwordFinding().severity()).isEqualTo(Severity.HIGH);

        Files.delete(dir.resolve("caddy/Caddyfile"));
        compose("");
        write("caddy/README.md", "the Caddyfile is provisioned on the host\n");
        assertThat(passwordFinding().severity()).isEqualTo(Severity.HIGH);
    }
}
