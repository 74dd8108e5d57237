package io.samokoder.model.docker;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileTest {

    @Test
    void continuationsCommentsInsideThemAndBothCommandForms() {
        Dockerfile df = Dockerfile.parse("Dockerfile", """
                FROM alpine:3.20
                RUN apk add --no-cache \\
                # the renderer
                        gettext \\

                        curl
                ENTRYPOINT ["/usr/local/bin/entrypoint.sh", "--flag"]
                CMD exec alertmanager --config.file=/tmp/a.yml
                """);
        List<Dockerfile.Instruction> in = df.stages().get(0).instructions();
        assertThat(in).extracting(Dockerfile.Instruction::keyword).containsExactly("RUN", "ENTRYPOINT", "CMD");
        assertThat(in.get(0).arguments().split("\\s+")).containsExactly("apk", "add", "--no-cache", "gettext", "curl");
        assertThat(in.get(0).line()).isEqualTo(2);
        assertThat(in.get(1).exec()).contains(List.of("/usr/local/bin/entrypoint.sh", "--flag"));
        assertThat(in.get(1).line()).isEqualTo(7);
        assertThat(in.get(2).exec()).isEmpty();
    }

    @Test
    void escapeDirectiveStagesFlagsAndHeredocs() {
        Dockerfile df = Dockerfile.parse("Dockerfile", """
                # escape=`
                ARG VERSION=v0.27.0
                FROM prom/alertmanager:${VERSION} AS Upstream
                FROM alpine
                COPY --from=upstream --chmod=755 /bin/alertmanager `
                     /bin/
                RUN <<EOF
                FROM not-an-instruction
                echo done
                EOF
                COPY ["conf/a b.yml", "/etc/a b.yml"]
                """);
        assertThat(df.preamble()).singleElement().satisfies(i -> assertThat(i.arguments()).isEqualTo("VERSION=v0.27.0"));
        assertThat(df.stages()).hasSize(2);
        assertThat(df.stages().get(0).name()).contains("upstream");
        Dockerfile.Instruction copy = df.stages().get(1).instructions().get(0);
        assertThat(copy.flag("from")).contains("upstream");
        assertThat(copy.flag("chmod")).contains("755");
        assertThat(copy.arguments()).isEqualTo("/bin/alertmanager       /bin/");
        Dockerfile.Instruction run = df.stages().get(1).instructions().get(1);
        assertThat(run.heredocs()).containsExactly("FROM not-an-instruction\necho done\n");
        assertThat(df.stages().get(1).instructions().get(2).exec()).contains(List.of("conf/a b.yml", "/etc/a b.yml"));
        assertThat(df.stage(Optional.of("UPSTREAM"))).get().extracting(Dockerfile.Stage::index).isEqualTo(0);
        assertThat(df.stage(Optional.empty())).get().extracting(Dockerfile.Stage::index).isEqualTo(1);
    }

    @Test
    void brokenInputGivesWhatCanBeRead() {
        Dockerfile df = Dockerfile.parse("Dockerfile", "RUN echo before any FROM\nFROM\nCOPY [\"unterminated\n"
                + "ENTRYPOINT [1, 2]\nRUN a \\");
        assertThat(df.preamble()).hasSize(1);
        assertThat(df.stages()).singleElement().satisfies(s -> {
            assertThat(s.base()).isEmpty();
            assertThat(s.instructions()).hasSize(3);
            assertThat(s.instructions().get(1).exec()).isEmpty(); // not an array of strings: shell form
        });
    }

    @Test
    void dockerfileNames() {
        assertThat(Dockerfile.isDockerfileName("Dockerfile")).isTrue();
        assertThat(Dockerfile.isDockerfileName("Dockerfile.prod")).isTrue();
        assertThat(Dockerfile.isDockerfileName("alertmanager.Dockerfile")).isTrue();
        assertThat(Dockerfile.isDockerfileName("dockerfile-notes.md")).isTrue();
        assertThat(Dockerfile.isDockerfileName("Dockerfiles.md")).isFalse();
    }

    @Test
    void randomInputNeverThrows() {
        String[] tokens = {"FROM ", "AS ", "COPY ", "ADD ", "--from=", "0", "a", "/x/", "*", "[", "]", "\"", "\\\n",
                "\n", "# escape=`\n", "`", "ENV ", "ARG ", "=", "${", "}", "$", "<<EOF\n", "EOF\n", "ENTRYPOINT ",
                "[\"a\"]", "WORKDIR ", "..", " ", "CMD "};
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                sb.append(tokens[random.nextInt(tokens.length)]);
            }
            Dockerfile df = Dockerfile.parse("Dockerfile", sb.toString());
            assertThat(df.stages().size() + df.preamble().size()).isGreaterThanOrEqualTo(0);
            for (Dockerfile.Stage s : df.stages()) {
                assertThat(s.instructions()).allSatisfy(in -> assertThat(in.keyword()).isNotEmpty());
            }
        }
    }
}
