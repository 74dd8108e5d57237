package io.samokoder.cli;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Gate;
import io.samokoder.engine.Severity;
import io.samokoder.engine.BaselineFiles;
import io.samokoder.engine.report.AuditReport;
import io.samokoder.engine.report.ConsoleReport;
import io.samokoder.engine.report.GithubAnnotations;
import io.samokoder.engine.report.ReportLocales;
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

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML here (one test case per check).")
    Path junit;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write the audit report here: Markdown, or one self-contained HTML file when FILE ends in .html.")
    Path report;

    @Option(names = "--locale", paramLabel = "LANG", description = "Language of the audit report: en (default) or ru.")
    String locale;

    @Option(names = "--min-score", paramLabel = "N",
            description = "Fail when the total score is below N (default: minScore of .samokoder.yml, else 80).")
    Integer minScore;

    @Option(names = "--fail-on-severity", paramLabel = "SEVERITY",
            description = "Fail on any new finding at or above this severity: critical, high, medium, low, info (default: high).")
    String failOnSeverity;

    @Option(names = "--fail-on-violation", arity = "0..1", paramLabel = "BOOL", fallbackValue = "true",
            description = "Exit 1 when the gate fails (default: true); false only reports.")
    Boolean failOnViolation;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: .samokoder.yml in DIR when present).")
    Path configFile;

    @Option(names = "--no-config", description = "Ignore .samokoder.yml.")
    boolean noConfig;

    @Option(names = "--write-baseline", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = "Record the current findings as the baseline (default file: DIR/.samokoder-baseline.json) and exit 0.")
    String writeBaseline;

    @Option(names = "--staged",
            description = "Pre-commit mode: audit only what the files staged in git (git diff --cached) take part in.")
    boolean staged;

    @Option(names = "--files", arity = "1..*", paramLabel = "FILE",
            description = "Pre-commit mode for these changed files (as pre-commit passes them, relative to the working directory).")
    List<String> files;

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

    Map<String, String> env = Map.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)} with the given environment (GITHUB_ACTIONS, ...). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        Main main = new Main();
        main.env = env;
        CommandLine cmd = new CommandLine(main);
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
        AuditConfig config = AuditConfig.forRoot(dir).baseline(baseline).suppressions(suppressions).weights(weights)
                .configFile(configFile);
        if (noConfig) {
            config.disableConfigFile();
        }
        if (minScore != null) {
            config.minScore(minScore);
        }
        if (failOnViolation != null) {
            config.failOnViolation(failOnViolation);
        }
        if (failOnSeverity != null) {
            try {
                config.failOnSeverity(Severity.parse(failOnSeverity));
            } catch (IllegalArgumentException e) {
                throw new AuditException(e.getMessage());
            }
        }
        if (locale != null) {
            config.locale(ReportLocales.parse(locale));
        }
        excludes.forEach(config::exclude);
        disabled.forEach(config::disableRule);
        options.forEach(config::option);
        if (useEnv) {
            config.environment(System.getenv());
        }
        if (writeBaseline != null) {
            BaselineFiles.Written w = BaselineFiles.write(new Auditor(), config,
                    writeBaseline.isEmpty() ? null : Path.of(writeBaseline));
            out.println("samokoder: baseline of " + w.findings() + " finding" + (w.findings() == 1 ? "" : "s")
                    + " written to " + w.file());
            return PASSED;
        }
        boolean partial = staged || files != null;
        if (partial) {
            List<String> changed = new ArrayList<>();
            if (staged) {
                changed.addAll(io.samokoder.engine.StagedFiles.fromGitIndex(dir));
            }
            if (files != null) {
                changed.addAll(io.samokoder.engine.StagedFiles.relativeTo(dir, Path.of(""), files));
            }
            config.changedFiles(changed);
        }
        AuditResult result = new Auditor().run(config);
        ReportWriter.write(result, new ReportWriter.Outputs(sarif, json, junit, report,
                new AuditReport.Options(config.locale(), partial ? null : config.minScore(), config.failOnSeverity())));
        // in the staged-files mode only some checks ran: the score is partial and does not gate
        Gate gate = Gate.evaluate(result, partial ? 0 : config.minScore(), config.failOnSeverity());
        List<String> lines = ConsoleReport.lines(result, config.locale());
        if (partial) {
            out.println("samokoder: pre-commit mode, " + config.changedFiles().size() + " changed file"
                    + (config.changedFiles().size() == 1 ? "" : "s") + ", " + result.rulesRun().size()
                    + " checks ran in " + result.durationMillis() + " ms (the score covers only these checks)");
        }
        if (quiet) {
            out.println(lines.get(0));
        } else {
            lines.forEach(out::println);
        }
        if (GithubAnnotations.enabled(env)) {
            GithubAnnotations.lines(result, env).forEach(out::println);
        }
        if (gate.passed()) {
            out.println(gate.message());
            return PASSED;
        }
        boolean fail = config.failOnViolation();
        (fail ? err : out).println(gate.message());
        return fail ? FAILED : PASSED;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"samokoder " + io.samokoder.engine.Version.get()};
        }
    }
}
