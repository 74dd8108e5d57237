package io.samokoder.model.docker;

import io.samokoder.engine.AuditContext;
import io.samokoder.testing.TempRepo;
import io.samokoder.i18n.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which image names the repository's own builds give to its Dockerfiles, and how compose services get them. */
class BuiltImagesTest {

    @TempDir
    Path dir;

    private static final String PROM_DOCKERFILE = "FROM prom/prometheus:v2.53.0\nCOPY conf /etc/prometheus/\n";

    @Test
    void buildCommandsFollowTheFoldersTheyRunIn() {
        AuditContext ctx = new TempRepo(dir)
                .file("prometheus/Dockerfile", PROM_DOCKERFILE)
                .file("alertmanager/Dockerfile", "FROM prom/alertmanager:v0.27.0\n")
                .file("ops/grafana.Dockerfile", "FROM grafana/grafana:11.1.0\n")
                .file(".travis.yml", """
                        script:
                          - cd prometheus && docker build -t acme/stack-prometheus:$TRAVIS_BUILD_NUMBER .
                          - cd .. && cd alertmanager && docker build --tag=acme/stack-alertmanager:1 .
                        """)
                .file("build.sh", """
                        #!/bin/sh
                        docker buildx build --platform linux/amd64,linux/arm64 \\
                          -f ops/grafana.Dockerfile -t ghcr.io/acme/grafana:latest --push .
                        docker build -t $REGISTRY/api:1 api
                        docker build -t acme/nothing:1 missing-folder
                        """)
                .context();
        BuiltImages b = BuiltImages.of(ctx);
        assertThat(b.recipeFor("acme/stack-prometheus:v2.5.0")).hasValueSatisfying(r -> {
            assertThat(r.dockerfile()).isEqualTo("prometheus/Dockerfile");
            assertThat(r.context()).isEqualTo("prometheus");
            assertThat(r.location().line()).isEqualTo(2);
        });
        assertThat(b.recipeFor("docker.io/acme/stack-alertmanager")).hasValueSatisfying(r ->
                assertThat(r.dockerfile()).isEqualTo("alertmanager/Dockerfile"));
        assertThat(b.recipeFor("ghcr.io/acme/grafana:11")).hasValueSatisfying(r -> {
            assertThat(r.dockerfile()).isEqualTo("ops/grafana.Dockerfile");
            assertThat(r.context()).isEmpty();
            assertThat(r.how()).isEqualTo("built as ghcr.io/acme/grafana from ops/grafana.Dockerfile by build.sh:2");
        });
        assertThat(b.recipes()).doesNotContainKeys("acme/nothing").hasSize(3);
        assertThat(b.inputs()).containsExactlyInAnyOrder(".travis.yml", "build.sh");
    }

    @Test
    void workflowStepsAndComposeBuildsNameTheirImages() {
        AuditContext ctx = new TempRepo(dir)
                .file("monitoring/prometheus/Dockerfile", PROM_DOCKERFILE)
                .file("monitoring/loki/Dockerfile", "FROM grafana/loki:3.0.0\n")
                .file(".github/workflows/release.yml", """
                        on: push
                        jobs:
                          images:
                            runs-on: ubuntu-latest
                            steps:
                              - run: cd monitoring
                              - run: docker build -t ghcr.io/acme/prom:${{ github.sha }} monitoring/prometheus
                              - uses: docker/build-push-action@v6
                                with:
                                  context: monitoring/loki
                                  push: true
                                  tags: |
                                    ghcr.io/acme/loki:latest
                                    ghcr.io/acme/loki:${{ github.ref_name }}
                        """)
                .file("compose.build.yaml", """
                        services:
                          api:
                            build: ./api
                            image: acme/api:2
                        """)
                .file("api/Dockerfile", "FROM python:3.12-slim\n")
                .context();
        BuiltImages b = BuiltImages.of(ctx);
        // each run step starts at the workspace root: the earlier `cd monitoring` does not carry over
        assertThat(b.recipeFor("ghcr.io/acme/prom")).hasValueSatisfying(r ->
                assertThat(r.dockerfile()).isEqualTo("monitoring/prometheus/Dockerfile"));
        assertThat(b.recipeFor("ghcr.io/acme/loki:3")).hasValueSatisfying(r -> {
            assertThat(r.dockerfile()).isEqualTo("monitoring/loki/Dockerfile");
            assertThat(r.location().line()).isEqualTo(8);
        });
        assertThat(b.recipeFor("acme/api")).hasValueSatisfying(r -> {
            assertThat(r.dockerfile()).isEqualTo("api/Dockerfile");
            assertThat(r.how()).startsWith("service 'api' builds it");
        });
    }

