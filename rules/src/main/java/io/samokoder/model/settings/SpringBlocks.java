package io.samokoder.model.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blocks of a Spring Boot configuration file. The properties under one prefix configure one client
 * ({@code spring.datasource.*}, {@code spring.r2dbc.*}, {@code spring.rabbitmq.*}, {@code spring.flyway.*}): the
 * credential and the address it is sent to sit side by side. When every address of a credential's block is the
 * loopback host, the credential is the one of a service on the developer's machine; a deployment that reaches another
 * host sets the address and, with it, the credential that server expects. An OAuth2 client registration
 * ({@code spring.security.oauth2.client.registration.<id>}) sends its secret to its provider
 * ({@code ...provider.<id>}, or the one its {@code provider} key names), whose issuer and token URIs are its address.
 */
public final class SpringBlocks {

    /** Last segments (lower case, without '-' and '_') that hold where a client connects. */
    private static final Set<String> ADDRESS_KEYS = Set.of("url", "uri", "urls", "uris", "jdbcurl", "host", "hosts",
            "address", "addresses", "nodes", "bootstrapservers", "issueruri", "tokenuri", "authorizationuri",
            "endpoint", "endpoints", "server", "servers");
    private static final String REGISTRATION = "spring.security.oauth2.client.registration.";
    private static final String PROVIDER = "spring.security.oauth2.client.provider.";
    private static final Pattern HOST_IN_URL = Pattern.compile("://(?:[^@/\\s]{0,300}@)?(\\[[^\\]]{1,60}\\]|[^:/?#,\\s]{1,253})");
    private static final Pattern LOOPBACK = Pattern.compile("(?i)localhost|127(?:\\.\\d{1,3}){3}|\\[::1\\]|::1");

    /** An address of a block: the setting and its full property name. */
    public record Address(String property, Setting setting) {
    }

    private final Map<String, List<Address>> addresses;
    private final Map<Setting, String> properties;

    private SpringBlocks(Map<String, List<Address>> addresses, Map<Setting, String> properties) {
        this.addresses = addresses;
        this.properties = properties;
    }

    /** The blocks of one Spring configuration file's settings (YAML keys above a setting, or dotted names). */
    public static SpringBlocks of(FileSettings settings) {
        Map<String, List<Address>> addresses = new HashMap<>();
        Map<Setting, String> properties = new HashMap<>();
        for (Setting s : settings.settings()) {
            String property = property(s);
            properties.put(s, property);
            int dot = property.lastIndexOf('.');
            if (dot > 0 && ADDRESS_KEYS.contains(normal(property.substring(dot + 1)))) {
                addresses.computeIfAbsent(property.substring(0, dot), k -> new ArrayList<>())
                        .add(new Address(property, s));
            }
        }
        return new SpringBlocks(addresses, properties);
    }

    /**
     * The address that shows the setting's block is a local development setup: present when the block (or the
     * OAuth2 provider of a client registration) has addresses and every one of them is the loopback host.
     */
    public Optional<Address> loopbackAddress(Setting setting) {
        String property = properties.getOrDefault(setting, property(setting));
        int dot = property.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String block = property.substring(0, dot);
        List<Address> found = new ArrayList<>(addresses.getOrDefault(block, List.of()));
        if (block.startsWith(REGISTRATION) && block.indexOf('.', REGISTRATION.length()) < 0) {
            String id = block.substring(REGISTRATION.length());
            for (Map.Entry<Setting, String> e : properties.entrySet()) {
                if (e.getValue().equals(block + ".provider")) {
                    id = e.getKey().value().strip();
                }
            }
            found.addAll(addresses.getOrDefault(PROVIDER + id, List.of()));
        }
        if (found.isEmpty() || !found.stream().allMatch(a -> isLoopback(a.setting().value()))) {
            return Optional.empty();
        }
        return found.stream().min((a, b) -> Integer.compare(a.setting().line(), b.setting().line()));
    }

    /**
     * Whether an address value names only the loopback host: {@code localhost}, {@code 127.0.0.1:5672},
     * {@code jdbc:postgresql://localhost:5432/db}, {@code localhost:9092,localhost:9093}. A placeholder
     * ({@code ${DB_HOST:localhost}}) is not: a deployment sets it.
     */
    static boolean isLoopback(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.contains("${") || v.contains("{{")) {
            return false;
        }
        for (String part : v.split(",")) {
            String p = part.strip();
            String host;
            Matcher m = HOST_IN_URL.matcher(p);
            if (m.find()) {
                host = m.group(1);
            } else {
                int colon = p.lastIndexOf(':');
                host = colon > 0 && !p.startsWith("[") && p.indexOf(':') == colon ? p.substring(0, colon) : p;
            }
            if (!LOOPBACK.matcher(host).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The full property name: the YAML keys above the setting and its own ({@code spring.datasource.password}). */
    public static String property(Setting s) {
        if (s.parents().isEmpty()) {
            return s.name();
        }
        return String.join(".", s.parents()) + "." + s.name();
    }

    private static String normal(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
