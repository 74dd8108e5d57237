package io.samokoder.model.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpringBlocksTest {

    private static Setting yaml(String name, String value, int line, String... parents) {
        return new Setting(name, value, line, 5, "application.yml#0", List.of(parents));
    }

    @Test
    void aCredentialBesideALoopbackUrlIsLocal() {
        Setting password = yaml("password", "password", 15, "spring", "r2dbc");
        Setting url = yaml("url", "r2dbc:postgresql://localhost:5432/orders", 16, "spring", "r2dbc");
        Setting mailPassword = yaml("password", "password", 30, "spring", "mail");
        Setting mailHost = yaml("host", "smtp.example.org", 29, "spring", "mail");
        SpringBlocks blocks = SpringBlocks.of(new FileSettings(FileSettings.Kind.YAML,
                List.of(password, url, mailHost, mailPassword)));
        assertThat(blocks.loopbackAddress(password)).hasValueSatisfying(a -> {
            assertThat(a.property()).isEqualTo("spring.r2dbc.url");
            assertThat(a.setting().line()).isEqualTo(16);
        });
        assertThat(blocks.loopbackAddress(mailPassword)).isEmpty();
    }

    @Test
    void propertiesFilesUseDottedNames() {
        Setting password = new Setting("spring.rabbitmq.password", "guest", 3, 26, "app.properties");
        Setting host = new Setting("spring.rabbitmq.host", "127.0.0.1", 1, 22, "app.properties");
        Setting dsPassword = new Setting("spring.datasource.password", "secret", 5, 28, "app.properties");
        SpringBlocks blocks = SpringBlocks.of(new FileSettings(FileSettings.Kind.INI, List.of(host, password,
                dsPassword)));
        assertThat(blocks.loopbackAddress(password)).isPresent();
        assertThat(blocks.loopbackAddress(dsPassword)).as("a block without an address says nothing").isEmpty();
    }

    @Test
    void oneRemoteAddressMakesTheBlockRemote() {
        Setting password = yaml("password", "kafka", 4, "spring", "kafka");
        SpringBlocks blocks = SpringBlocks.of(new FileSettings(FileSettings.Kind.YAML, List.of(password,
                yaml("bootstrap-servers", "localhost:9092,broker-2.internal:9092", 3, "spring", "kafka"))));
        assertThat(blocks.loopbackAddress(password)).isEmpty();
    }

    @Test
    void anOauthClientSendsItsSecretToItsProvider() {
        String[] registration = {"spring", "security", "oauth2", "client", "registration", "keycloak"};
        Setting secret = yaml("client-secret", "shop-keycloak-secret", 10, registration);
        Setting other = yaml("client-secret", "shop-github-secret", 20, "spring", "security", "oauth2", "client",
                "registration", "github");
        Setting issuer = yaml("issuer-uri", "http://localhost:8080/realms/shop", 14, "spring", "security", "oauth2",
                "client", "provider", "keycloak");
        SpringBlocks blocks = SpringBlocks.of(new FileSettings(FileSettings.Kind.YAML, List.of(secret, issuer, other)));
        assertThat(blocks.loopbackAddress(secret)).hasValueSatisfying(a ->
                assertThat(a.property()).isEqualTo("spring.security.oauth2.client.provider.keycloak.issuer-uri"));
        assertThat(blocks.loopbackAddress(other)).as("github's provider is not configured here").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "localhost:5672", "jdbc:postgresql://localhost:5432/db",
            "amqp://user:pw@127.0.0.1:5672", "localhost:9092, localhost:9093", "http://[::1]:8080/x"})
    void loopback(String value) {
        assertThat(SpringBlocks.isLoopback(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"db.internal", "jdbc:postgresql://db:5432/app", "${DB_HOST:localhost}",
            "jdbc:postgresql://${DB_HOST:localhost}:5432/db", "localhost.example.com", ""})
    void notLoopback(String value) {
        assertThat(SpringBlocks.isLoopback(value)).as(value).isFalse();
    }
}