    @Test
    void aGuessNeedsOneDockerfileNamedLikeTheImage() {
        AuditContext ctx = new TempRepo(dir)
                .file("prometheus/Dockerfile", PROM_DOCKERFILE)
                .file("alertmanager/Dockerfile", "FROM prom/alertmanager:v0.27.0\n")
                .file("docker/Dockerfile.alertmanager", "FROM prom/alertmanager:v0.27.0\n")
                .context();
        BuiltImages b = BuiltImages.of(ctx);
        assertThat(b.recipeFor("acme/swarm-prometheus")).isEmpty();
        assertThat(b.guess("acme/swarm-prometheus:v2", Set.of())).hasValueSatisfying(g -> {
            assertThat(g.dockerfile()).isEqualTo("prometheus/Dockerfile");
            assertThat(g.context()).isEqualTo("prometheus");
            assertThat(g.why()).isEqualTo("no build of the repository names acme/swarm-prometheus;"
                    + " prometheus/Dockerfile is linked to it by its name only");
            assertThat(g.whyText().render(Text.RUSSIAN)).isEqualTo("ни одна сборка в репозитории не называет образ"
                    + " `acme/swarm-prometheus`, и `prometheus/Dockerfile` связан с ним только по имени");
        });
        assertThat(b.guess("acme/swarm-prometheus", Set.of("prometheus/Dockerfile"))).isEmpty();
        assertThat(b.guess("acme/swarm-alertmanager", Set.of())).as("two candidates").isEmpty();
        assertThat(b.guess("acme/grafana", Set.of())).isEmpty();
    }

    @Test
    void aComposeServiceRunsTheImageTheRepositoryBuildsUnderItsName() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", """
                        services:
                          prometheus:
                            image: acme/stack-prometheus:v2.53.0
                          alertmanager:
                            image: acme/stack-alertmanager:v0.27.0
                        """)
                .file("prometheus/Dockerfile", PROM_DOCKERFILE)
                .file("prometheus/conf/prometheus.yml", "scrape_configs: []\n")
                .file("alertmanager/Dockerfile", "FROM prom/alertmanager:v0.27.0\nCOPY am.yml /etc/alertmanager/alertmanager.yml\n")
                .file("alertmanager/am.yml", "route: {receiver: x}\n")
                .file("Makefile", "images:\n\tdocker build -t acme/stack-prometheus:v2.53.0 prometheus\n")
                .context();
        Containers all = Containers.of(ctx);
        Container prom = all.all().stream().filter(c -> c.name().equals("prometheus")).findFirst().orElseThrow();
        assertThat(prom.build()).isPresent();
        assertThat(prom.buildLink().map(Text::english))
                .contains("built as acme/stack-prometheus from prometheus/Dockerfile by Makefile:2");
        assertThat(prom.buildLink().map(t -> t.render(Text.RUSSIAN)))
                .contains("его собирают как `acme/stack-prometheus` из `prometheus/Dockerfile` в `Makefile:2`");
        assertThat(prom.imageName()).contains("prom/prometheus:v2.53.0");
        assertThat(prom.repositoryPathAt("/etc/prometheus/prometheus.yml")).contains("prometheus/conf/prometheus.yml");
        assertThat(prom.stack()).isPresent();

        Container am = all.all().stream().filter(c -> c.name().equals("alertmanager")).findFirst().orElseThrow();
        assertThat(am.build()).isEmpty();
        assertThat(am.probableBuild()).hasValueSatisfying(p ->
                assertThat(p.build().dockerfile().path()).isEqualTo("alertmanager/Dockerfile"));
        // the Dockerfile a compose service runs is no image of its own; the guessed one still is
        assertThat(all.all()).extracting(Container::name).containsExactly("prometheus", "alertmanager",
                "alertmanager/Dockerfile");
    }
}
