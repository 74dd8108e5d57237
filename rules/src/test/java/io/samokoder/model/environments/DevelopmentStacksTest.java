package io.samokoder.model.environments;

import io.samokoder.testing.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which files serve a developer's machine, and the evidence read for each. */
class DevelopmentStacksTest {

    @TempDir
    Path dir;

    private void write(String path, String text) {
        new TempRepo(dir).file(path, text);
    }

    private DevelopmentStacks stacks() throws IOException {
        return DevelopmentStacks.of(new TempRepo(dir).context());
    }

    private static final String APP = "services:\n  app:\n    build: .\n    environment:\n      DB_PASSWORD: app\n";

    @Test
    void aReadmeStatementCoversItsFolderAndASentenceAboutTheCodebaseTheRoot() throws IOException {
        write("samples/README.md", "# Samples\n\nThese samples must not be deployed in production environments.\n");
        write("samples/a/compose.yaml", APP);
        write("compose.yaml", APP);
        assertThat(stacks().evidence("samples/a/compose.yaml")).get().extracting(Evidence::text).asString()
                .startsWith("samples/README.md:3 says").contains("must not be deployed in production");
        assertThat(stacks().evidence("compose.yaml")).isEmpty();

        write("docs/support.md", "Any secrets in the codebase are for demonstration purposes and not meant for"
                + " production systems.\n");
        assertThat(stacks().evidence("compose.yaml")).get().extracting(Evidence::path).isEqualTo("docs/support.md");
    }

    @Test
    void aReadmeSayingItsFolderHoldsExamplesCoversThatFolderOnly() throws IOException {
        write("docker/README.md", "# Docker\n\nThis folder contains example Docker build and Docker Compose files to"
                + " start the server\nwith MySQL or PostgreSQL.\n");
        write("docker/mysql/compose.yaml", APP);
        write("deploy/README.md", "The docker directory contains examples; this one is what we run.\n");
        write("deploy/compose.yaml", APP);
        assertThat(stacks().evidence("docker/mysql/compose.yaml")).get().extracting(Evidence::text).asString()
                .startsWith("docker/README.md:3 says").contains("This folder contains example");
        assertThat(stacks().evidence("deploy/compose.yaml")).isEmpty();

        write("rtc/README.md", "# RTC\n\nThis compose demo outlines the basics to connect the server.\n");
        write("rtc/compose.yaml", APP);
        write("stack/README.md", "# Stack\n\nThe ultimate homer docker demo w/ sample traffic.\n");
        write("stack/compose.yaml", APP);
        write("guide/README.md", "# Guide\n\nFor this demo the smallest droplet is enough; see the demo video.\n");
        write("guide/compose.yaml", APP);
        assertThat(stacks().evidence("rtc/compose.yaml")).get().extracting(Evidence::path).isEqualTo("rtc/README.md");
        assertThat(stacks().evidence("stack/compose.yaml")).get().extracting(Evidence::path)
                .isEqualTo("stack/README.md");
        assertThat(stacks().evidence("guide/compose.yaml")).isEmpty();
    }

    @Test
    void envFilesOnlyADevNamedComposeFileReadsAreLocalSharedOnesAreNot() throws IOException {
        write("docker-compose-dev.yml", "services:\n  app:\n    build: .\n    env_file:\n      - .env.docker.dev\n"
                + "      - shared.env\n");
        write("docker-compose.yml", "services:\n  app:\n    image: acme/app:1\n    env_file:\n      - shared.env\n");
        write(".env.docker.dev", "APP_SECRET_KEY=just-for-dev\n");
        write("shared.env", "APP_SECRET_KEY=x\n");
        DevelopmentStacks s = stacks();
        assertThat(s.evidence(".env.docker.dev")).get().extracting(Evidence::text).asString()
                .isEqualTo("docker-compose-dev.yml is named for local development (used by docker-compose-dev.yml:5)");
        assertThat(s.evidence("shared.env")).isEmpty();
        assertThat(s.evidence("docker-compose.yml")).isEmpty();
    }

