package io.samokoder.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one run is asked to do, as the adapters (CLI, Maven goals) give it; immutable. Settings come as
 * {@link Source}s, highest first; {@code .samokoder.yml} ranks below them, {@code fallback} below the file, the
 * built-in defaults last.
 *
 * @param configFile             the configuration file; null for {@code .samokoder.yml} in the root when present
 * @param ignoreConfigFile       read no configuration file
 * @param environment            the process environment: GitHub Actions annotations read it, and compose
 *                               interpolation when {@code interpolateEnvironment}
 * @param changedFiles           staged-files mode: the changed files, relative to the root; null for a full audit
 * @param workingDirectory       what relative paths of the sources resolve against
 * @param alwaysExcluded         paths every audit leaves out whatever the settings say (the build's own output)
 * @param writeBaseline          record the findings as the baseline instead of gating
 * @param failOnCheckError       whether a check that could not finish fails the gate (the CI owner's setting only:
 *                               no source the repository controls can turn it off)
 * @param timeBudget             what the checks of one audit may take together; null for the default
 * @param buildFolders           the build's own output folders, where reports inside the audited folder may go
 *                               besides {@code target/} and {@code build/}
 */
public record AuditRequest(Path root, List<Source> sources, Settings fallback, Path configFile,
                           boolean ignoreConfigFile, Outputs outputs, Map<String, String> environment,
                           boolean interpolateEnvironment, Set<String> changedFiles, Path workingDirectory,
                           List<String> alwaysExcluded, boolean writeBaseline, boolean failOnCheckError,
                           java.time.Duration timeBudget, List<Path> buildFolders) {

    public AuditRequest {
        sources = List.copyOf(sources);
        fallback = fallback == null ? Settings.NONE : fallback;
        outputs = outputs == null ? Outputs.NONE : outputs;
        environment = Map.copyOf(environment);
        changedFiles = changedFiles == null ? null : Set.copyOf(new TreeSet<>(changedFiles));
        workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory;
        alwaysExcluded = List.copyOf(alwaysExcluded);
        buildFolders = buildFolders == null ? List.of() : List.copyOf(buildFolders);
    }

    public static Builder of(Path root) {
        return new Builder(root);
    }

    /** Builds a request step by step. */
    public static final class Builder {
        private final Path root;
        private final List<Source> sources = new ArrayList<>();
        private Settings fallback = Settings.NONE;
        private Path configFile;
        private boolean ignoreConfigFile;
        private Outputs outputs = Outputs.NONE;
        private Map<String, String> environment = Map.of();
        private boolean interpolateEnvironment;
        private Set<String> changedFiles;
        private Path workingDirectory;
        private final List<String> alwaysExcluded = new ArrayList<>();
        private boolean writeBaseline;
        private boolean failOnCheckError = true;
        private java.time.Duration timeBudget;
        private final List<Path> buildFolders = new ArrayList<>();

        private Builder(Path root) {
            this.root = root;
        }

        /** The next source, below those added before it. */
        public Builder source(Source value) {
            sources.add(value);
            return this;
        }

        public Builder fallback(Settings value) {
            fallback = value;
            return this;
        }

        public Builder configFile(Path value) {
            configFile = value;
            return this;
        }

        public Builder ignoreConfigFile(boolean value) {
            ignoreConfigFile = value;
            return this;
        }

        public Builder outputs(Outputs value) {
            outputs = value;
            return this;
        }

        public Builder environment(Map<String, String> value, boolean interpolate) {
            environment = value;
            interpolateEnvironment = interpolate;
            return this;
        }

        public Builder changedFiles(Collection<String> value) {
            changedFiles = value == null ? null : new TreeSet<>(value);
            return this;
        }

        public Builder workingDirectory(Path value) {
            workingDirectory = value;
            return this;
        }

        public Builder alwaysExclude(String pattern) {
            alwaysExcluded.add(pattern);
            return this;
        }

        public Builder writeBaseline(boolean value) {
            writeBaseline = value;
            return this;
        }

        public Builder failOnCheckError(boolean value) {
            failOnCheckError = value;
            return this;
        }

        public Builder timeBudget(java.time.Duration value) {
            timeBudget = value;
            return this;
        }

        public Builder buildFolder(Path value) {
            buildFolders.add(value);
            return this;
        }

        public AuditRequest build() {
            return new AuditRequest(root, sources, fallback, configFile, ignoreConfigFile, outputs, environment,
                    interpolateEnvironment, changedFiles, workingDirectory, alwaysExcluded, writeBaseline,
                    failOnCheckError, timeBudget, buildFolders);
        }
    }
}
