package io.samokoder.rules.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiteLinksTest {

    @Test
    void urlPathsKeepTheirLeadingAndTrailingSlash() {
        // a site path without its leading slash matched no site served under `/` (every /img/ URL was "outside")
        assertThat(SiteLinks.urlPath("/img/logo.png")).isEqualTo("/img/logo.png");
        assertThat(SiteLinks.urlPath("/de/tutorial/../img/")).isEqualTo("/de/img/");
        assertThat(SiteLinks.urlPath("/de/tutorial/..")).isEqualTo("/de/");
        assertThat(SiteLinks.urlPath("/")).isEqualTo("/");
        assertThat(SiteLinks.urlPath("/a/../../x")).isNull();
    }
}
