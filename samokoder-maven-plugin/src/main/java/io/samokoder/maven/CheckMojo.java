package io.samokoder.maven;

import io.samokoder.run.Outputs;
import io.samokoder.run.Verdict;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.List;

/**
 * Audits the repository's production readiness, writes the reports and fails the build when the readiness score is
 * below minScore or a new finding is at or above failOnSeverity. Declared in the root POM and inherited, it audits the
 * repository once, in the last project of the build, after the modules are built and tested. Settings: the POM's
 * configuration, then -Dsamokoder.* properties, then .samokoder.yml, then the defaults.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public final class CheckMojo extends AbstractGateMojo {

    /** Skip the audit. */
    @Parameter(property = "samokoder.skip", defaultValue = "false")
    boolean skip;

    /** When false, report the gate result without failing the build (default: true). */
    @Parameter(property = "samokoder.failOnViolation")
    Boolean failOnViolation;

    /** SARIF 2.1.0 output file (default target/samokoder/samokoder.sarif); none to skip. */
    @Parameter(property = "samokoder.sarif")
    String sarif;

    /** JSON output file (default target/samokoder/samokoder.json); none to skip. */
    @Parameter(property = "samokoder.json")
    String json;

    /**
     * JUnit XML output file: one test case per finding (failed when it fails the gate) and one per rule that ran clean
     * (default: none).
     */
    @Parameter(property = "samokoder.junit")
    String junit;

    /**
     * Audit report for people: Markdown, or one self-contained HTML file when the name ends in .html (default
     * target/samokoder/samokoder-report.html); none to skip.
     */
    @Parameter(property = "samokoder.report")
    String report;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("samokoder: skipped");
            return;
        }
        if (!auditsHere()) {
            return;
        }
        warnAboutIgnoredProperties();
        Verdict verdict = run(() -> request(settings().failOnViolation(failOnViolation).build())
                .outputs(new Outputs(output(sarif, "samokoder.sarif"), output(json, "samokoder.json"),
                        junit == null ? null : output(junit, "TEST-samokoder.xml"),
                        output(report, "samokoder-report.html"))).build());
        List<String> lines = verdict.console();
        for (int i = 0; i < lines.size(); i++) {
            if (i < 4) {
                getLog().info(lines.get(i));
            } else {
                getLog().warn(lines.get(i));
            }
        }
        // workflow commands must start a line of the job's output: bypass Maven's "[INFO] " prefix
        verdict.annotations().forEach(System.out::println);
        System.out.flush();
        String reports = verdict.reportsLine(Path.of("").toAbsolutePath());
        if (reports != null) {
            getLog().info(reports);
        }
        if (verdict.passed()) {
            getLog().info(verdict.gate().message());
        } else if (verdict.failsBuild()) {
            throw new MojoFailureException(verdict.gate().message());
        } else {
            getLog().warn(verdict.gate().message());
        }
    }
}
