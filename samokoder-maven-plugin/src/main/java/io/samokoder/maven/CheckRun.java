package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Gate;
import io.samokoder.engine.report.AuditReport;
import io.samokoder.engine.report.ConsoleReport;
import io.samokoder.engine.report.GithubAnnotations;
import io.samokoder.engine.report.ReportWriter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code check} does, without Maven: audit, write the reports, print the summary and the gate. Runs in the
 * build's JVM or in the audit JVM {@link ForkedCheck} starts; both print through an {@link Output}.
 */
final class CheckRun {

    /** Where the lines go: Maven's log levels, and raw lines that must start a line of the job's output. */
    interface Output {
        void info(String line);

        void warn(String line);

        void raw(String line);

        default void debug(String line) {
        }
    }

    /** The gate's result: passed, or not passed and whether that fails the build. */
    record Verdict(boolean passed, boolean failsBuild, String message) {
    }

    private CheckRun() {
    }

    /** Throws {@link io.samokoder.engine.AuditException} for bad parameters and unreadable input. */
    static Verdict run(CheckSettings settings, Output out) {
        return run(settings, System.getenv(), null, out);
    }

    /**
     * @param env              the build's environment: {@code useEnvironment} and the GitHub Actions annotations read it
     * @param workingDirectory the build's working directory, null for this JVM's
     */
    static Verdict run(CheckSettings settings, Map<String, String> env, Path workingDirectory, Output out) {
        AuditConfig config = settings.toConfig(env, workingDirectory);
        AuditResult result = new Auditor().run(config);
        ReportWriter.write(result, new ReportWriter.Outputs(settings.output(settings.sarif, "samokoder.sarif"),
                settings.output(settings.json, "samokoder.json"),
                settings.junit == null ? null : settings.output(settings.junit, "TEST-samokoder.xml"),
                settings.output(settings.report, "samokoder-report.html"),
                new AuditReport.Options(config.locale(), config.minScore(), config.failOnSeverity())));
        List<String> lines = ConsoleReport.lines(result, config.locale());
        for (int i = 0; i < lines.size(); i++) {
            if (i < 4) {
                out.info(lines.get(i));
            } else {
                out.warn(lines.get(i));
            }
        }
        if (GithubAnnotations.enabled(env)) {
            // workflow commands must start a line of the job's output: bypass Maven's "[INFO] " prefix
            GithubAnnotations.lines(result, env).forEach(out::raw);
        }
        Gate gate = Gate.evaluate(result, config.minScore(), config.failOnSeverity());
        return new Verdict(gate.passed(), !gate.passed() && config.failOnViolation(), gate.message());
    }
}
