package io.samokoder.model.compose;

import io.samokoder.engine.AuditContext;
import io.samokoder.i18n.Text;
import io.samokoder.model.compose.ComposeInvocations.Invocation;
import io.samokoder.model.compose.ComposeInvocations.Verdict;
import io.samokoder.testing.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ComposeInvocationsTest {

    @TempDir
    Path dir;

    private static final String COMPOSE = "services:\n  a:\n    image: acme/a:${TAG}\n";

    private static ComposeInvocations model(AuditContext ctx) {
        return ComposeInvocations.of(ctx);
    }

    private static Verdict verdict(AuditContext ctx, String composePath, String name) {
        ComposeProject project = ComposeProject.of(ctx);
        return model(ctx).sourceOf(ctx, project, project.file(composePath).orElseThrow(), name).verdict();
    }

    @Test
    void aDocumentedCopyAfterCdIntoTheCloneMakesTheRootEnv() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.document.yaml", "services:\n  api:\n    build: .\n    ports:\n"
                        + "      - ${APP_PORT}:${APP_PORT}\n")
                .file("env-example-document", "APP_PORT=3000\n")
                .file("docs/installing-and-running.md", "# Installing\n\n1. Clone repository\n\n   ```bash\n"
                        + "   git clone --depth 1 https://github.com/acme/app.git my-app\n   ```\n\n"
                        + "1. Go to folder, and copy `env-example-document` as `.env`.\n\n   ```bash\n"
                        + "   cd my-app/\n   cp env-example-document .env\n   ```\n\n1. Run\n\n   ```bash\n"
                        + "   docker compose -f docker-compose.document.yaml up -d\n   ```\n")
                .context();
        assertThat(model(ctx).writesOf(".env")).singleElement().satisfies(w -> assertThat(w.template())
                .contains("env-example-document"));
        assertThat(verdict(ctx, "docker-compose.document.yaml", "APP_PORT")).isEqualTo(Verdict.SET);
    }

    @Test
    void exportBeforeComposeSetsTheVariableForTheFilesItRuns() {
        AuditContext ctx = new TempRepo(dir)
                .file("ops/docker-compose.yml", COMPOSE)
                .file("ops/docker-compose.prod.yml", "services:\n  a:\n    extends: {file: docker-compose.yml, service: a}\n")
                .file("other/docker-compose.yml", COMPOSE)
                .file("setup.sh", "#!/bin/sh\nexport TAG=\"1.4\"\ndocker-compose -f ops/docker-compose.prod.yml up -d\n")
                .context();
        List<Invocation> inv = model(ctx).invocations();
        assertThat(inv).singleElement().satisfies(i -> {
            assertThat(i.where()).isEqualTo("setup.sh:3");
            assertThat(i.files()).containsExactly("ops/docker-compose.prod.yml");
            assertThat(i.variables()).containsKey("TAG");
            assertThat(i.variables().get("TAG").where()).isEqualTo("setup.sh:2");
        });
        assertThat(verdict(ctx, "ops/docker-compose.yml", "TAG")).as("the extended base").isEqualTo(Verdict.SET);
        assertThat(verdict(ctx, "other/docker-compose.yml", "TAG")).as("set, but not for this file")
                .isEqualTo(Verdict.UNSEEN);
        assertThat(verdict(ctx, "other/docker-compose.yml", "NOPE")).isEqualTo(Verdict.NOT_SET);
    }

    @Test
    void orderPrefixesSudoAndExportWithoutValue() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", COMPOSE)
                .file("a.sh", "docker compose up\nexport LATE=1\nTAG=2 docker compose up\nX=1\nexport X\n"
                        + "sudo docker compose up\nsudo -E docker compose up\nexport NEVER_SET\ndocker compose up\n")
                .context();
        List<Invocation> inv = model(ctx).invocations();
        assertThat(inv).extracting(Invocation::line).containsExactly(1, 3, 6, 7, 9);
        assertThat(inv.get(0).variables()).isEmpty();
        assertThat(inv.get(1).variables()).containsOnlyKeys("LATE", "TAG");
        assertThat(inv.get(2).variables()).as("sudo resets the environment").isEmpty();
        assertThat(inv.get(3).variables()).containsOnlyKeys("LATE", "X");
        assertThat(inv.get(4).variables()).as("export of a name never assigned sets nothing")
                .containsOnlyKeys("LATE", "X");
        assertThat(inv).allSatisfy(i -> assertThat(i.files()).containsExactly("docker-compose.yml"));
    }

    @Test
    void sourcedFilesSetAndAllexportAndCalledScriptsInherit() {
        AuditContext ctx = new TempRepo(dir)
                .file("deploy/docker-compose.yml", COMPOSE)
                .file("deploy/stack.env", "TAG=3.1\nREGION=eu\n")
                .file("deploy/up.sh", "#!/usr/bin/env bash\ncd \"$(dirname \"$0\")\"\ndocker compose up -d\n")
                .file("bin/release", "#!/bin/bash\nset -a\n. deploy/stack.env\nset +a\n./deploy/up.sh\n")
                .context();
        assertThat(model(ctx).invocations()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo("deploy/up.sh");
            assertThat(i.files()).containsExactly("deploy/docker-compose.yml");
            assertThat(i.variables()).containsKeys("TAG", "REGION");
            assertThat(i.variables().get("TAG").where()).isEqualTo("deploy/stack.env:1");
        });
        assertThat(verdict(ctx, "deploy/docker-compose.yml", "TAG")).isEqualTo(Verdict.SET);
    }

    @Test
    void scriptFolderVariablesComposeFileAndEnvFileFlags() {
        AuditContext ctx = new TempRepo(dir)
                .file("stack/compose.yaml", COMPOSE)
                .file("stack/prod.env", "TAG=9\n")
                .file("stack/run.sh", "DIR=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n"
                        + "docker compose --env-file \"$DIR/prod.env\" -f \"$DIR/compose.yaml\" up\n"
                        + "export COMPOSE_FILE=stack/compose.yaml\ndocker compose up\n"
                        + "docker compose -f \"$UNKNOWN/x.yml\" up\n")
                .context();
        List<Invocation> inv = model(ctx).invocations();
        assertThat(inv).hasSize(3);
        assertThat(inv.get(0).files()).containsExactly("stack/compose.yaml");
        assertThat(inv.get(0).envFiles()).containsExactly("stack/prod.env");
        assertThat(inv.get(1).files()).containsExactly("stack/compose.yaml");
        assertThat(inv.get(2).files()).as("a file that cannot be resolved").isEmpty();
        assertThat(verdict(ctx, "stack/compose.yaml", "TAG")).isEqualTo(Verdict.SET);
    }

    @Test
    void unreadableSourcesMakeTheVerdictUnseen() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", COMPOSE)
                .file("deploy.sh", "source /etc/app/release.env\ndocker compose up -d\n")
                .context();
        ComposeProject project = ComposeProject.of(ctx);
        ComposeInvocations.Source s = model(ctx).sourceOf(ctx, project, project.file("docker-compose.yml")
                .orElseThrow(), "TAG");
        assertThat(s.verdict()).isEqualTo(Verdict.UNSEEN);
        assertThat(s.reason()).isEqualTo("deploy.sh:1 sources /etc/app/release.env, which is not in the repository,"
                + " before deploy.sh:2 runs compose on this file");
        assertThat(s.reasonText().render(Text.RUSSIAN)).isEqualTo("`deploy.sh:1` выполняет `source"
                + " /etc/app/release.env`, а этого файла нет в репозитории, и только потом `deploy.sh:2` запускает"
                + " compose с этим файлом");
        AuditContext computed = new TempRepo(dir.resolve("b"))
                .file("docker-compose.yml", COMPOSE)
                .file("deploy.sh", "export $(vault read -format=env secret/app)\ndocker compose up -d\n")
                .context();
        assertThat(verdict(computed, "docker-compose.yml", "TAG")).isEqualTo(Verdict.UNSEEN);
    }

    @Test
    void makefileExportsIncludesAndEnvFileSetupSteps() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", COMPOSE + "    ports: [\"${PORT}:80\"]\n    command: [\"--level=${LEVEL}\"]\n")
                .file(".env.example", "PORT=8081\n")
                .file("config.mk", "LEVEL ?= info\n")
                .file("Makefile", "include settings.env\nexport TAG := 1.0\nexport\n\n.env:\n\tcp -n .env.example .env\n\n"
                        + "up: .env\n\t@docker compose up -d\n")
                .file("settings.env", "LEVEL=debug\n")
                .context();
        ComposeInvocations m = model(ctx);
        assertThat(m.invocations()).singleElement().satisfies(i -> {
            assertThat(i.where()).isEqualTo("Makefile:9");
            assertThat(i.variables()).containsKeys("TAG", "LEVEL");
        });
        assertThat(m.writesOf(".env")).singleElement().satisfies(w -> {
            assertThat(w.template()).contains(".env.example");
            assertThat(w.origin().where()).isEqualTo("Makefile:6");
        });
        assertThat(verdict(ctx, "docker-compose.yml", "PORT")).as(".env is made from .env.example")
                .isEqualTo(Verdict.SET);
    }

    @Test
    void envFilesWrittenByScriptsAndDocumentedCopies() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", COMPOSE)
                .file("app/docker-compose.yml", COMPOSE)
                .file("app/.env.sample", "TAG=5\n")
                .file("init.sh", "cat > .env <<EOF\nTAG=4\nEOF\necho \"OTHER=1\" >> .env\n")
                .file("app/README.md", "# App\n\nCopy `.env.sample` to `.env` and run `docker compose up`.\n")
                .context();
        ComposeInvocations m = model(ctx);
        assertThat(m.writesOf(".env")).extracting(ComposeInvocations.EnvFileWrite::keys)
                .containsExactly(java.util.Set.of("TAG"), java.util.Set.of("OTHER"));
        assertThat(m.writesOf("app/.env")).singleElement().satisfies(w -> assertThat(w.template())
                .contains("app/.env.sample"));
        assertThat(verdict(ctx, "docker-compose.yml", "TAG")).isEqualTo(Verdict.SET);
        assertThat(verdict(ctx, "app/docker-compose.yml", "TAG")).isEqualTo(Verdict.SET);
    }

    @Test
    void workflowEnvAndDocumentedCommands() {
        AuditContext ctx = new TempRepo(dir)
                .file("e2e/docker-compose.yml", COMPOSE)
                .file("docker-compose.yml", COMPOSE)
                .file(".github/workflows/e2e.yml", """
                        on: push
                        env:
                          TAG: ${{ github.sha }}
                        jobs:
                          e2e:
                            runs-on: ubuntu-latest
                            steps:
                              - run: |
                                  docker compose -f e2e/docker-compose.yml up -d
                        """)
                .file("README.md", "```sh\nexport TAG=2.0\ndocker compose up\n```\n\n```yaml\nTAG: no\n```\n")
                .context();
        List<Invocation> inv = model(ctx).invocations();
        assertThat(inv).extracting(Invocation::where).containsExactly(".github/workflows/e2e.yml:9", "README.md:3");
        assertThat(inv.get(0).variables().get("TAG").where()).isEqualTo(".github/workflows/e2e.yml:3");
        assertThat(verdict(ctx, "e2e/docker-compose.yml", "TAG")).isEqualTo(Verdict.SET);
        assertThat(verdict(ctx, "docker-compose.yml", "TAG")).isEqualTo(Verdict.SET);
    }

    @Test
    void composeHeldInAVariableAndHostPathsOutsideTheRepository() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", COMPOSE)
                .file("etc/app/release.env", "TAG=not-this-one\n")
                .file("install.sh", "set -a\nsource /etc/app/release.env\n"
                        + "dc=\"docker compose --ansi never --env-file .env.custom\"\n$dc up -d\n")
                .context();
        assertThat(model(ctx).invocations()).singleElement().satisfies(i -> {
            assertThat(i.files()).containsExactly("docker-compose.yml");
            assertThat(i.envFiles()).as("named, though not committed").containsExactly(".env.custom");
            assertThat(i.variables()).as("/etc/app is the host's, not the repository's etc/app")
                    .doesNotContainKey("TAG");
            assertThat(i.unseen()).singleElement().asString().contains("sources /etc/app/release.env");
        });
    }

    @Test
    void hostileInputNeverThrows() {
        AuditContext ctx = new TempRepo(dir)
                .file("docker-compose.yml", COMPOSE)
                .file("README.md", "Copy " + "a".repeat(100_000) + " to .env\n\n```sh\ncat <<EOF\nnever closed\n")
                .file("a.sh", "source a.sh\n./b.sh\nexport \"$(\n'unclosed\n${\ndocker compose -f\n")
                .file("b.sh", "./a.sh\nexport T=1\n")
                .file("Makefile", "\t\n\t\\\ninclude\nexport\n-include /etc/x.env\nA := $(shell x)\n")
                .file(".github/workflows/x.yml", "jobs:\n  a:\n    steps:\n      - run: [1, 2]\n      - run:\n")
                .context();
        ComposeInvocations m = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> model(ctx));
        assertThat(m.invocations()).allSatisfy(i -> assertThat(i.files()).isEmpty());
        assertThat(verdict(ctx, "docker-compose.yml", "TAG")).isEqualTo(Verdict.NOT_SET);
    }
}
