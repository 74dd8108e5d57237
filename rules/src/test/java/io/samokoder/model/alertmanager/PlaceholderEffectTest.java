package io.samokoder.model.alertmanager;

import io.samokoder.model.alertmanager.FieldTypes.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdicts mirror Go: yaml decoding, net.SplitHostPort, url.Parse and Alertmanager's URL checks (see amtool test). */
class PlaceholderEffectTest {

    private static boolean refuses(Type type, String value) {
        return PlaceholderEffect.of(type, value, n -> n.equals("defined")).refusesToLoad();
    }

    @Test
    void typedFieldsRefuse() {
        assertThat(refuses(Type.INT, "${CHAT_ID}")).isTrue();
        assertThat(refuses(Type.BOOL, "${X}")).isTrue();
        assertThat(refuses(Type.DURATION, "${X:-5m}")).isTrue();
        assertThat(refuses(Type.LABEL_NAME, "${X}")).isTrue();
    }

    @Test
    void stringsAndSecretsLoad() {
        assertThat(refuses(Type.SECRET, "${TOKEN}")).isFalse();
        assertThat(refuses(Type.STRING, "${TO}")).isFalse();
        assertThat(refuses(Type.MATCHER, "team=\"${T}\"")).isFalse();
        assertThat(refuses(Type.PATH, "/run/${X}")).isFalse();
    }

    @Test
    void hostPortFollowsSplitHostPort() {
        assertThat(refuses(Type.HOST_PORT, "${SMTP_HOST}:${SMTP_PORT}")).isFalse();
        assertThat(refuses(Type.HOST_PORT, "${SMTP_SMARTHOST}")).isTrue();
        assertThat(refuses(Type.HOST_PORT, "${H:-localhost}:25")).as("too many colons").isTrue();
        assertThat(refuses(Type.HOST_PORT, "smtp:")).isTrue();
        assertThat(refuses(Type.HOST_PORT, "[::1]:${P}")).isFalse();
        assertThat(refuses(Type.HOST_PORT, "[::1]")).isTrue();
    }

    @Test
    void urlsDependOnWhereThePlaceholderSits() {
        assertThat(refuses(Type.SECRET_URL, "${WEBHOOK_URL}")).isTrue();
        assertThat(refuses(Type.URL, "https://${HOST}/x")).isTrue();
        assertThat(refuses(Type.URL, "https://$HOST/x")).as("Go accepts $ in a host name").isFalse();
        assertThat(refuses(Type.SECRET_URL, "https://hooks.slack.com/services/${PATH_PART}")).isFalse();
        assertThat(refuses(Type.URL, "${SCHEME}://host/x")).isTrue();
        assertThat(refuses(Type.URL_LENIENT, "${URL}")).as("Prometheus only parses").isFalse();
        assertThat(refuses(Type.URL_LENIENT, "https://${HOST}/write")).isTrue();
    }

    @Test
    void namesAreRefusedOnlyWhenNothingMatchesLiterally() {
        assertThat(refuses(Type.RECEIVER_REF, "defined")).isFalse();
        assertThat(refuses(Type.RECEIVER_REF, "${RECEIVER}")).isTrue();
    }
}
