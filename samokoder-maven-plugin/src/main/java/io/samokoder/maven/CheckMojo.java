package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Gate;
import io.samokoder.engine.report.AuditReport;
import io.samokoder.engine.report.ConsoleReport;
import io.samokoder.engine.report.GithubAnnotations;
import io.samokoder.engine.report.ReportWriter;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * Audits the repository's production readiness and fails the build when the readiness score is below
 * {@code minScore} or a new finding is at or above {@code failOnSeverity}. A thin adapter: parameters become an
 * {@link AuditConfig}, the engine does the work.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public final class CheckMojo extends AbstractSamokoderMojo {

    /** Skip the audit. */
    @Parameter(property = "samokoder.skip", defaultValue = "false")
    boolean skip;

    /** SARIF 2.1.0 output file (default {@code target/samokoder/samokoder.sarif}); {@code none} to skip. */
    @Parameter(property = "samokoder.sarif")
    String sarif;

    /** JSON output file (default {@code target/samokoder/samokoder.json}); {@code none} to skip. */
    @Parameter(property = "samokoder.json")
    String json;

    /** JUnit XML output file (one test case per check); {@code none} (default) to skip. */
    @Parameter(property = "samokoder.junit")
    String junit;

    /**
     * Audit report for people: Markdown, or one self-contained HTML file when the name ends in {@code .html};
     * default {@code target/samokoder/samokoder-report.html}; {@code none} to skip.
     */
    @Parameter(property = "samokoder.report")
    String report;

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
            ReportWriter.write(result, new ReportWriter.Outputs(output(sarif, "samokoder.sarif"),
                    output(json, "samokoder.json"), junit == null ? null : output(junit, "TEST-samokoder.xml"),
                    output(report, "samokoder-report.html"),
                    new AuditReport.Options(config.locale(), config.minScore(), config.failOnSeverity())));
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
        if (GithubAnnotations.enabled(System.getenv())) {
            // workflow commands must start a line of the job's output: bypass Maven's "[INFO] " prefix
            GithubAnnotations.lines(result, System.getenv()).forEach(System.out::println);
            System.out.flush();
        }
        Gate gate = Gate.evaluate(result, config.minScore(), config.failOnSeverity());
        if (gate.passed()) {
            getLog().info(gate.message());
        } else if (config.failOnViolation()) {
            throw new MojoFailureException(gate.message());
        } else {
            getLog().warn(gate.message());
        }
    }

}
