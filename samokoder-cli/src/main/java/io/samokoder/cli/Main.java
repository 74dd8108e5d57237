package io.samokoder.cli;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Gate;
import io.samokoder.engine.Severity;
import io.samokoder.engine.report.ConsoleReport;
import io.samokoder.engine.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Command-line launcher over the engine, for pre-commit hooks and scripts. Exit codes: 0 gate passed, 1 gate failed,
 * 2 usage error or fatal problem (one line on stderr).
 */
@Command(name = "samokoder", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        sortOptions = false,
        description = "Audits a repository's production readiness (compose, Prometheus, Alertmanager, secrets, docs,"
                + " migrations), prints the readiness score and findings, and exits 1 when the gate fails.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:gate passed (or --fail-on-violation=false)", "1:gate failed",
                "2:usage error, unreadable directory or invalid configuration"})
public final class Main implements Callable<Integer> {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int ERROR = 2;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Repository to audit (default: current directory).")
    Path dir = Path.of(".");

    @Option(names = "--sarif", paramLabel = "FILE", description = "Write SARIF 2.1.0 here.")
    Path sarif;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
    Path json;

    @Option(names = "--min-score", paramLabel = "N", description = "Fail when the total score is below N (default: ${DEFAULT-VALUE}).")
    int minScore = AuditConfig.DEFAULT_MIN_SCORE;

    @Option(names = "--fail-on-severity", paramLabel = "SEVERITY",
            description = "Fail on any new finding at or above this severity: critical, high, medium, low, info (default: high).")
    String failOnSeverity = AuditConfig.DEFAULT_FAIL_ON_SEVERITY.id();

    @Option(names = "--fail-on-violation", arity = "0..1", paramLabel = "BOOL", fallbackValue = "true",
            description = "Exit 1 when the gate fails (default: ${DEFAULT-VALUE}); false only reports.")
    boolean failOnViolation = true;

    @Option(names = "--skip", description = "Do nothing and exit 0.")
    boolean skip;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Gate only on findings not in this baseline.")
    Path baseline;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "Suppressions file (default: .samokoder-suppressions.yml in DIR when present).")
    Path suppressions;

    @Option(names = "--exclude", paramLabel = "PATTERN", split = ",",
            description = "Paths to leave out, in .gitignore syntax; repeatable or comma-separated.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "SPEC", description = "Category weights, e.g. secrets=3,docs=1.")
    String weights;

    @Option(names = "--disable", paramLabel = "RULE", split = ",", description = "Rule ids to turn off.")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--use-env", description = "Use the process environment for compose interpolation.")
    boolean useEnv;

    @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE", description = "Rule option, e.g. -O docs.online=true.")
    Map<String, String> options = new java.util.LinkedHashMap<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only the score line and the gate result.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("samokoder: " + ex.getMessage() + " (see --help)");
            return ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, c, r) -> {
            err.println("samokoder: " + (ex instanceof AuditException ? ex.getMessage()
                    : "internal error: " + ex));
            return ERROR;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (skip) {
            out.println("samokoder: skipped");
            return PASSED;
        }
        if (!Files.isDirectory(dir)) {
            err.println("samokoder: not a directory: " + dir);
            return ERROR;
        }
        AuditConfig config = AuditConfig.forRoot(dir).minScore(minScore).failOnViolation(failOnViolation)
                .baseline(baseline).suppressions(suppressions).weights(weights);
        try {
            config.failOnSeverity(Severity.parse(failOnSeverity));
        } catch (IllegalArgumentException e) {
            throw new AuditException(e.getMessage());
        }
        excludes.forEach(config::exclude);
        disabled.forEach(config::disableRule);
        options.forEach(config::option);
        if (useEnv) {
            config.environment(System.getenv());
        }
        AuditResult result = new Auditor().run(config);
        ReportWriter.write(result, new ReportWriter.Outputs(sarif, json));
        Gate gate = Gate.evaluate(result, config.minScore(), config.failOnSeverity());
        List<String> lines = ConsoleReport.lines(result);
        if (quiet) {
            out.println(lines.get(0));
        } else {
            lines.forEach(out::println);
        }
        if (gate.passed()) {
            out.println(gate.message());
            return PASSED;
        }
        (failOnViolation ? err : out).println(gate.message());
        return failOnViolation ? FAILED : PASSED;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"samokoder " + io.samokoder.engine.Version.get()};
        }
    }
}
