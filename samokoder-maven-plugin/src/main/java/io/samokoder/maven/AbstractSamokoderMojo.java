package io.samokoder.maven;

import io.samokoder.engine.AuditException;
import io.samokoder.run.AuditRequest;
import io.samokoder.run.AuditService;
import io.samokoder.run.Settings;
import io.samokoder.run.Source;
import io.samokoder.run.Verdict;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What every goal shares: the audit's parameters, their translation into one request to the engine's service, and
 * Maven's precedence of them. Maven has already injected each parameter as the POM's configuration gives it, else as
 * its user property does; the request passes them on as one source above .samokoder.yml, named for the warnings by
 * where each came from.
 */
abstract class AbstractSamokoderMojo extends AbstractMojo {

    /** Repository folder to audit (default: the folder of the top-level project, where Maven was started). */
    @Parameter(property = "samokoder.dir")
    File dir;

    /** Configuration file (default: .samokoder.yml in the audited folder when present); none to read none. */
    @Parameter(property = "samokoder.config")
    String configFile;

    /** Baseline file of accepted findings (default: .samokoder-baseline.json in the audited folder when present). */
    @Parameter(property = "samokoder.baseline")
    File baseline;

    /** Suppressions file (default: .samokoder-suppressions.yml in the audited folder when present). */
    @Parameter(property = "samokoder.suppressions")
    File suppressions;

    /** Paths to leave out, in .gitignore syntax (comma-separated as a user property). */
    @Parameter(property = "samokoder.excludes")
    List<String> excludes;

    /** Category weights, e.g. secrets=3,docs=1. */
    @Parameter(property = "samokoder.weights")
    String weights;

    /** Rule ids to turn off (comma-separated as a user property). */
    @Parameter(property = "samokoder.disabledRules")
    List<String> disabledRules;

    /** Rule options (docs/rules.md), e.g. &lt;docs.online&gt;true&lt;/docs.online&gt;. */
    @Parameter
    Map<String, String> options;

    /**
     * Fail the gate when a check could not finish (an error, out of memory, the time budget); false passes it
     * regardless. The repository's .samokoder.yml cannot change this.
     */
    @Parameter(property = "samokoder.failOnCheckError", defaultValue = "true")
    boolean failOnCheckError = true;

    /** Seconds the checks of one audit may take together (default: 600); a check unfinished then fails. */
    @Parameter(property = "samokoder.timeBudget")
    Integer timeBudget;

    /** Use the process environment for compose interpolation (results then depend on the shell). */
    @Parameter(property = "samokoder.useEnvironment", defaultValue = "false")
    boolean useEnvironment;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution execution;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /** The settings of the parameters this goal has; a goal adds its own to them. */
    Settings.Builder settings() {
        return Settings.builder().excludes(excludes).weights(weights).disabledRules(disabledRules).options(options)
                .baseline(path(baseline)).suppressions(path(suppressions));
    }

    /** A request for the audited folder with these settings, the build's own output left out. */
    AuditRequest.Builder request(Settings settings) {
        Path root = root();
        AuditRequest.Builder request = AuditRequest.of(root).source(new Source(settings, this::where))
                .workingDirectory(startFolder())
                .environment(System.getenv(), useEnvironment)
                .ignoreConfigFile("none".equalsIgnoreCase(configFile))
                .configFile(configFile == null || configFile.isBlank() || "none".equalsIgnoreCase(configFile) ? null
                        : Path.of(configFile));
        List<Path> builds = new ArrayList<>(List.of(buildDirectory()));
        if (session != null) {
            session.getProjects().forEach(p -> builds.add(Path.of(p.getBuild().getDirectory())));
        }
        builds.forEach(request::buildFolder);
        request.failOnCheckError(failOnCheckError);
        if (timeBudget != null) {
            if (timeBudget <= 0) {
                throw new AuditException("timeBudget must be a positive number of seconds, got " + timeBudget);
            }
            request.timeBudget(java.time.Duration.ofSeconds(timeBudget));
        }
        Path base = root.toAbsolutePath().normalize();
        builds.stream().map(b -> b.toAbsolutePath().normalize()).filter(b -> b.startsWith(base) && !b.equals(base))
                .distinct().forEach(b -> request.alwaysExclude("/" + base.relativize(b).toString()
                        .replace(File.separatorChar, '/') + "/"));
        return request;
    }

