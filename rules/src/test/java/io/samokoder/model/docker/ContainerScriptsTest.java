package io.samokoder.model.docker;

import io.samokoder.model.Location;
import io.samokoder.testing.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which repository scripts run inside the repository's containers, and which only on the host. */
class ContainerScriptsTest {

    @TempDir
    Path dir;

    private void write(String path, String text) {
        new TempRepo(dir).file(path, text);
    }

    private ContainerScripts scripts() throws IOException {
        return ContainerScripts.of(new TempRepo(dir).context());
    }

    @Test
    void anEntrypointAnImageCopiesByNameRunsInTheContainerAHostScriptDoesNot() throws IOException {
        write("docker/app/Dockerfile", """
                FROM alpine:3.20
                COPY ["docker-entrypoint.sh", "/usr/bin/"]
                ENTRYPOINT ["/usr/bin/docker-entrypoint.sh"]
                """);
        write("docker/app/docker-entrypoint.sh", "#!/bin/sh\nDB_PASS=${DB_PASSWORD:-\"app\"}\nexec \"$@\"\n");
        write("scripts/backup.sh", "#!/bin/sh\nPGPASSWORD=${DB_PASSWORD:-app} pg_dump app\n");
        ContainerScripts s = scripts();
        assertThat(s.runInContainer("docker/app/docker-entrypoint.sh")).contains(
                new Location("docker/app/Dockerfile", 2, 1));
        assertThat(s.runInContainer("scripts/backup.sh")).isEmpty();
    }

    @Test
    void aScriptTheProcessReachesThroughACopiedFolderRunsInTheContainerItsNeighboursDoNot() throws IOException {
        write("compose.yaml", """
                services:
                  api:
                    build: .
                """);
        write("Dockerfile", """
                FROM python:3.12-slim
                WORKDIR /app
                COPY . .
                CMD ["sh", "-c", "./bin/start.sh"]
                """);
        write("bin/start.sh", "#!/bin/sh\n. ./bin/env.sh\nexec gunicorn app:app\n");
        write("bin/env.sh", "#!/bin/sh\nexport DB_PASSWORD=${DB_PASSWORD:-app}\n");
        write("bin/release.sh", "#!/bin/sh\ndocker push acme/api:${TAG:-latest}\n");
        ContainerScripts s = scripts();
        assertThat(s.runInContainer("bin/start.sh")).isPresent();
        assertThat(s.runInContainer("bin/env.sh")).isPresent(); // sourced by the script the container runs
        // copied with the whole folder, but nothing the container runs names it: the operator runs it on the host
        assertThat(s.runInContainer("bin/release.sh")).isEmpty();
    }
}
