package io.samokoder.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The addresses the build filters into version.properties are taken only when they are http(s) addresses. */
class VersionTest {

    @Test
    void onlyAbsoluteHttpAddressesAreTaken() {
        assertThat(Version.uri("${project.url}")).as("an unfiltered placeholder is no address").isNull();
        assertThat(Version.uri("")).isNull();
        assertThat(Version.uri(null)).isNull();
        assertThat(Version.uri("not a uri")).isNull();
        assertThat(Version.uri("file:///etc/passwd")).isNull();
        assertThat(Version.uri("docs/rules.md")).as("relative").isNull();
        assertThat(Version.uri(" https://example.org/p ")).isEqualTo("https://example.org/p");
    }
}
