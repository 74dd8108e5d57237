package io.samokoder.model.render;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.samokoder.model.render.ConfigRendering.Program.ALERTMANAGER;
import static io.samokoder.model.render.ConfigRendering.Program.PROMETHEUS;
import static io.samokoder.model.render.ConfigRendering.Reading.LITERAL;
import static io.samokoder.model.render.ConfigRendering.Reading.NOT_READ;
import static io.samokoder.model.render.ConfigRendering.Reading.SUBSTITUTED;
import static io.samokoder.model.render.ConfigRendering.Reading.TEMPLATE;
import static io.samokoder.model.render.ConfigRendering.Reading.UNFOLLOWED;
import static org.assertj.core.api.Assertions.assertThat;

/** How a config reaches its program, on small repositories written in each test. */
class ConfigRenderingTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private ConfigRendering rendering(ConfigRendering.Program program) throws IOException {
        AuditContext ctx = new AuditContext(Workspace.scan(repo), AuditConfig.forRoot(repo));
        return ConfigRendering.of(ctx, program);
    }

    @Test
    void copyThenSedInPlaceIsFollowedBackToTheMountedTemplate() throws IOException {
        write("docker-compose.yml", """
                services:
                  alertmanager:
                    image: prom/alertmanager:v0.27.0
                    entrypoint: ["/bin/sh", "-c"]
                    command:
                      - |
                        cp /config/am.yml /tmp/am.yml
                        sed -i "s|\\${TOKEN}|$$TOKEN|g" /tmp/am.yml
                        exec /bin/alertmanager --config.file=/tmp/am.yml
                    volumes:
                      - ./am:/config:ro
                """);
        write("am/am.yml", "route: {receiver: r}\n");
        ConfigRendering r = rendering(ALERTMANAGER);
        assertThat(r.reading("am/am.yml", false, "TOKEN").reading()).isEqualTo(SUBSTITUTED);
        assertThat(r.reading("am/am.yml", false, "OTHER").reading()).isEqualTo(LITERAL);
        assertThat(r.rendersOf("am/am.yml")).singleElement().extracting(ConfigRendering.Render::tool).isEqualTo("sed");
    }

    @Test
    void aComposeEntrypointDropsTheImagesCommandSoTheDefaultPathIsRead() throws IOException {
        // entrypoint without command: the image's CMD (with its --config.file) is not passed
        write("docker-compose.yml", """
                services:
                  alertmanager:
                    image: prom/alertmanager:v0.27.0
                    entrypoint: /bin/alertmanager
                    volumes:
                      - ./alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro
                      - ./other.yml:/etc/alertmanager/other.yml:ro
                """);
        write("alertmanager.yml", "route: {receiver: r}\n");
        write("other.yml", "route: {receiver: r}\n");
        ConfigRendering r = rendering(ALERTMANAGER);
        assertThat(r.loadedAsIs()).containsExactly("alertmanager.yml");
        ConfigRendering.Verdict other = r.reading("other.yml", false, "X");
        assertThat(other.reading()).isEqualTo(NOT_READ);
        assertThat(other.reason()).contains("/etc/alertmanager/other.yml").contains("reads /etc/alertmanager/alertmanager.yml");
        assertThat(r.reading("other.yml", true, "X").reading()).isEqualTo(TEMPLATE);
    }

    @Test
    void aConfigPathChosenAtRunTimeIsNotFollowed() throws IOException {
        write("docker-compose.yml", """
                services:
                  prometheus:
                    image: prom/prometheus:v2.53.0
                    entrypoint: ["/bin/sh", "/start.sh"]
                    volumes:
                      - ./start.sh:/start.sh:ro
                      - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro
                """);
        write("start.sh", "#!/bin/sh\nexec prometheus --config.file=\"$PROM_CONFIG\"\n");
        write("prometheus.yml", "scrape_configs: []\n");
        ConfigRendering.Verdict v = rendering(PROMETHEUS).reading("prometheus.yml", false, "X");
        assertThat(v.reading()).isEqualTo(UNFOLLOWED);
        assertThat(v.reason()).contains("passes a config path chosen at run time (`$PROM_CONFIG`)");
    }

    @Test
    void aDockerfileNoComposeFileUsesIsFollowedAsTheImageItBuilds() throws IOException {
        write("Dockerfile", """
                FROM alpine:3.20
                RUN apk add --no-cache gettext prometheus
                COPY prometheus_template.yml /etc/prometheus/prometheus_template.yml
                COPY scripts/run.sh /usr/bin/run.sh
                ENTRYPOINT ["/usr/bin/run.sh"]
                CMD ["--config.file=/etc/prometheus/prometheus.yml"]
                """);
        write("scripts/run.sh", """
                #!/bin/sh
                envsubst < /etc/prometheus/prometheus_template.yml > /etc/prometheus/prometheus.yml
                /usr/bin/prometheus "$@"
                """);
        write("prometheus_template.yml", "scrape_configs: []\n");
        ConfigRendering r = rendering(PROMETHEUS);
        assertThat(r.reading("prometheus_template.yml", false, "X").reading()).isEqualTo(SUBSTITUTED);
        assertThat(r.rendersOf("prometheus_template.yml")).singleElement().satisfies(x -> {
            assertThat(x.who()).isEqualTo("the image built from Dockerfile");
            assertThat(x.env().supply("X")).isEqualTo(ConfigRendering.Supply.UNKNOWN);
            assertThat(x.toolAdded()).isTrue();
        });
    }

    @Test
    void aConfigNoContainerHasIsJudgedByItsName() throws IOException {
        write("docs/alertmanager.yml", "route: {receiver: r}\n");
        ConfigRendering r = rendering(ALERTMANAGER);
        assertThat(r.reading("docs/alertmanager.yml", false, "X").reading()).isEqualTo(LITERAL);
        assertThat(r.reading("docs/alertmanager.yml.tmpl", true, "X").reading()).isEqualTo(TEMPLATE);
    }

    @Test
    void aRewriteOfAnotherFileDoesNotHideAConfigReadAsItIs() throws IOException {
        write("docker-compose.yml", """
                services:
                  alertmanager:
                    image: prom/alertmanager:v0.27.0
                    entrypoint: ["/bin/sh", "-c"]
                    command:
                      - |
                        awk '{print}' /etc/hosts > /tmp/hosts
                        exec /bin/alertmanager --config.file=/etc/alertmanager/alertmanager.yml
                    volumes:
                      - ./alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro
                """);
        write("alertmanager.yml", "route: {receiver: r}\n");
        assertThat(rendering(ALERTMANAGER).reading("alertmanager.yml", false, "X").reading()).isEqualTo(LITERAL);
    }
}
