package io.samokoder.model.compose;

import io.samokoder.model.Location;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service of a compose project, after {@code extends:} and (in a {@link ComposeStack}) after merging the
 * project's files. Every value keeps the file and line it came from.
 */
public final class ComposeService {

    /** A {@code links:} entry: {@code "db:database"} is service {@code db} under alias {@code database}. */
    public record Link(String service, String alias, Location location) {
    }

    /**
     * A {@code build:} section, paths resolved against the compose file's folder.
     *
     * @param context    repository path of the build context ({@code ""} for the root); empty when the context is not
     *                   in the repository (a Git URL, an absolute host path, {@code ..} above the root)
     * @param dockerfile repository path of the Dockerfile ({@code dockerfile:} relative to the context, default
     *                   {@code Dockerfile}); empty with {@code dockerfile_inline:} or an outside context
     * @param target     {@code target:}, the stage built
     * @param args       {@code args:} as written (values after interpolation; {@code null}-valued keys omitted)
     * @param location   the {@code build:} key's value
     */
    public record Build(Optional<String> context, Optional<String> dockerfile, Optional<String> target,
                        Map<String, String> args, Location location) {
    }

    /** An {@code environment:} entry; {@code value} is empty for {@code KEY} alone (taken from the shell). */
    public record EnvironmentEntry(String name, Optional<ComposeValue> value, Location location) {
    }

    final String name;
    final Location location;
    Optional<ComposeValue> image = Optional.empty();
    Optional<ComposeValue> containerName = Optional.empty();
    Optional<ComposeValue> hostname = Optional.empty();
    Optional<ComposeValue> networkMode = Optional.empty();
    boolean build;
    Optional<Build> buildSpec = Optional.empty();
    final List<String> networks = new ArrayList<>();
    final List<ComposeValue> networkAliases = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final List<PortMapping> ports = new ArrayList<>();
    final List<PortMapping> expose = new ArrayList<>();
    final List<Mount> volumes = new ArrayList<>();
    final Map<String, EnvironmentEntry> environment = new LinkedHashMap<>();
    final List<ComposeValue> envFiles = new ArrayList<>();
    Optional<List<ComposeValue>> entrypoint = Optional.empty();
    Optional<List<ComposeValue>> command = Optional.empty();
    List<String> profiles = new ArrayList<>();
    final List<String> dependsOn = new ArrayList<>();
    final Map<String, ComposeValue> scalars = new LinkedHashMap<>();
    final Set<String> sourceFiles = new LinkedHashSet<>();

    ComposeService(String name, Location location) {
        this.name = name;
        this.location = location;
        this.sourceFiles.add(location.path());
    }

    /** The service key. */
    public String name() {
        return name;
    }

    /** Where the service is defined (its key; the last file that defines it after merging). */
    public Location location() {
        return location;
    }

    /** Every file that contributed to this service (definition, extends base, override files), in merge order. */
    public Set<String> sourceFiles() {
        return Collections.unmodifiableSet(sourceFiles);
    }

    public Optional<ComposeValue> image() {
        return image;
    }

    /** The parsed {@code image:} reference (after interpolation). */
    public Optional<ImageReference> imageReference() {
        return image.map(v -> ImageReference.parse(v.value()));
    }

    /** Whether the service is built from a Dockerfile ({@code build:}). */
    public boolean hasBuild() {
        return build;
    }

    /** The {@code build:} section, when it is one this model reads (a context and a Dockerfile path). */
    public Optional<Build> build() {
        return buildSpec;
    }

    public Optional<ComposeValue> containerName() {
        return containerName;
    }

    public Optional<ComposeValue> hostname() {
        return hostname;
    }

    /** {@code network_mode:} as written ({@code host}, {@code none}, {@code bridge}, {@code service:x}, {@code container:x}). */
    public Optional<ComposeValue> networkMode() {
        return networkMode;
    }

    /** {@code network_mode: host}: the container shares the host's network; localhost is the host. */
    public boolean usesHostNetwork() {
        return networkMode.map(v -> v.value().trim().equals("host")).orElse(false);
    }

    /** For {@code network_mode: service:x}, the service {@code x} whose network this one shares. */
    public Optional<String> networkModeService() {
        return networkMode.map(v -> v.value().trim()).filter(v -> v.startsWith("service:"))
                .map(v -> v.substring("service:".length()));
    }

    /** Names of the networks the service joins (empty: the project's default network). */
    public List<String> networks() {
        return Collections.unmodifiableList(networks);
    }

