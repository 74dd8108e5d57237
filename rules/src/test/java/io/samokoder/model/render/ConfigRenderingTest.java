package io.samokoder.model.render;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;
import io.samokoder.i18n.Text;
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
        assertThat(v.reasonText().render(Text.RUSSIAN))
                .endsWith("а там путь к конфигу задаётся только при запуске (`$PROM_CONFIG`)");
    }

    @Test
    void anUnfollowedRewriteIsExplainedInEveryLanguage() throws IOException {
        write("docker-compose.yml", """
                services:
                  prometheus:
                    image: prom/prometheus:v2.53.0
                    entrypoint: ["/bin/sh", "-c"]
                    command:
                      - |
                        awk '{print}' /etc/prometheus/prometheus.yml.src > /etc/prometheus/prometheus.yml
                        exec /bin/prometheus --config.file=/etc/prometheus/prometheus.yml
                    volumes:
                      - ./prometheus.yml:/etc/prometheus/prometheus.yml.src:ro
                """);
        write("prometheus.yml", "scrape_configs: []\n");
        ConfigRendering.Verdict v = rendering(PROMETHEUS).reading("prometheus.yml", false, "X");
        assertThat(v.reading()).isEqualTo(UNFOLLOWED);
        assertThat(v.reason()).isEqualTo("service `prometheus` (docker-compose.yml) has it at"
                + " /etc/prometheus/prometheus.yml.src and runs awk in docker-compose.yml:4 (a rewrite this tool does"
                + " not follow), which writes /etc/prometheus/prometheus.yml");
        assertThat(v.reasonText().fallsBack(Text.RUSSIAN)).isFalse();
        assertThat(v.reasonText().render(Text.RUSSIAN)).isEqualTo("сервис `prometheus` (`docker-compose.yml`): файл"
                + " лежит в `/etc/prometheus/prometheus.yml.src`, а там `docker-compose.yml:4` запускает `awk` (эту"
                + " перезапись проверка не разбирает), и этот шаг пишет `/etc/prometheus/prometheus.yml`");
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

    @Test
    void aRunOfTheImageBuildRendersTheCopiedConfigWithBuildArguments() throws IOException {
        write("docker-compose.yml", """
                services:
                  prometheus:
                    build:
                      context: ./prometheus
                      args: {EXPORTER_HOST: node-exporter}
                """);
        write("prometheus/Dockerfile", """
                FROM prom/prometheus:v2.53.0
                COPY prometheus.yml /etc/prometheus/prometheus.yml
                ARG EXPORTER_HOST
                RUN sed -i "s/{{exporter_host}}/${EXPORTER_HOST}/g" /etc/prometheus/prometheus.yml
                """);
        write("prometheus/prometheus.yml", "scrape_configs: []\n");
        ConfigRendering r = rendering(PROMETHEUS);
        assertThat(r.rendersOf("prometheus/prometheus.yml")).singleElement().satisfies(x -> {
            assertThat(x.tool()).isEqualTo("sed");
            assertThat(x.renderer()).isEqualTo("the image built from prometheus/Dockerfile:4");
            assertThat(x.env().unknown()).as("a build runs with its arguments, not the service's environment")
                    .isTrue();
            assertThat(x.toolAdded()).isTrue();
        });
        assertThat(r.runs()).singleElement().satisfies(run -> {
            assertThat(run.readPath()).contains("/etc/prometheus/prometheus.yml");
            assertThat(run.config()).contains("prometheus/prometheus.yml");
        });
    }
}
