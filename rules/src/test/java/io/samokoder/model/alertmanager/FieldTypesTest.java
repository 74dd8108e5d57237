package io.samokoder.model.alertmanager;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldTypesTest {

    private final FieldTypes table = FieldTypes.builtIn();

    @Test
    void theSeedFieldsAndTheirFileVariants() {
        assertThat(table.lookup("telegram_configs", "chat_id").type()).isEqualTo(FieldTypes.Type.INT);
        assertThat(table.lookup("telegram_configs", "bot_token").fileField()).contains("bot_token_file");
        assertThat(table.lookup("email_configs", "auth_password").fileField()).contains("auth_password_file");
        assertThat(table.lookup("email_configs", "smarthost").type()).isEqualTo(FieldTypes.Type.HOST_PORT);
        assertThat(table.lookup("email_configs", "to").type()).isEqualTo(FieldTypes.Type.STRING);
        assertThat(table.lookup("opsgenie_configs", "api_key").fileField()).contains("api_key_file");
        assertThat(table.lookup("discord_configs", "webhook_url").fileField()).contains("webhook_url_file");
        assertThat(table.lookup("global", "smtp_auth_password").fileField()).contains("smtp_auth_password_file");
    }

    @Test
    void wildcardsTailsAndTheAnyContext() {
        assertThat(table.lookup("route", "match.severity").type()).isEqualTo(FieldTypes.Type.STRING);
        assertThat(table.lookup("route", "match_re.service").type()).isEqualTo(FieldTypes.Type.REGEX);
        assertThat(table.lookup("webhook_configs", "http_config.basic_auth.password").fileField())
                .contains("password_file");
        assertThat(table.lookup("email_configs", "tls_config.ca_file").type()).isEqualTo(FieldTypes.Type.PATH);
        assertThat(table.lookup("prometheus", "scrape_configs.static_configs.targets").type())
                .isEqualTo(FieldTypes.Type.STRING);
        assertThat(table.lookup("prometheus", "scrape_configs.scrape_interval").type())
                .isEqualTo(FieldTypes.Type.DURATION);
        assertThat(table.lookup("slack_configs", "some_future_field").type()).isEqualTo(FieldTypes.Type.STRING);
    }

    @Test
    void userRowsOverrideBuiltInOnes() {
        FieldTypes custom = table.plus(FieldTypes.parse("# comment\ntelegram_configs\tchat_id\tstring\t-\n"));
        assertThat(custom.lookup("telegram_configs", "chat_id").type()).isEqualTo(FieldTypes.Type.STRING);
        assertThat(custom.lookup("telegram_configs", "chat_id").fileField()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> FieldTypes.parse("a\tb\n")).hasMessageContaining("row 1");
        assertThatThrownBy(() -> FieldTypes.parse("a\tb\tnotatype\t-\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyBuiltInRowIsWellFormed() {
        assertThat(table.rows()).hasSizeGreaterThan(100);
        assertThat(table.rows()).allSatisfy(r -> {
            assertThat(r.field()).doesNotContain(" ");
            r.fileField().ifPresent(f -> assertThat(f).endsWith("_file"));
        });
    }
}
