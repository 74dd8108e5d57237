package io.samokoder.model.docker;

import io.samokoder.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ImageBuildTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private ImageBuild build(String dockerfile, String context, Map<String, String> args) throws IOException {
        return ImageBuild.of(Dockerfile.parse("Dockerfile", dockerfile), context, Optional.empty(), args,
                Workspace.scan(repo)).orElseThrow();
    }

    @Test
    void copiesFilesFoldersAndGlobsRelativeToContextAndWorkdir() throws IOException {
        write("ops/am/alertmanager.yml", "x");
        write("ops/am/templates/slack.tmpl", "x");
        write("ops/rules/a.rules.yml", "x");
        write("ops/rules/b.rules.yml", "x");
        write("ops/entrypoint.sh", "x");
        ImageBuild b = build("""
                FROM alpine
                ARG CONF=am
                ENV HOME_DIR=/etc/alertmanager
                WORKDIR ${HOME_DIR}
                COPY ${CONF}/alertmanager.yml ./alertmanager.yml.tmpl
                COPY am/templates templates
                COPY rules/*.rules.yml /etc/prometheus/rules/
                COPY entrypoint.sh /usr/local/bin/
                COPY ../outside.yml /etc/outside.yml
                """, "ops", Map.of());
        assertThat(b.repositoryPathAt("/etc/alertmanager/alertmanager.yml.tmpl")).contains("ops/am/alertmanager.yml");
        assertThat(b.repositoryPathAt("alertmanager.yml.tmpl")).contains("ops/am/alertmanager.yml");
        assertThat(b.repositoryPathAt("/etc/alertmanager/templates/slack.tmpl")).contains("ops/am/templates/slack.tmpl");
        assertThat(b.repositoryPathAt("/etc/prometheus/rules/b.rules.yml")).contains("ops/rules/b.rules.yml");
        assertThat(b.repositoryPathAt("/usr/local/bin/entrypoint.sh")).contains("ops/entrypoint.sh");
        assertThat(b.repositoryPathAt("/etc/outside.yml")).isEmpty();
        assertThat(build("FROM alpine\nCOPY conf/[z-a]*.yml /etc/\nCOPY [ /x\n", "", Map.of()).files()).isEmpty();
        assertThat(b.env()).containsEntry("HOME_DIR", "/etc/alertmanager");
        assertThat(b.workdir()).isEqualTo("/etc/alertmanager");
    }

    @Test
    void buildArgsOverrideDefaultsAndStagesPassFilesOn() throws IOException {
        write("conf/prod.yml", "x");
        write("conf/dev.yml", "x");
        ImageBuild b = build("""
                ARG BASE=prom/alertmanager:v0.27.0
                FROM alpine AS config
                ARG ENVIRONMENT=dev
                COPY conf/${ENVIRONMENT}.yml /work/alertmanager.yml
                FROM ${BASE}
                COPY --from=config /work/alertmanager.yml /etc/alertmanager/alertmanager.yml
                COPY --from=alpine:3.20 /usr/bin/envsubst /usr/bin/envsubst
                """, "", Map.of("ENVIRONMENT", "prod"));
        assertThat(b.baseImage()).isEqualTo("prom/alertmanager:v0.27.0");
        assertThat(b.repositoryPathAt("/etc/alertmanager/alertmanager.yml")).contains("conf/prod.yml");
        assertThat(b.adds("envsubst")).isTrue();
        assertThat(b.adds("gomplate")).isFalse();
    }

    @Test
    void entrypointResetsTheBaseImagesCmdAndShellFormIsWrapped() throws IOException {
        ImageBuild inherited = build("FROM prom/alertmanager:v0.27.0\n", "", Map.of());
        assertThat(inherited.entrypoint()).get().extracting(ImageBuild.Command::argv)
                .isEqualTo(List.of("/bin/alertmanager"));
        assertThat(inherited.cmd()).get().extracting(ImageBuild.Command::argv).asList()
                .contains("--config.file=/etc/alertmanager/alertmanager.yml");

        ImageBuild own = build("FROM prom/alertmanager:v0.27.0\nENTRYPOINT /entrypoint.sh --x\n", "", Map.of());
        assertThat(own.entrypoint()).get().extracting(ImageBuild.Command::argv)
                .isEqualTo(List.of("/bin/sh", "-c", "/entrypoint.sh --x"));
        assertThat(own.cmd()).isEmpty();

        ImageBuild kept = build("FROM alpine\nCMD [\"--a\"]\nENTRYPOINT [\"/e\"]\n", "", Map.of());
        assertThat(kept.cmd()).get().extracting(ImageBuild.Command::argv).isEqualTo(List.of("--a"));
    }

    @Test
    void installedToolsAreSeenInRunInstructions() throws IOException {
        ImageBuild b = build("FROM alpine\nRUN apk add --no-cache \\\n    gettext ca-certificates\n", "", Map.of());
        assertThat(b.adds("envsubst", "gettext")).isTrue();
        assertThat(b.adds("envsubst")).isFalse();
    }

    @Test
    void substitutionAsTheBuilderDoesIt() {
        Map<String, String> vars = Map.of("A", "1", "EMPTY", "");
        assertThat(ImageBuild.substitute("$A-${A}-${B:-d}-${A:+set}-${EMPTY:-e}-\\$A-$B", vars))
                .isEqualTo("1-1-d-set-e-$A-");
    }

    @Test
    void randomDockerfilesNeverThrow() throws IOException {
        write("a/b.yml", "x");
        Workspace ws = Workspace.scan(repo);
        String[] tokens = {"FROM a AS s\n", "FROM s\n", "COPY ", "--from=s ", "--from=0 ", "a", "/x/", "*", "[", "]",
                "b.yml ", "\n", "ENV A=$A${A:-/y}\n", "ARG A\n", "WORKDIR ", "..", " ", "ENTRYPOINT x\n", "CMD [\"y\"]\n"};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(tokens[random.nextInt(tokens.length)]);
            }
            Optional<ImageBuild> b = ImageBuild.of(Dockerfile.parse("Dockerfile", sb.toString()), "", Optional.empty(),
                    Map.of(), ws);
            b.ifPresent(x -> assertThat(x.files()).allSatisfy(p -> assertThat(p.containerPath()).startsWith("/")));
        }
    }
}
