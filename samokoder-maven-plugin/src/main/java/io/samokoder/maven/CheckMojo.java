package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Gate;
import io.samokoder.engine.Severity;
import io.samokoder.engine.report.ConsoleReport;
import io.samokoder.engine.report.ReportWriter;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * Audits the repository's production readiness and fails the build when the readiness score is below
 * {@code minScore} or a new finding is at or above {@code failOnSeverity}. A thin adapter: parameters become an
 * {@link AuditConfig}, the engine does the work.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public final class CheckMojo extends AbstractMojo {

    /** Skip the audit. */
    @Parameter(property = "samokoder.skip", defaultValue = "false")
    boolean skip;

    /** Repository folder to audit. */
    @Parameter(property = "samokoder.dir", defaultValue = "${basedir}")
    File dir;

    /** Minimum readiness score (0-100) the build needs. */
    @Parameter(property = "samokoder.minScore", defaultValue = "80")
    int minScore;

    /** Fail on any new finding at or above this severity: critical, high, medium, low, info. */
    @Parameter(property = "samokoder.failOnSeverity", defaultValue = "high")
    String failOnSeverity;

    /** When false, report the gate result without failing the build. */
    @Parameter(property = "samokoder.failOnViolation", defaultValue = "true")
    boolean failOnViolation;

    /** SARIF 2.1.0 output file; empty to skip. */
    @Parameter(property = "samokoder.sarif", defaultValue = "${project.build.directory}/samokoder/samokoder.sarif")
    File sarif;

    /** JSON output file; empty to skip. */
    @Parameter(property = "samokoder.json", defaultValue = "${project.build.directory}/samokoder/samokoder.json")
    File json;

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

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("samokoder: skipped");
            return;
        }
        AuditResult result;
        AuditConfig config;
        try {
            config = toConfig();
            result = new Auditor().run(config);
            ReportWriter.write(result, new ReportWriter.Outputs(blankToNull(sarif), blankToNull(json)));
        } catch (AuditException e) {
            throw new MojoFailureException("samokoder: " + e.getMessage());
        }
        List<String> lines = ConsoleReport.lines(result);
        for (int i = 0; i < lines.size(); i++) {
            if (i < 4) {
                getLog().info(lines.get(i));
            } else {
                getLog().warn(lines.get(i));
            }
        }
        Gate gate = Gate.evaluate(result, config.minScore(), config.failOnSeverity());
        if (gate.passed()) {
            getLog().info(gate.message());
        } else if (failOnViolation) {
            throw new MojoFailureException(gate.message());
        } else {
            getLog().warn(gate.message());
        }
    }

    AuditConfig toConfig() {
        AuditConfig config = AuditConfig.forRoot(dir.toPath()).minScore(minScore).failOnViolation(failOnViolation)
                .weights(weights);
        try {
            config.failOnSeverity(Severity.parse(failOnSeverity));
        } catch (IllegalArgumentException e) {
            throw new AuditException(e.getMessage());
        }
        if (baseline != null) {
            config.baseline(baseline.toPath());
        }
        if (suppressions != null) {
            config.suppressions(suppressions.toPath());
        }
        if (excludes != null) {
            excludes.stream().flatMap(e -> java.util.Arrays.stream(e.split(","))).map(String::trim)
                    .filter(e -> !e.isEmpty()).forEach(config::exclude);
        }
        if (disabledRules != null) {
            disabledRules.stream().flatMap(e -> java.util.Arrays.stream(e.split(","))).map(String::trim)
                    .filter(e -> !e.isEmpty()).forEach(config::disableRule);
        }
        if (options != null) {
            options.forEach(config::option);
        }
        if (useEnvironment) {
            config.environment(System.getenv());
        }
        return config;
    }

    private static java.nio.file.Path blankToNull(File f) {
        return f == null || f.getPath().isBlank() ? null : f.toPath();
    }
}
