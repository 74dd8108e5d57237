package io.samokoder.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real tools for differential tests (promtool, amtool, docker-compose, alembic, remark, secretlint). {@code .ci/run}
 * installs them; on a developer machine without them the test is skipped with the reason, but where peers are
 * required ({@link #peersRequired()}: {@code .ci/run} sets it) a missing tool fails the test, so that CI never passes
 * with its differential tests silently skipped.
 */
public final class ExternalTools {

    private ExternalTools() {
    }

    /** The repository root (parent of the fixtures folder). */
    public static Path repoRoot() {
        String prop = System.getProperty("samokoder.fixtures");
        Path fixtures = prop != null ? Paths.get(prop) : Paths.get("..", "fixtures");
        return fixtures.toAbsolutePath().normalize().getParent();
    }

    /** An npm tool installed by {@code npm ci --prefix tools/node}. */
    public static Path requireNpm(String bin) {
        Path p = repoRoot().resolve("tools/node/node_modules/.bin").resolve(bin);
        if (!Files.isExecutable(p)) {
            missing(bin + " (run: npm ci --prefix tools/node)");
        }
        return p;
    }

    /**
     * The SARIF Multitool ({@code @microsoft/sarif-multitool}), as the native binary of its platform package: the
     * package's {@code bin.js} runs it through a shell, which would split the {@code ;}-separated lists its options
     * take ({@code --rule-kind "Sarif;Gh"}).
     */
    public static Path requireSarifMultitool() {
        requireNpm("sarif-multitool");
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String platform = os.contains("win") ? "win32" : os.contains("mac") ? "darwin" : "linux";
        Path p = repoRoot().resolve("tools/node/node_modules/@microsoft/sarif-multitool-" + platform)
                .resolve(platform.equals("win32") ? "Sarif.Multitool.exe" : "Sarif.Multitool");
        if (!Files.isExecutable(p)) {
            missing(p + " (run: npm ci --prefix tools/node)");
        }
        return p;
    }

    /** A command on PATH (or an absolute path). */
    public static Path require(String command) {
        if (command.startsWith("/")) {
            Path p = Paths.get(command);
            if (!Files.isExecutable(p)) {
                missing(command);
            }
            return p;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Paths.get(dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        missing(command);
        return null;
    }

    /**
     * Whether a missing peer tool fails the test: {@code -Dsamokoder.requirePeers=true} (passed on to the test JVM) or
     * the environment variable {@code SAMOKODER_REQUIRE_PEERS=true}, which {@code .ci/run} exports.
     */
    public static boolean peersRequired() {
        return Boolean.getBoolean("samokoder.requirePeers")
                || "true".equalsIgnoreCase(System.getenv("SAMOKODER_REQUIRE_PEERS"));
    }

    /** Fails where peers are required, else skips the test with the reason. */
    public static void missing(String what) {
        if (peersRequired()) {
            fail("differential test needs " + what + ", which .ci/run installs (peer tools are required here)");
        }
        Assumptions.abort(what + " is not installed; differential test skipped (.ci/run installs it)");
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result run(List<String> command, Path workingDir, Duration timeout) {
        return run(command, workingDir, timeout, java.util.Map.of());
    }

    /** Runs a tool with these environment variables added to the test JVM's. */
    public static Result run(List<String> command, Path workingDir, Duration timeout,
                             java.util.Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("tool-out", ".txt");
            Path err = Files.createTempFile("tool-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                fail(command + " did not finish within " + timeout);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
