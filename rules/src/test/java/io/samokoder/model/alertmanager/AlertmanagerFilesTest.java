package io.samokoder.model.alertmanager;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerFilesTest {

    @Test
    void configsByName() {
        assertThat(AlertmanagerFiles.isByName("monitoring/alertmanager/alertmanager.yml")).isTrue();
        assertThat(AlertmanagerFiles.isByName("alertmanager.yaml")).isTrue();
        assertThat(AlertmanagerFiles.isByName("deploy/alertmanager-prod.yml")).isTrue();
        assertThat(AlertmanagerFiles.isByName("monitoring/alertmanager/templates/telegram.tmpl")).isFalse();
        assertThat(AlertmanagerFiles.isByName("prometheus.yml")).isFalse();
    }

    @Test
    void templateVariants() {
        for (String name : new String[] {"alertmanager.yml.tmpl", "alertmanager.tmpl.yml", "alertmanager.template.yml",
                "alertmanager.yml.template", "alertmanager.yaml.tpl", "alertmanager.yml.example", "alertmanager.yml.in",
                "alertmanager-template.yaml"}) {
            assertThat(AlertmanagerFiles.isTemplateName("x/" + name)).as(name).isTrue();
            assertThat(AlertmanagerFiles.isByName("x/" + name)).as(name).isTrue();
        }
        assertThat(AlertmanagerFiles.isTemplateName("alertmanager.yml")).isFalse();
    }

    @Test
    void contentCandidatesExcludeOtherToolsFiles() {
        assertThat(AlertmanagerFiles.isContentCandidate("deploy/alertmanager/config.yml")).isTrue();
        assertThat(AlertmanagerFiles.isContentCandidate("docker-compose.yml")).isFalse();
        assertThat(AlertmanagerFiles.isContentCandidate(".github/workflows/ci.yml")).isFalse();
        assertThat(AlertmanagerFiles.isContentCandidate("notes.md")).isFalse();
    }
}
