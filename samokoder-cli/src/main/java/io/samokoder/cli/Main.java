package io.samokoder.cli;

import io.samokoder.engine.AuditException;
import io.samokoder.audit.StagedFiles;
import io.samokoder.run.AuditRequest;
import io.samokoder.run.AuditService;
import io.samokoder.run.Outputs;
import io.samokoder.run.Settings;
import io.samokoder.run.Source;
import io.samokoder.run.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Command-line launcher over the engine, for pre-commit hooks and scripts: translates its options into an
 * {@link AuditRequest} and prints the {@link Verdict}. Exit codes: 0 gate passed, 1 gate failed, 2 usage error or
 * fatal problem (one line on stderr). Settings: flags, then {@code .samokoder.yml}, then the defaults.
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

    @Option(names = "--sarif", paramLabel = "FILE", description = "Write SARIF 2.1.0 here (- for standard output).")
    Path sarif;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here (- for standard output).")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML here (one test case per finding,"
            + " failed when it fails the gate, and one per rule that ran clean).")
    Path junit;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write the audit report here: Markdown, or one self-contained HTML file when FILE ends in .html.")
    Path report;

    @Option(names = "--locale", paramLabel = "LANG", description = "Language of the report, the console summary"
            + " and the texts of SARIF, JSON and JUnit: en (default) or ru.")
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

    @Option(names = "--fail-on-check-error", arity = "0..1", paramLabel = "BOOL", fallbackValue = "true",
            description = "Fail the gate when a check could not finish (default: true); false passes it regardless."
                    + " The repository's .samokoder.yml cannot change this.")
    Boolean failOnCheckError;

    @Option(names = "--time-budget", paramLabel = "SECONDS",
            description = "Time the checks may take together (default: 600); a check unfinished then fails.")
    Double timeBudget;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: .samokoder.yml in DIR when present).")
    Path configFile;

    @Option(names = "--no-config", description = "Ignore .samokoder.yml.")
    boolean noConfig;

    @Option(names = "--write-baseline", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = "Record the current findings as the baseline (default file: --baseline, else"
                    + " DIR/.samokoder-baseline.json) and exit 0.")
    String writeBaseline;

    @Option(names = "--staged",
            description = "Pre-commit mode: audit only what the files staged in git (git diff --cached) take part in.")
    boolean staged;

    @Option(names = "--files", arity = "1..*", paramLabel = "FILE",
            description = "Pre-commit mode for these changed files (as pre-commit passes them, relative to the working directory).")
    List<String> files;

    @Option(names = "--skip", description = "Do nothing and exit 0.")
    boolean skip;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Gate only on findings not in this baseline (default: DIR/.samokoder-baseline.json when present).")
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
        // UTF-8 whatever the platform's charset: a report on standard output has the bytes of the report file
        System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
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
            printError(err, ex.getMessage() + " (see --help)");
            return ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, c, r) -> {
            printError(err, ex instanceof AuditException ? ex.getMessage() : "internal error: " + ex);
            return ERROR;
        });
        int code = exitOnVmError(() -> cmd.execute(args), err);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The exit code of {@code audit}, or {@link #ERROR} with one line when the JVM runs out of heap or stack: picocli
     * hands only exceptions to its handler, and an error would otherwise end the build with a stack trace.
     */
    static int exitOnVmError(java.util.function.IntSupplier audit, PrintWriter err) {
        try {
            return audit.getAsInt();
        } catch (OutOfMemoryError e) {
            printError(err, "out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB heap): give the JVM"
                    + " more (SAMOKODER_HEAP for scripts/samokoder, -Xmx for java -jar, MAVEN_OPTS for Maven)");
            return ERROR;
        } catch (StackOverflowError e) {
            printError(err, "internal error: stack overflow (raise the thread stack with -Xss)");
            return ERROR;
        }
    }

    /** Where each setting of the flags comes from, for the warning when it overrides {@code .samokoder.yml}. */
    private static final Map<String, String> FLAGS = Map.of("minScore", "--min-score", "failOnSeverity",
            "--fail-on-severity", "failOnViolation", "--fail-on-violation", "locale", "--locale", "excludes",
            "--exclude", "weights", "--weights", "disabledRules", "--disable", "options", "-O", "baseline",
            "--baseline", "suppressions", "--suppressions");

    /**
     * An error, one line per problem: each escaped for the console, since a message may quote a value of the audited
     * repository's own files (a setting of .samokoder.yml holding a line feed and "::error::").
     */
    static void printError(PrintWriter err, String message) {
        String[] lines = String.valueOf(message).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            err.println(io.samokoder.workspace.LineEscape.consoleLine((i == 0 ? "samokoder: " : "") + lines[i]));
        }
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
        Settings flags = Settings.builder().minScore(minScore).failOnSeverity(failOnSeverity)
                .failOnViolation(failOnViolation).locale(locale).excludes(excludes.isEmpty() ? null : excludes)
                .weights(weights).disabledRules(disabled.isEmpty() ? null : disabled).options(options)
                .baseline(writeBaseline != null && !writeBaseline.isEmpty() ? Path.of(writeBaseline) : baseline)
                .suppressions(suppressions).build();
        AuditRequest.Builder request = AuditRequest.of(dir).source(Source.named(FLAGS, "a flag", flags))
                .configFile(configFile).ignoreConfigFile(noConfig).environment(env, useEnv)
                .outputs(new Outputs(sarif, json, junit, report)).writeBaseline(writeBaseline != null)
                .failOnCheckError(failOnCheckError == null || failOnCheckError);
        if (timeBudget != null) {
            if (!(timeBudget > 0) || timeBudget > 1e9) {
                throw new AuditException("--time-budget must be a positive number of seconds, got " + timeBudget);
            }
            request.timeBudget(java.time.Duration.ofNanos((long) (timeBudget * 1e9)));
        }
        if (staged || files != null) {
            List<String> changed = new ArrayList<>();
            if (staged) {
                changed.addAll(StagedFiles.fromGitIndex(dir));
            }
            if (files != null) {
                changed.addAll(StagedFiles.relativeTo(dir, Path.of(""), files));
            }
            request.changedFiles(changed);
        }
        Verdict verdict = new AuditService().execute(request.build());
        verdict.warnings().forEach(err::println);
        if (writeBaseline != null) {
            verdict.notes().forEach(out::println);
            return PASSED;
        }
        // a report on standard output keeps it to itself: everything else goes to the error stream
        PrintWriter text = verdict.stdout().length > 0 ? err : out;
        if (!quiet) {
            verdict.notes().forEach(text::println);
        }
        List<String> lines = quiet ? verdict.console().subList(0, 1) : verdict.console();
        lines.forEach(text::println);
        verdict.annotations().forEach(text::println);
        text.flush();
        out.print(new String(verdict.stdout(), StandardCharsets.UTF_8));
        out.flush();
        if (verdict.passed()) {
            text.println(verdict.gate().message());
            return PASSED;
        }
        (verdict.failsBuild() ? err : text).println(verdict.gate().message());
        return verdict.failsBuild() ? FAILED : PASSED;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"samokoder " + io.samokoder.report.Version.get()};
        }
    }
}
