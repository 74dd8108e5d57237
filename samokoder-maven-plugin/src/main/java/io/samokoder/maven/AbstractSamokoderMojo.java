package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;
import java.util.Map;

/** Parameters every goal shares, each also a {@code samokoder.*} user property, and their translation to an {@link AuditConfig}. */
abstract class AbstractSamokoderMojo extends AbstractMojo {


    /** Repository folder to audit. */
    @Parameter(property = "samokoder.dir", defaultValue = "${basedir}")
    File dir;

    /** Minimum readiness score (0-100) the build needs (default: minScore of .samokoder.yml, else 80). */
    @Parameter(property = "samokoder.minScore")
    Integer minScore;

    /** Fail on any new finding at or above this severity: critical, high, medium, low, info (default: high). */
    @Parameter(property = "samokoder.failOnSeverity")
    String failOnSeverity;

    /** When false, report the gate result without failing the build (default: true). */
    @Parameter(property = "samokoder.failOnViolation")
    Boolean failOnViolation;

    /** Configuration file (default: .samokoder.yml in the audited folder when present); {@code none} to ignore it. */
    @Parameter(property = "samokoder.config")
    String configFile;

    /** Language of the audit report: en (default) or ru. */
    @Parameter(property = "samokoder.locale")
    String locale;



    /** Baseline file of accepted findings; the gate looks only at findings not in it. */
    @Parameter(property = "samokoder.baseline")
    File baseline;

    /** Suppressions file (default: .samokoder-suppressions.yml in the audited folder when present). */
    @Parameter(property = "samokoder.suppressions")
    File suppressions;

    /** Paths to leave out, in .gitignore syntax (comma-separated as a user property). */
    @Parameter(property = "samokoder.excludes")
    List<String> excludes;

    /** Category weights, e.g. {@code secrets=3,docs=1}. */
    @Parameter(property = "samokoder.weights")
    String weights;

    /** Rule ids to turn off (comma-separated as a user property). */
    @Parameter(property = "samokoder.disabledRules")
    List<String> disabledRules;

    /** Rule options, e.g. {@code <docs.online>true</docs.online>}. */
    @Parameter
    Map<String, String> options;

    /** Use the process environment for compose interpolation (results then depend on the shell). */
    @Parameter(property = "samokoder.useEnvironment", defaultValue = "false")
    boolean useEnvironment;

    AuditConfig toConfig() {
        return settings().toConfig();
    }

    /** The parameters without Maven's types: what the audit, in this JVM or another, is given. */
    CheckSettings settings() {
        CheckSettings s = new CheckSettings();
        s.dir = dir;
        s.minScore = minScore;
        s.failOnSeverity = failOnSeverity;
        s.failOnViolation = failOnViolation;
        s.configFile = configFile;
        s.locale = locale;
        s.baseline = baseline;
        s.suppressions = suppressions;
        s.excludes = excludes;
        s.weights = weights;
        s.disabledRules = disabledRules;
        s.options = options;
        s.useEnvironment = useEnvironment;
        s.buildDirectory = buildDirectory;
        return s;
    }

    /** The project's build directory; unresolved in a run without a pom, where {@code dir/target} stands in. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    /** A report path: the user's, relative to the working directory; the default under the build directory; or none. */
    java.nio.file.Path output(String configured, String defaultName) {
        return settings().output(configured, defaultName);
    }
}