    @Test
    void aFileHeaderSpeaksForItsFileACommentFurtherDownDoesNot() throws IOException {
        write("dev.env", "# App - Development Environment Configuration\n# This file is used to set the environment"
                + " variables for local development\nDB_PASSWORD=app\n");
        write("deploy.env", "DB_PASSWORD=app\n# this is an example of a comment\n");
        write("docker-compose.yml", "# This is an example. Please change the configuration variables listed here.\n"
                + APP);
        write("site/compose.yaml", APP + "      # This is an example value\n");
        DevelopmentStacks s = stacks();
        assertThat(s.evidence("dev.env")).get().extracting(Evidence::text).asString()
                .startsWith("dev.env:2 says").contains("for local development");
        assertThat(s.evidence("docker-compose.yml")).get().extracting(Evidence::line).isEqualTo(1);
        assertThat(s.evidence("deploy.env")).isEmpty();
        assertThat(s.evidence("site/compose.yaml")).isEmpty();
    }

    @Test
    void aComposeFileInADevFolderCarriesItsNameToTheEnvFilesOnlyItReads() throws IOException {
        write("dev-postgres/docker-compose.yml", "services:\n  web:\n    build: ..\n    env_file:\n"
                + "      - ../config/dev.env\n");
        write("config/dev.env", "SECRET_KEY=dev\n");
        write("devops/docker-compose.yml", "services:\n  web:\n    build: ..\n    env_file:\n"
                + "      - ../config/prod.env\n");
        write("config/prod.env", "SECRET_KEY=x\n");
        DevelopmentStacks s = stacks();
        assertThat(s.evidence("config/dev.env")).get().extracting(Evidence::path)
                .isEqualTo("dev-postgres/docker-compose.yml");
        assertThat(s.evidence("config/prod.env")).isEmpty();
    }

    @Test
    void changelogsAndOtherDocumentsDoNotDeclareAnything() throws IOException {
        write("CHANGELOG.md", "- added compose.dev.yaml, for local development only\n");
        write("docs/guide.md", "Never use these settings in production: they are not meant for production.\n");
        write("compose.yaml", APP);
        assertThat(stacks().evidence("compose.yaml")).isEmpty();
    }

    @Test
    void aComposeCommentDeclaresItsFileAndWhatItMounts() throws IOException {
        write("src/main/docker/monitoring.yml", "# This configuration is intended for development purpose, it's"
                + " **your** responsibility to harden it for production\nservices:\n  grafana:\n"
                + "    image: grafana/grafana:11.0.0\n");
        write("docker-compose.yml", "# This configuration is intended for development purpose\nservices:\n"
                + "  grafana:\n    image: grafana/grafana:11.0.0\n    volumes:\n"
                + "      - ./grafana/provisioning/:/etc/grafana/provisioning/\n");
        write("grafana/provisioning/datasources/ds.yml", "apiVersion: 1\n");
        DevelopmentStacks s = stacks();
        assertThat(s.evidence("src/main/docker/monitoring.yml")).isPresent();
        assertThat(s.evidence("grafana/provisioning/datasources/ds.yml")).get().extracting(Evidence::says)
                .asString().contains("used by docker-compose.yml:6");
    }

    @Test
    void aStandaloneProductionFileMakesItsNeighbourTheDevelopmentStackAnOverlayDoesNot() throws IOException {
        write("a/docker-compose.yml", APP);
        write("a/docker-compose.prod.yml", "services:\n  app:\n    build: .\n    env_file: .env.prod\n");
        write("b/docker-compose.yml", APP);
        write("b/docker-compose.prod.yml", "services:\n  app:\n    restart: always\n");
        DevelopmentStacks s = stacks();
        assertThat(s.evidence("a/docker-compose.yml")).get().extracting(Evidence::path)
                .isEqualTo("a/docker-compose.prod.yml");
        assertThat(s.evidence("a/docker-compose.prod.yml")).isEmpty();
        assertThat(s.evidence("b/docker-compose.yml")).isEmpty(); // the overlay deploys the base's values
    }

    @Test
    void kubernetesProductionMakesComposeTheDevelopersWay() throws IOException {
        write("docker-compose.yml", APP);
        write("k8s/base/secrets.yaml", "apiVersion: v1\nkind: Secret\n");
        assertThat(stacks().evidence("docker-compose.yml")).isEmpty();
        write("k8s/overlays/prod/kustomization.yaml", "resources: [../../base]\n");
        assertThat(stacks().evidence("docker-compose.yml")).get().extracting(Evidence::path)
                .isEqualTo("k8s/overlays/prod");
        assertThat(stacks().evidence("k8s/base/secrets.yaml")).isEmpty(); // the manifests are the deployment
    }

