package io.samokoder.bench;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One run measuring, on the same generated tree (20,000 files / 200 MB by default): {@code cat} of every file, the
 * samokoder secrets checks (in-process, best of three after one warm-up run), and secretlint with its recommended
 * preset. Prints MB/s for each and the ratios. Usage (see benchmarks/secrets-vs-secretlint.sh):
 * {@code java -cp benchmarks/target/benchmarks.jar io.samokoder.bench.SecretsComparison SECRETLINT_BIN [files] [bytesPerFile]}
 */
public final class SecretsComparison {

    private SecretsComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SecretsComparison <secretlint binary> [files] [bytesPerFile] [dir]");
            System.exit(2);
        }
        String secretlint = args[0];
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        int perFile = args.length > 2 ? Integer.parseInt(args[2]) : 10240;
        Path root = args.length > 3 ? Paths.get(args[3]) : Files.createTempDirectory("samokoder-secrets-cmp");
        long bytes = SecretsTree.generate(root, files, perFile, 42);
        double mb = bytes / 1e6;
        System.out.printf(Locale.ROOT, "tree: %s, %d files, %.1f MB, %d cores%n", root, files, mb,
                Runtime.getRuntime().availableProcessors());

        double cat = time(List.of("sh", "-c", "find . -type f -print0 | xargs -0 cat > /dev/null"), root);
        System.out.printf(Locale.ROOT, "cat:        %7.2f s  %8.1f MB/s%n", cat, mb / cat);

        AuditResult warm = new Auditor(SecretsBenchmark.secretsRules()).run(AuditConfig.forRoot(root));
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            new Auditor(SecretsBenchmark.secretsRules()).run(AuditConfig.forRoot(root));
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf(Locale.ROOT, "samokoder:  %7.2f s  %8.1f MB/s  (%d findings)%n", best, mb / best,
                warm.findings().size());

        Path rc = Files.createTempFile("secretlintrc", ".json");
        Files.writeString(rc, "{\"rules\":[{\"id\":\"@secretlint/secretlint-rule-preset-recommend\"}]}");
        double sl = time(List.of(secretlint, "--secretlintrc", rc.toString(), "--format", "json", "--no-color",
                "**/*", "**/.*"), root);
        System.out.printf(Locale.ROOT, "secretlint: %7.2f s  %8.1f MB/s%n", sl, mb / sl);
        System.out.printf(Locale.ROOT, "samokoder is %.1fx secretlint's speed and %.2fx cat's%n", sl / best, cat / best);
    }

    private static double time(List<String> command, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(2, TimeUnit.HOURS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " timed out");
        }
        return (System.nanoTime() - t) / 1e9;
    }
}
