package io.samokoder.rules.alerting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenderToolMissingRuleTest {

    @Test
    void officialImagesWithAnyTagOrDigest() {
        assertThat(RenderToolMissingRule.isOfficialImage("prom/alertmanager")).isTrue();
        assertThat(RenderToolMissingRule.isOfficialImage("prom/alertmanager:v0.27.0")).isTrue();
        assertThat(RenderToolMissingRule.isOfficialImage("quay.io/prometheus/alertmanager@sha256:abc")).isTrue();
        assertThat(RenderToolMissingRule.isOfficialImage("docker.io/prom/alertmanager:latest")).isTrue();
        assertThat(RenderToolMissingRule.isOfficialImage("example/alertmanager-gettext:0.27")).isFalse();
        assertThat(RenderToolMissingRule.isOfficialImage("bitnami/alertmanager:0.27.0")).isFalse();
        assertThat(RenderToolMissingRule.isOfficialImage("registry:5000/prom/alertmanager")).isFalse();
    }
}
