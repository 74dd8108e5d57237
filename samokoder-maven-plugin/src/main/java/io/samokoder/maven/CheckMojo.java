package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.Path;
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

    /**
     * Audit in a JVM of its own (default), which maps the audit's classes from a class-data-sharing archive instead
     * of loading them cold into the build's JVM; false to audit in the build's JVM.
     */
    @Parameter(property = "samokoder.fork", defaultValue = "true")
    boolean fork = true;

    /** Options of the audit JVM, space-separated (default: {@code -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseParallelGC -XX:NewRatio=5}). */
    @Parameter(property = "samokoder.jvmArgs")
    String jvmArgs;

    /**
     * Folder of the audit JVM's class-data-sharing archive, written by the first run for each JDK and plugin build
     * (default: {@code $XDG_CACHE_HOME/samokoder} when absolute, else {@code ~/.cache/samokoder}); {@code none} for no
     * archive. Where the {@code CI} environment variable is set, the default folder is written into only when an
     * earlier build on the machine left it; a folder named here at once (name the folder the CI caches).
     */
    @Parameter(property = "samokoder.cacheDir")
    String cacheDir;

    /**
     * Reuse a long-lived audit JVM (the audit daemon) across builds, as Gradle's daemon: it exits after
     * {@code daemonIdleTimeout} seconds without a build. Default: on, except where the {@code CI} environment
     * variable is set, since continuous integration builds on fresh machines. Needs {@code fork} and a
     * {@code cacheDir}; the first build forks and writes the class-data archive the daemon starts from.
     */
    @Parameter(property = "samokoder.daemon")
    Boolean daemon;

    /** Seconds without a build after which the audit daemon exits (default: 600). */
    @Parameter(property = "samokoder.daemonIdleTimeout", defaultValue = "600")
    long daemonIdleTimeout = 600;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("samokoder: skipped");
            return;
        }
        CheckSettings settings = settings();
        settings.sarif = sarif;
        settings.json = json;
        settings.junit = junit;
        settings.report = report;
        CheckRun.Output log = new CheckRun.Output() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }

            @Override
            public void debug(String line) {
                getLog().debug(line);
            }

            @Override
            public void raw(String line) {
                System.out.println(line);
                System.out.flush();
            }
        };
        CheckRun.Verdict verdict;
        try {
            verdict = fork ? forked(settings, log) : CheckRun.run(settings, log);
        } catch (AuditException e) {
            throw new MojoFailureException("samokoder: " + e.getMessage());
        }
        if (verdict.passed()) {
            getLog().info(verdict.message());
        } else if (verdict.failsBuild()) {
            throw new MojoFailureException(verdict.message());
        } else {
            getLog().warn(verdict.message());
        }
    }

    private CheckRun.Verdict forked(CheckSettings settings, CheckRun.Output log) {
        List<String> args = jvmArgs == null || jvmArgs.isBlank() ? AuditFork.DEFAULT_JVM_ARGS
                : List.of(jvmArgs.trim().split("\\s+"));
        Path cache = cacheFolder();
        boolean ci = DaemonClient.inCi(System.getenv());
        if (daemon != null ? daemon : !ci) {
            CheckRun.Verdict verdict = DaemonClient.run(settings, args, cache, Math.max(1, daemonIdleTimeout), log);
            if (verdict != null) {
                return verdict;
            }
        }
        try {
            return AuditFork.run(settings, args, cache, AuditFork.writesArchive(cache, cacheDirNamed(), ci), log);
        } catch (IOException e) {
            getLog().warn("samokoder: cannot start the audit JVM (" + e.getMessage() + "); auditing in the build's JVM");
            return CheckRun.run(settings, log);
        }
    }

    Path cacheFolder() {
        if (cacheDir != null && cacheDir.equalsIgnoreCase("none")) {
            return null;
        }
        if (cacheDirNamed()) {
            return Path.of(cacheDir).toAbsolutePath();
        }
        return defaultCacheFolder(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    /** Whether the build names the cache folder rather than taking the default. */
    private boolean cacheDirNamed() {
        return cacheDir != null && !cacheDir.isBlank();
    }

    /**
     * {@code $XDG_CACHE_HOME/samokoder}, else {@code ~/.cache/samokoder}. A relative {@code XDG_CACHE_HOME} is invalid
     * (XDG Base Directory specification) and ignored: it would put the archive under whatever folder Maven runs in.
     */
    static Path defaultCacheFolder(String xdgCacheHome, String userHome) {
        Path base = xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()
                ? Path.of(xdgCacheHome) : Path.of(userHome, ".cache");
        return base.resolve("samokoder");
    }

}
