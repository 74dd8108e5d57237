package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.Severity;
import io.samokoder.engine.report.ReportLocales;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The goals' parameters without Maven's types, so that the audit JVM {@code check} forks can rebuild them from its
 * arguments ({@link #toArgs()}, {@link #fromArgs}) and translate them to an {@link AuditConfig} exactly as the
 * build's own JVM would.
 */
final class CheckSettings {

    File dir;
    Integer minScore;
    String failOnSeverity;
    Boolean failOnViolation;
    String configFile;
    String locale;
    File baseline;
    File suppressions;
    List<String> excludes;
    String weights;
    List<String> disabledRules;
    Map<String, String> options;
    boolean useEnvironment;
    File buildDirectory;
    String sarif;
    String json;
    String junit;
    String report;

    AuditConfig toConfig() {
        return toConfig(System.getenv(), null);
    }

    /**
     * @param env              the build's environment (for {@code useEnvironment})
     * @param workingDirectory the build's working directory, which relative paths in options resolve against; null
     *                         for this process's own
     */
    AuditConfig toConfig(Map<String, String> env, Path workingDirectory) {
        AuditConfig config = AuditConfig.forRoot(dir.toPath()).weights(weights);
        if (workingDirectory != null) {
            config.workingDirectory(workingDirectory);
        }
        if (minScore != null) {
            config.minScore(minScore);
        }
        if (failOnViolation != null) {
            config.failOnViolation(failOnViolation);
        }
        if (failOnSeverity != null && !failOnSeverity.isBlank()) {
            try {
                config.failOnSeverity(Severity.parse(failOnSeverity));
            } catch (IllegalArgumentException e) {
                throw new AuditException(e.getMessage());
            }
        }
        if (configFile != null && configFile.equalsIgnoreCase("none")) {
            config.disableConfigFile();
        } else if (configFile != null && !configFile.isBlank()) {
            config.configFile(Path.of(configFile));
        }
        if (locale != null && !locale.isBlank()) {
            config.locale(ReportLocales.parse(locale));
        }
        if (baseline != null) {
            config.baseline(baseline.toPath());
        }
        if (suppressions != null) {
            config.suppressions(suppressions.toPath());
        }
        split(excludes).forEach(config::exclude);
        buildExclude().ifPresent(config::exclude);
        split(disabledRules).forEach(config::disableRule);
        if (options != null) {
            options.forEach(config::option);
        }
        if (useEnvironment) {
            config.environment(env);
        }
        return config;
    }

    /**
     * The same parameters with every path made absolute against {@code cwd}: the audit daemon serves builds started
     * in any folder, and its own working directory is none of theirs.
     */
    CheckSettings resolvedAgainst(Path cwd) {
        CheckSettings s = fromArgs(toArgs().toArray(String[]::new));
        s.dir = absolute(cwd, s.dir);
        s.baseline = absolute(cwd, s.baseline);
        s.suppressions = absolute(cwd, s.suppressions);
        if (s.buildDirectory != null && !s.buildDirectory.getPath().contains("${")) {
            s.buildDirectory = absolute(cwd, s.buildDirectory);
        }
        s.configFile = absolutePath(cwd, s.configFile);
        s.sarif = absolutePath(cwd, s.sarif);
        s.json = absolutePath(cwd, s.json);
        s.junit = absolutePath(cwd, s.junit);
        s.report = absolutePath(cwd, s.report);
        return s;
    }

    private static File absolute(Path cwd, File file) {
        return file == null || file.isAbsolute() ? file : cwd.resolve(file.getPath()).toFile();
    }

    /** A path parameter, unless it is unset, blank or {@code none}. */
    private static String absolutePath(Path cwd, String path) {
        if (path == null || path.isBlank() || path.equalsIgnoreCase("none")) {
            return path;
        }
        return cwd.resolve(path).toString();
    }

    /** List parameters, each item possibly comma-separated (as a user property gives them). */
    static List<String> split(List<String> values) {
        return values == null ? List.of() : values.stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** A report path: the user's, relative to the working directory; the default under the build directory; or none. */
    Path output(String configured, String defaultName) {
        if (configured != null && (configured.isBlank() || configured.equalsIgnoreCase("none"))) {
            return null;
        }
        if (configured != null) {
            return Path.of(configured);
        }
        return buildBase().resolve("samokoder").resolve(defaultName);
    }

    /** The build directory; {@code dir/target} in a run without a pom, where the expression stays unresolved. */
    private Path buildBase() {
        File base = buildDirectory == null || buildDirectory.getPath().contains("${")
                ? new File(dir, "target") : buildDirectory;
        return base.toPath();
    }

    /**
     * The build directory as an exclude when it lies inside the audited folder: it holds build output and this
     * goal's own reports, which the next build would otherwise audit (and count) too.
     */
    Optional<String> buildExclude() {
        Path root = dir.toPath().toAbsolutePath().normalize();
        Path build = buildBase().toAbsolutePath().normalize();
        if (build.equals(root) || !build.startsWith(root)) {
            return Optional.empty();
        }
        return Optional.of("/" + root.relativize(build).toString().replace(File.separatorChar, '/') + "/");
    }

    /** One {@code name=value} argument per set parameter; list items and options repeat their name. */
    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        add(args, "dir", dir);
        add(args, "minScore", minScore);
        add(args, "failOnSeverity", failOnSeverity);
        add(args, "failOnViolation", failOnViolation);
        add(args, "configFile", configFile);
        add(args, "locale", locale);
        add(args, "baseline", baseline);
        add(args, "suppressions", suppressions);
        if (excludes != null) {
            excludes.forEach(e -> add(args, "exclude", e));
        }
        add(args, "weights", weights);
        if (disabledRules != null) {
            disabledRules.forEach(r -> add(args, "disabledRule", r));
        }
        if (options != null) {
            options.forEach((k, v) -> add(args, "option", k + "=" + (v == null ? "" : v)));
        }
        add(args, "useEnvironment", useEnvironment);
        add(args, "buildDirectory", buildDirectory);
        add(args, "sarif", sarif);
        add(args, "json", json);
        add(args, "junit", junit);
        add(args, "report", report);
        return args;
    }

    private static void add(List<String> args, String name, Object value) {
        if (value != null) {
            args.add(name + "=" + value);
        }
    }

    static CheckSettings fromArgs(String... args) {
        CheckSettings s = new CheckSettings();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not name=value: " + arg);
            }
            String value = arg.substring(eq + 1);
            switch (arg.substring(0, eq)) {
                case "dir" -> s.dir = new File(value);
                case "minScore" -> s.minScore = Integer.valueOf(value);
                case "failOnSeverity" -> s.failOnSeverity = value;
                case "failOnViolation" -> s.failOnViolation = Boolean.valueOf(value);
                case "configFile" -> s.configFile = value;
                case "locale" -> s.locale = value;
                case "baseline" -> s.baseline = new File(value);
                case "suppressions" -> s.suppressions = new File(value);
                case "exclude" -> s.excludes = append(s.excludes, value);
                case "weights" -> s.weights = value;
                case "disabledRule" -> s.disabledRules = append(s.disabledRules, value);
                case "option" -> {
                    int kv = value.indexOf('=');
                    if (kv < 0) {
                        throw new IllegalArgumentException("an option is not key=value: " + value);
                    }
                    if (s.options == null) {
                        s.options = new LinkedHashMap<>();
                    }
                    s.options.put(value.substring(0, kv), value.substring(kv + 1));
                }
                case "useEnvironment" -> s.useEnvironment = Boolean.parseBoolean(value);
                case "buildDirectory" -> s.buildDirectory = new File(value);
                case "sarif" -> s.sarif = value;
                case "json" -> s.json = value;
                case "junit" -> s.junit = value;
                case "report" -> s.report = value;
                default -> throw new IllegalArgumentException("unknown parameter: " + arg);
            }
        }
        return s;
    }

    private static List<String> append(List<String> list, String value) {
        List<String> out = list == null ? new ArrayList<>() : list;
        out.add(value);
        return out;
    }
}