    /** Runs the request, logs the warnings and notes; a bad setting or unreadable input fails the build. */
    Verdict run(Supplier<AuditRequest> request) throws MojoFailureException {
        try {
            Verdict verdict = new AuditService().execute(request.get());
            verdict.warnings().forEach(getLog()::warn);
            verdict.notes().forEach(getLog()::info);
            return verdict;
        } catch (AuditException e) {
            // each line escaped: a message may quote a value of the audited repository's own files
            String[] lines = String.valueOf(e.getMessage()).split("\r\n|\r|\n", -1);
            StringBuilder message = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                message.append(i == 0 ? "" : "\n")
                        .append(io.samokoder.engine.LineEscape.consoleLine((i == 0 ? "samokoder: " : "") + lines[i]));
            }
            throw new MojoFailureException(message.toString(), e);
        }
    }

    /**
     * Whether this project audits: in a build of several projects, the last one that declares the plugin (as
     * maven-deploy-plugin's deployAtEnd), so that the repository is audited once, after the modules are built.
     */
    boolean auditsHere() {
        if (session == null || project == null || execution == null || session.getProjects().size() <= 1) {
            return true;
        }
        String key = execution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
        List<MavenProject> declaring = session.getProjects().stream().filter(p -> p.getPlugin(key) != null).toList();
        List<MavenProject> candidates = declaring.isEmpty() ? session.getProjects() : declaring;
        MavenProject last = candidates.get(candidates.size() - 1);
        if (last != project) {
            getLog().info("samokoder: the audit of " + root() + " runs once, in the last project (" + last.getName()
                    + ")");
        }
        return last == project;
    }

    Path root() {
        return dir != null ? dir.toPath() : startFolder();
    }

    /** Where Maven was started (with -pl too), else the top-level project's folder. */
    private Path startFolder() {
        String start = session == null ? null : session.getExecutionRootDirectory();
        MavenProject top = session == null ? null : session.getTopLevelProject();
        return start != null ? Path.of(start) : top != null && top.getBasedir() != null ? top.getBasedir().toPath()
                : Path.of("").toAbsolutePath();
    }

    /**
     * The build directory of the audited folder's project, else of the top-level project (a dir elsewhere); the
     * root's target where neither is known or it is unresolved (a run without a pom).
     */
    Path buildDirectory() {
        Path root = root().toAbsolutePath().normalize();
        MavenProject owner = session == null ? null : session.getProjects().stream()
                .filter(p -> p.getBasedir() != null && p.getBasedir().toPath().toAbsolutePath().normalize()
                        .equals(root)).findFirst().orElse(session.getTopLevelProject());
        String build = owner == null ? null : owner.getBuild().getDirectory();
        return build == null || build.contains("${") ? root.resolve("target") : Path.of(build);
    }

    /** A report path: the user's; the default under the build directory; or none. */
    Path output(String configured, String defaultName) {
        if (configured != null && (configured.isBlank() || configured.equalsIgnoreCase("none"))) {
            return null;
        }
        return configured != null ? Path.of(configured) : buildDirectory().resolve("samokoder").resolve(defaultName);
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    /**
     * Where a setting's value came from: the POM's configuration, else the user property. Says so once for each
     * property the POM overrides, as Maven itself ignores it without a word.
     */
    String where(String setting) {
        String name = setting.split("\\.")[0];
        return inPom(name) ? "<" + name + "> in the POM"
                : session != null && session.getUserProperties().containsKey("samokoder." + name)
                ? "-Dsamokoder." + name : "property samokoder." + name;
    }

    /** One warning per user property given on the command line that a parameter set in the POM overrides. */
    void warnAboutIgnoredProperties() {
        if (session == null || execution == null) {
            return;
        }
        for (org.apache.maven.plugin.descriptor.Parameter p : execution.getMojoDescriptor().getParameters()) {
            String property = p.getExpression() == null ? null : p.getExpression().replaceAll("^\\$\\{(.*)}$", "$1");
            String given = property == null ? null : session.getUserProperties().getProperty(property);
            if (given != null && inPom(p.getName())) {
                String pom = pomValue(execution.getConfiguration().getChild(p.getName()));
                if (!Arrays.asList(given.split(",")).stream().map(String::strip).toList()
                        .equals(Arrays.asList(pom.split(",")).stream().map(String::strip).toList())) {
                    getLog().warn("samokoder: " + p.getName() + " " + given + " from -D" + property
                            + " is ignored: <" + p.getName() + "> in the POM sets " + pom);
                }
            }
        }
    }

    private static String pomValue(Xpp3Dom node) {
        return node.getChildCount() == 0 ? Objects.toString(node.getValue(), "")
                : Arrays.stream(node.getChildren()).map(c -> Objects.toString(c.getValue(), ""))
                .collect(Collectors.joining(","));
    }

    /** Whether the POM's configuration sets the parameter: its value is not the descriptor's default expression. */
    boolean inPom(String parameter) {
        if (execution == null) {
            return true;
        }
        Xpp3Dom node = execution.getConfiguration() == null ? null : execution.getConfiguration().getChild(parameter);
        if (node == null) {
            return false;
        }
        PlexusConfiguration defaults = execution.getMojoDescriptor().getMojoConfiguration().getChild(parameter, false);
        return node.getChildCount() > 0 || !Objects.equals(node.getValue(), defaults == null ? null
                : defaults.getValue(null));
    }
}