    /**
     * The networks the container is attached to: the declared ones, {@code default} when none is declared, empty for
     * {@code network_mode} (host, none, service:x, container:x), whose reachability is not by compose networks.
     */
    public Set<String> effectiveNetworks() {
        if (networkMode.isPresent()) {
            return Set.of();
        }
        return networks.isEmpty() ? Set.of("default") : new LinkedHashSet<>(networks);
    }

    /** Whether both containers are attached to a common compose network. */
    public boolean sharesNetworkWith(ComposeService other) {
        Set<String> mine = effectiveNetworks();
        return other.effectiveNetworks().stream().anyMatch(mine::contains);
    }

    /** {@code networks: {x: {aliases: [...]}}} aliases, over all networks. */
    public List<ComposeValue> networkAliases() {
        return Collections.unmodifiableList(networkAliases);
    }

    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    /**
     * The DNS names other containers of the project reach this service by: the service name, {@code container_name},
     * {@code hostname} and network aliases (lower-cased: DNS is case-insensitive). {@code links:} aliases are visible only
     * to the linking service: see {@link #links()}.
     */
    public Set<String> dnsNames() {
        Set<String> out = new LinkedHashSet<>();
        out.add(name.toLowerCase(Locale.ROOT));
        containerName.ifPresent(v -> out.add(v.value().toLowerCase(Locale.ROOT)));
        hostname.ifPresent(v -> out.add(v.value().toLowerCase(Locale.ROOT)));
        networkAliases.forEach(v -> out.add(v.value().toLowerCase(Locale.ROOT)));
        out.remove("");
        return out;
    }

    /** {@code ports:} entries (published to the host). */
    public List<PortMapping> ports() {
        return Collections.unmodifiableList(ports);
    }

    /** {@code expose:} entries (reachable inside the project's networks only). */
    public List<PortMapping> expose() {
        return Collections.unmodifiableList(expose);
    }

    /** Whether a container port is declared in {@code ports:} or {@code expose:}. */
    public boolean declaresContainerPort(int port) {
        return ports.stream().anyMatch(p -> p.hasTarget(port)) || expose.stream().anyMatch(p -> p.hasTarget(port));
    }

    public List<Mount> volumes() {
        return Collections.unmodifiableList(volumes);
    }

    /** Bind mounts only. */
    public List<Mount> bindMounts() {
        return volumes.stream().filter(Mount::isBind).toList();
    }

    /**
     * Which repository path is visible at {@code containerPath} inside this service's container, through the bind
     * mount with the longest matching target ({@code ./monitoring/prometheus:/etc/prometheus} maps
     * {@code /etc/prometheus/rules/a.yml} to {@code monitoring/prometheus/rules/a.yml}). Empty when no bind mount of
     * the repository covers it.
     */
    public Optional<String> repositoryPathAt(String containerPath) {
        Mount best = null;
        String result = null;
        for (Mount m : volumes) {
            Optional<String> r = m.repositoryPathFor(containerPath);
            if (r.isPresent() && (best == null || m.target().length() > best.target().length())) {
                best = m;
                result = r.get();
            }
        }
        return Optional.ofNullable(result);
    }