    @Test
    void backingServicesOnlyAreADevelopmentStackAnAppIsNot() throws IOException {
        write("dev/compose.yaml", "services:\n  db:\n    image: postgres:16\n  mq:\n    image: rabbitmq:3-management\n");
        write("compose.yaml", "services:\n  db:\n    image: postgres:16\n  web:\n    image: example/web:1\n");
        DevelopmentStacks s = stacks();
        assertThat(s.evidence("dev/compose.yaml")).get().extracting(Evidence::says).asString()
                .contains("only backing services (postgres, rabbitmq)");
        assertThat(s.evidence("compose.yaml")).isEmpty();
    }

    @Test
    void anOverlayOfBackingServicesPassedAfterTheApplicationsFileBacksThatApplication() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: example/web:1\n");
        write("extras/mongodb/mongodb.yml", "services:\n  mongodb:\n    image: mongo:7\n");
        write("extras/cache/cache.yml", "services:\n  cache:\n    image: redis:7\n");
        write("extras/mongodb/README.md", "```sh\ndocker compose -f compose.yaml -f extras/mongodb/mongodb.yml up -d\n```\n");
        DevelopmentStacks s = stacks();
        assertThat(s.evidence("extras/mongodb/mongodb.yml")).isEmpty();
        assertThat(s.evidence("extras/cache/cache.yml")).get().extracting(Evidence::says).asString()
                .contains("only backing services (redis)");
    }

    @Test
    void playWithDockerStacksAndLocalhostLoginsAndLocalEnvFiles() throws IOException {
        write("README.md", "[Try](https://labs.play-with-docker.com/?stack=https://raw.example.com/x/pwd-stack.yml)\n");
        write("pwd-stack.yml", "services:\n  g:\n    image: grafana/grafana:11.0.0\n");
        write("app.env", "APP_URL=http://localhost:5000\nSECRET_KEY=notasecret\n");
        write("prod.env", "APP_URL=http://localhost:5000\n");
        write("site.env", "APP_URL=https://tally.example.com\n");
        write("svc/README.md", "Open http://localhost:15672 (Credentials: guest/guest)\n");
        write("svc/compose.yaml", APP);
        write("svc/k8s/app.yaml", "apiVersion: v1\nkind: Secret\n");
        DevelopmentStacks s = stacks();
        assertThat(s.evidence("pwd-stack.yml")).get().extracting(Evidence::says).asString()
                .contains("Play with Docker");
        assertThat(s.evidence("app.env")).get().extracting(Evidence::line).isEqualTo(1);
        assertThat(s.evidence("prod.env")).isEmpty();
        assertThat(s.evidence("site.env")).isEmpty();
        assertThat(s.evidence("svc/compose.yaml")).get().extracting(Evidence::path).isEqualTo("svc/README.md");
        assertThat(s.evidence("svc/k8s/app.yaml")).isEmpty(); // a localhost login speaks of the compose stack only
    }

    @Test
    void springProfilesOnlyLocalStacksActivateAreLocal() throws IOException {
        write("README.md", "This repository is for local development only.\n");
        write("deploy/README.md", "Run it.\n");
        write("svc/src/main/resources/application-docker.yml", "spring:\n  datasource:\n    password: secret\n");
        write("svc/src/main/resources/application-kubernetes.yml", "spring:\n  datasource:\n    password: x\n");
        write("svc/compose.yaml", "services:\n  svc:\n    build: .\n    environment:\n"
                + "      - SPRING_PROFILES_ACTIVE=docker\n");
        DevelopmentStacks s = stacks();
        // the root statement covers everything here; the profile rule is exercised below without it
        assertThat(s.evidence("svc/src/main/resources/application-docker.yml")).isPresent();
        Files.delete(dir.resolve("README.md"));
        write("svc/compose.yaml", "# intended for development purposes\nservices:\n  svc:\n    build: .\n"
                + "    environment:\n      - SPRING_PROFILES_ACTIVE=docker\n");
        write("k8s/cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  SPRING_PROFILES_ACTIVE: kubernetes\n");
        s = stacks();
        assertThat(s.evidence("svc/src/main/resources/application-docker.yml")).get().extracting(Evidence::says)
                .asString().contains("activates profile docker");
        assertThat(s.evidence("svc/src/main/resources/application-kubernetes.yml")).isEmpty();
    }
}
