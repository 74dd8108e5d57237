package io.samokoder.model.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One compose project: the compose files of one folder (base file, its override, per-environment files such as
 * {@code docker-compose.prod.yml} or {@code compose.observability.yaml}) with everything they {@code include:}, services merged across the files the way
 * {@code docker compose -f a -f b} merges them. Files included by another file belong to the includer's stack.
 */
public final class ComposeStack {

    private final String directory;
    private final List<String> files;
    private final List<String> defaultFiles;
    private final Map<String, ComposeService> services;
    private final Map<String, ComposeService> defaultServices;
    private final java.util.Set<String> externalNetworks;

    ComposeStack(String directory, List<String> files, List<String> defaultFiles, Map<String, ComposeService> services,
                 Map<String, ComposeService> defaultServices, java.util.Set<String> externalNetworks) {
        this.directory = directory;
        this.files = List.copyOf(files);
        this.defaultFiles = List.copyOf(defaultFiles);
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        this.defaultServices = Collections.unmodifiableMap(new LinkedHashMap<>(defaultServices));
        this.externalNetworks = java.util.Set.copyOf(externalNetworks);
    }

    /** The project directory (folder of its files), {@code ""} at the repository root. */
    public String directory() {
        return directory;
    }

    /** Every compose file of the stack in merge order, included files before their includer. */
    public List<String> files() {
        return files;
    }

    /**
     * The files a plain {@code docker compose up} in this folder reads: {@code compose.yaml} (or {@code compose.yml},
     * {@code docker-compose.yml}, {@code docker-compose.yaml}, first found) and the first of {@code compose.override.yml},
     * {@code compose.override.yaml}, {@code docker-compose.override.yml}, {@code docker-compose.override.yaml}, with
     * their includes. Empty when the folder has only per-environment files ({@code compose.prod.yaml},
     * {@code docker-compose.observability.yml}: those run only when named with {@code -f}).
     */
    public List<String> defaultFiles() {
        return defaultFiles;
    }

    /** Services of all the stack's files merged by name (the union of what any combination of its files can run). */
    public Map<String, ComposeService> services() {
        return services;
    }

    /** Services a plain {@code docker compose up -d} starts: default files only, services without profiles. */
    public Map<String, ComposeService> defaultServices() {
        return defaultServices;
    }

    /** Networks its files declare {@code external: true}: containers of other projects can join them. */
    public java.util.Set<String> externalNetworks() {
        return externalNetworks;
    }

    public Optional<ComposeService> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** The service a container of this project reaches as {@code host} (service name, container_name, hostname, alias). */
    public Optional<ComposeService> resolveHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        ComposeService byName = services.get(host);
        if (byName != null) {
            return Optional.of(byName);
        }
        return services.values().stream().filter(s -> s.dnsNames().contains(h)).findFirst();
    }

    @Override
    public String toString() {
        return (directory.isEmpty() ? "." : directory) + " " + files;
    }
}