    /** The bind mount that provides {@code containerPath}, if any (longest target wins). */
    public Optional<Mount> mountAt(String containerPath) {
        Mount best = null;
        for (Mount m : volumes) {
            if (m.repositoryPathFor(containerPath).isPresent()
                    && (best == null || m.target().length() > best.target().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Environment entries in order (map and list forms alike); later files override earlier keys. */
    public Map<String, EnvironmentEntry> environment() {
        return Collections.unmodifiableMap(environment);
    }

    /** {@code env_file:} paths as written (relative to the compose file's folder). */
    public List<ComposeValue> envFiles() {
        return Collections.unmodifiableList(envFiles);
    }

    /** {@code entrypoint:} tokens (a string is split as a shell would), empty when not set. */
    public Optional<List<ComposeValue>> entrypoint() {
        return entrypoint;
    }

    /** {@code command:} tokens (a string is split as a shell would), empty when not set. */
    public Optional<List<ComposeValue>> command() {
        return command;
    }

    /** {@code profiles:}; a service with profiles is not started by a plain {@code docker compose up}. */
    public List<String> profiles() {
        return Collections.unmodifiableList(profiles);
    }

    /** Started by {@code docker compose up} without {@code --profile}. */
    public boolean isEnabledByDefault() {
        return profiles.isEmpty();
    }

    public List<String> dependsOn() {
        return Collections.unmodifiableList(dependsOn);
    }

    /** Any other scalar key of the service ({@code restart}, {@code user}, {@code privileged}, ...), interpolated. */
    public Optional<ComposeValue> scalar(String key) {
        return Optional.ofNullable(scalars.get(key));
    }

    /**
     * The value of a command-line flag given in {@code entrypoint:} or {@code command:}: {@code --config.file=X},
     * {@code --config.file X}, {@code -config.file=X}, also inside a {@code sh -c "..."} script. The returned value's
     * text is the flag's argument; its location is the token's.
     */
    public Optional<ComposeValue> commandOption(String flag) {
        String bare = flag.replaceFirst("^-+", "");
        Pattern inline = Pattern.compile("(?:^|\\s)--?" + Pattern.quote(bare) + "(?:=|\\s+)(['\"]?)([^\\s'\"]+)\\1");
        List<ComposeValue> tokens = new ArrayList<>();
        entrypoint.ifPresent(tokens::addAll);
        command.ifPresent(tokens::addAll);
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).value().trim();
            if ((t.equals("--" + bare) || t.equals("-" + bare)) && i + 1 < tokens.size()) {
                return Optional.of(tokens.get(i + 1));
            }
            Matcher m = inline.matcher(t);
            if (m.find()) {
                return Optional.of(tokens.get(i).withValue(m.group(2)));
            }
        }
        return Optional.empty();
    }

    /** The {@code --config.file=} argument (Prometheus, Alertmanager, exporters). */
    public Optional<ComposeValue> configFileArgument() {
        return commandOption("--config.file");
    }

    @Override
    public String toString() {
        return name + " (" + location + ")";
    }

    /** A copy with another name and location (extends target, merged definition). */
    ComposeService copy(String newName, Location newLocation) {
        ComposeService c = new ComposeService(newName, newLocation);
        c.sourceFiles.clear();
        c.sourceFiles.addAll(sourceFiles);
        c.sourceFiles.add(newLocation.path());
        c.image = image;
        c.containerName = containerName;
        c.hostname = hostname;
        c.networkMode = networkMode;
        c.build = build;
        c.buildSpec = buildSpec;
        c.networks.addAll(networks);
        c.networkAliases.addAll(networkAliases);
        c.links.addAll(links);
        c.ports.addAll(ports);
        c.expose.addAll(expose);
        c.volumes.addAll(volumes);
        c.environment.putAll(environment);
        c.envFiles.addAll(envFiles);
        c.entrypoint = entrypoint;
        c.command = command;
        c.profiles = new ArrayList<>(profiles);
        c.dependsOn.addAll(dependsOn);
        c.scalars.putAll(scalars);
        return c;
    }

    /**
     * Compose's merge of {@code over} onto {@code base} (override files and {@code extends}): single values are
     * replaced, ports/expose/links/env_file/aliases appended, volumes replaced per container path, environment per key.
     */
    static ComposeService merge(ComposeService base, ComposeService over, boolean keepOverName) {
        ComposeService m = base.copy(keepOverName ? over.name : base.name, over.location);
        m.sourceFiles.addAll(over.sourceFiles);
        if (over.image.isPresent()) {
            m.image = over.image;
        }
        if (over.containerName.isPresent()) {
            m.containerName = over.containerName;
        }
        if (over.hostname.isPresent()) {
            m.hostname = over.hostname;
        }
        if (over.networkMode.isPresent()) {
            m.networkMode = over.networkMode;
        }
        m.build |= over.build;
        if (over.buildSpec.isPresent()) {
            m.buildSpec = over.buildSpec;
        }
        for (String n : over.networks) {
            if (!m.networks.contains(n)) {
                m.networks.add(n);
            }
        }
        m.networkAliases.addAll(over.networkAliases);
        m.links.addAll(over.links);
        for (PortMapping p : over.ports) {
            if (m.ports.stream().noneMatch(q -> q.source().value().equals(p.source().value()))) {
                m.ports.add(p);
            }
        }
        m.expose.addAll(over.expose);
        for (Mount v : over.volumes) {
            m.volumes.removeIf(x -> !x.target().isEmpty() && x.target().equals(v.target()));
            m.volumes.add(v);
        }
        m.environment.putAll(over.environment);
        m.envFiles.addAll(over.envFiles);
        if (over.entrypoint.isPresent()) {
            m.entrypoint = over.entrypoint;
        }
        if (over.command.isPresent()) {
            m.command = over.command;
        }
        if (!over.profiles.isEmpty()) {
            m.profiles = new ArrayList<>(over.profiles);
        }
        for (String d : over.dependsOn) {
            if (!m.dependsOn.contains(d)) {
                m.dependsOn.add(d);
            }
        }
        m.scalars.putAll(over.scalars);
        return m;
    }
}
