package io.samokoder.model.compose;

import io.samokoder.model.Location;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One compose file as written: its services before {@code extends:} and before merging with the project's other
 * files, its {@code include:} entries, top-level names and the problems compose would stop on. Built once per file
 * ({@link ComposeProject#file}); the services compose actually runs are in {@link ComposeStack}.
 */
public final class ComposeFile {

    /** An {@code include:} entry: paths relative to this file's folder. */
    public record Include(List<ComposeValue> paths, Optional<ComposeValue> projectDirectory,
                          List<ComposeValue> envFiles, Location location) {
    }

    /** {@code extends:} of a service: {@code file} empty means the same file. */
    public record Extends(String service, Optional<ComposeValue> file, Location location) {
    }

    /**
     * A top-level {@code secrets:} entry backed by a file ({@code file: ./secrets/db_password.txt}); {@code environment:}
     * and {@code external:} secrets have none.
     *
     * @param repositoryPath the file, resolved like compose against the project folder; empty when it lies outside
     *                       the repository
     */
    public record FileSecret(String name, ComposeValue file, Optional<String> repositoryPath) {
        public Location location() {
            return file.location();
        }
    }

    private final String path;
    private final String folder;
    private final boolean usable;
    private final Optional<String> projectName;
    private final Map<String, ComposeService> services;
    private final Map<String, Extends> extendsByService;
    private final List<Include> includes;
    private final List<String> networks;
    private final List<String> volumes;
    private final List<String> externalNetworks;
    private final List<String> extensionKeys;
    private final List<FileSecret> fileSecrets;
    private final Optional<String> environmentFile;
    private final List<ComposeProblem> problems;

    ComposeFile(String path, String folder, boolean usable, Optional<String> projectName, Map<String, ComposeService> services,
                Map<String, Extends> extendsByService, List<Include> includes, List<String> networks,
                List<String> externalNetworks, List<String> volumes, List<String> extensionKeys, List<FileSecret> fileSecrets,
                Optional<String> environmentFile,
                List<ComposeProblem> problems) {
        this.path = path;
        this.folder = folder;
        this.usable = usable;
        this.projectName = projectName;
        this.services = Collections.unmodifiableMap(services);
        this.extendsByService = Collections.unmodifiableMap(extendsByService);
        this.includes = List.copyOf(includes);
        this.networks = List.copyOf(networks);
        this.volumes = List.copyOf(volumes);
        this.externalNetworks = List.copyOf(externalNetworks);
        this.extensionKeys = List.copyOf(extensionKeys);
        this.fileSecrets = List.copyOf(fileSecrets);
        this.environmentFile = environmentFile;
        this.problems = List.copyOf(problems);
    }

    /** Repository-relative path. */
    public String path() {
        return path;
    }

    /**
     * The folder relative paths are resolved against ({@code ""} at the root): the file's own, or for an overlay that
     * commands pass after a first file of another folder ({@code -f docker-compose.yml -f monitoring/loki.yml}), the
     * first file's, as compose resolves them.
     */
    public String folder() {
        return folder;
    }

    /** False when the YAML did not load or its root is no mapping; such a file contributes no services. */
    public boolean isUsable() {
        return usable;
    }

    /** Top-level {@code name:}. */
    public Optional<String> projectName() {
        return projectName;
    }

    /** Services as declared in this file, in file order, before {@code extends:} is applied. */
    public Map<String, ComposeService> declaredServices() {
        return services;
    }

    /** The {@code extends:} of each service that has one. */
    public Map<String, Extends> extendsByService() {
        return extendsByService;
    }

    public List<Include> includes() {
        return includes;
    }

    /** Top-level {@code networks:} names. */
    public List<String> networks() {
        return networks;
    }

    /** Top-level networks declared {@code external: true}: shared with other compose projects. */
    public List<String> externalNetworks() {
        return externalNetworks;
    }

    /** Top-level {@code volumes:} names. */
    public List<String> volumes() {
        return volumes;
    }

    /** Top-level {@code x-*} keys. */
    public List<String> extensionKeys() {
        return extensionKeys;
    }

    /** Top-level {@code secrets:} backed by a {@code file:}, in file order. */
    public List<FileSecret> fileSecrets() {
        return fileSecrets;
    }

    /** The {@code .env} file whose variables were used for interpolation, when the folder has one. */
    public Optional<String> environmentFile() {
        return environmentFile;
    }

    /** What compose would reject in this file (a missing include or extends target is reported by the project). */
    public List<ComposeProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return path;
    }
}
