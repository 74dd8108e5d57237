package io.samokoder.workspace;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileKindsTest {

    @ParameterizedTest
    @ValueSource(strings = {"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
            "compose.override.yml", "docker-compose.override.yaml", "compose.observability.yaml", "compose.prod.yml",
            "deploy/compose.monitoring.yaml", "docker-compose.prod.yml", "docker-compose-dev.yml", "Compose.Prod.YAML"})
    void composeFilesByTheSpecsAndDockersNames(String path) {
        assertThat(FileKinds.isCompose(path)).isTrue();
        assertThat(FileKinds.isToolYaml(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"composer.yaml", "compose.json", "my-compose.yml", "compose/values.yaml",
            "compose.yaml.example", "decompose.yml"})
    void notComposeFiles(String path) {
        assertThat(FileKinds.isCompose(path)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void testInputFoldersAreNamedByConvention() {
        assertThat(FileKinds.testInputFolder("lib/promscrape/testdata/prometheus.yml"))
                .contains("lib/promscrape/testdata");
        assertThat(FileKinds.testInputFolder("testdata/a/b.yml")).contains("testdata");
        assertThat(FileKinds.testInputFolder("tools/test-data/prometheus.yml")).contains("tools/test-data");
        assertThat(FileKinds.testInputFolder("web/src/__fixtures__/settings.yaml")).contains("web/src/__fixtures__");
        assertThat(FileKinds.testInputFolder("deploy/prometheus.yml")).isEmpty();
        assertThat(FileKinds.testInputFolder("mytestdata/prometheus.yml")).isEmpty();
    }
}
