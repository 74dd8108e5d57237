package io.samokoder.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void showsAtMostTwoCharactersAndTheLength() {
        assertThat(Masking.mask("supersecret")).isEqualTo("su***(11)");
        assertThat(Masking.mask("admin")).isEqualTo("***(5)");
        assertThat(Masking.mask("")).isEqualTo("***(0)");
        assertThat(Masking.mask(null)).isEqualTo("***(0)");
    }

    @Test
    void countsCodePointsNotChars() {
        assertThat(Masking.mask("пароль-очень-длинный")).isEqualTo("па***(20)");
        assertThat(Masking.mask("😀😀secretvalue")).isEqualTo("😀😀***(13)");
    }

    @Test
    void credentialsInUrlsAreMaskedWhereverTheyAppear() {
        assertThat(Masking.maskUrlCredentials("target 'admin:PASS@node-exporter:9100' (job node) is unknown"))
                .isEqualTo("target 'admin:***(4)@node-exporter:9100' (job node) is unknown");
        assertThat(Masking.maskUrlCredentials("`https://deploy:ghp_0123456789abcdefghijABCDEFGHIJ012345@git.example.com/x`"
                + " is broken")).isEqualTo("`https://deploy:gh***(40)@git.example.com/x` is broken");
        assertThat(Masking.maskUrlCredentials("postgres://app:s3cr3t-p@ss@db:5432/app and redis://:hunter22@cache"))
                .isEqualTo("postgres://app:s3***(11)@db:5432/app and redis://:hu***(8)@cache");
        assertThat(Masking.maskUrlCredentials("clone https://ghp_0123456789abcdefghij@github.com/o/r.git"))
                .isEqualTo("clone https://gh***(24)@github.com/o/r.git");
        assertThat(Masking.maskUrlCredentials("[ipv6](http://u:pw@[::1]:8080/)")).isEqualTo("[ipv6](http://u:***(2)@[::1]:8080/)");
    }

    @Test
    void whatIsNotACredentialIsLeftAsItIs() {
        for (String text : java.util.List.of("ssh://git@github.com/o/r.git", "git@github.com:o/r.git",
                "mail ops@example.com", "mailto:ops@example.com", "image nginx:1.27@sha256:0123abcd is pinned",
                "redis:6379", "https://example.com/a@b", "no at sign here", "user@host:22")) {
            assertThat(Masking.maskUrlCredentials(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void maskingTwiceChangesNothing() {
        String once = Masking.maskUrlCredentials("http://admin:verysecret@h/ and admin:pw@h:1");
        assertThat(once).isEqualTo("http://admin:ve***(10)@h/ and admin:***(2)@h:1");
        assertThat(Masking.maskUrlCredentials(once)).isEqualTo(once);
    }

    @Test
    void everyFindingMasksTheCredentialsItsMessageQuotes() {
        RuleMeta meta = new RuleMeta("test/url", Category.DOCS, Severity.MEDIUM, "s", "r", "");
        Finding f = Finding.of(meta).at("README.md", 3).message("`https://deploy:tok3n-value@host/` is broken")
                .remediation("use https://deploy:tok3n-value@host/ elsewhere").build();
        assertThat(f.message()).isEqualTo("`https://deploy:to***(11)@host/` is broken");
        assertThat(f.remediation()).isEqualTo("use https://deploy:to***(11)@host/ elsewhere");
        assertThat(f.withStatus(Finding.Status.BASELINED, null).withSeverity(Severity.LOW).message())
                .isEqualTo(f.message());
    }
}
