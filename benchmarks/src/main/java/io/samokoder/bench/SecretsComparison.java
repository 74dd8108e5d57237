package io.samokoder.bench;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;

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
 * samokoder secrets checks (in-process: the first, cold pass, then warm-up until the JIT has gone quiet), and
 * secretlint with its recommended preset, in rounds: secretlint once, then samokoder's best of five passes right
 * after it, so that each ratio compares the two at the same host speed. Prints MB/s for each, each round's ratios
 * and their median. Usage (see benchmarks/secrets-vs-secretlint.sh):
 * {@code java -cp benchmarks/target/benchmarks.jar io.samokoder.bench.SecretsComparison SECRETLINT_BIN [files] [bytesPerFile]}
 */
public final class SecretsComparison {

    /** Warm-up ends at the first pass in which the JIT compiled for less than this share of the pass's time. */
    private static final double QUIET_JIT = 0.02;
    private static final int MAX_WARMUPS = 40;
    private static final int MEASURED = 5;
    /** Rounds of secretlint then samokoder (-Drounds=N): an odd number, for a median. */
    private static final int ROUNDS = 3;

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

        double[] cat = time("find . -type f -print0 | xargs -0 cat > /dev/null", root);
        print("cat", cat, mb);

        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        // a pass over 200 MB runs a lot of code: the JIT kept compiling for about twelve passes (0.5-1 s of compile
        // time a pass until then), so a fixed count of warm-ups measured the compiler; warm up until it is quiet
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        AuditResult warm = new Auditor(SecretsBenchmark.secretsRules()).run(AuditConfig.forRoot(root));
        print("first pass", new double[] {(System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9}, mb);
        int warmups = 1;
        while (warmups < MAX_WARMUPS) {
            long compiled = jit.getTotalCompilationTime();
            long t = System.nanoTime();
            new Auditor(SecretsBenchmark.secretsRules()).run(AuditConfig.forRoot(root));
            warmups++;
            if (jit.getTotalCompilationTime() - compiled < QUIET_JIT * (System.nanoTime() - t) / 1e6) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "            (warm after %d passes)%n", warmups);
        // the host's speed drifts by tens of percent from minute to minute: each round times secretlint once and
        // then samokoder right after it, and the ratio is taken within the round
        Path rc = Files.createTempFile("secretlintrc", ".json");
        Files.writeString(rc, "{\"rules\":[{\"id\":\"@secretlint/secretlint-rule-preset-recommend\"}]}");
        String secretlintCommand = "'" + secretlint + "' --secretlintrc '" + rc + "' --format json --no-color '**/*'"
                + " '**/.*' > /dev/null";
        int rounds = Integer.getInteger("rounds", ROUNDS);
        double[] wallRatios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] sl = time(secretlintCommand, root);
            double[] ours = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (int i = 0; i < MEASURED; i++) {
                long cpu = os.getProcessCpuTime();
                long t = System.nanoTime();
                new Auditor(SecretsBenchmark.secretsRules()).run(AuditConfig.forRoot(root));
                ours[0] = Math.min(ours[0], (System.nanoTime() - t) / 1e9);
                ours[1] = Math.min(ours[1], (os.getProcessCpuTime() - cpu) / 1e9);
            }
            System.out.printf(Locale.ROOT, "round %d%n", r + 1);
            print("secretlint", sl, mb);
            print("samokoder", ours, mb);
            wallRatios[r] = sl[0] / ours[0];
            cpuRatios[r] = sl[1] / ours[1];
            System.out.printf(Locale.ROOT, "            %.1fx secretlint's speed, 1/%.1f of its CPU; %.2fx cat's speed%n",
                    wallRatios[r], cpuRatios[r], cat[0] / ours[0]);
        }
        System.out.printf(Locale.ROOT, "            (%d findings)%n", warm.findings().size());
        double[] sorted = wallRatios.clone();
        java.util.Arrays.sort(sorted);
        double[] sortedCpu = cpuRatios.clone();
        java.util.Arrays.sort(sortedCpu);
        System.out.printf(Locale.ROOT, "wall time: samokoder is %.1fx secretlint's speed (median of %d rounds; %s)%n",
                sorted[rounds / 2], rounds, java.util.Arrays.toString(round1(wallRatios)));
        System.out.printf(Locale.ROOT, "CPU time:  samokoder uses 1/%.1f of secretlint's CPU (median; %s)%n",
                sortedCpu[rounds / 2], java.util.Arrays.toString(round1(cpuRatios)));
    }

    private static double[] round1(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(values[i] * 10) / 10.0;
        }
        return out;
    }

    private static void print(String tool, double[] t, double mb) {
        System.out.printf(Locale.ROOT, "%-11s %7.2f s wall %8.1f MB/s | %7.2f s CPU %8.1f MB/CPU-s%n", tool + ":",
                t[0], mb / t[0], t[1], mb / t[1]);
    }

    /** Wall and CPU (user + system of the command and its children) seconds, measured by bash's time. */
    private static double[] time(String shellCommand, Path dir) throws IOException, InterruptedException {
        Path times = Files.createTempFile("time", ".txt");
        String script = "TIMEFORMAT='%R %U %S'; { time ( " + shellCommand + " ) ; } 2> '" + times + "'";
        Process p = new ProcessBuilder(List.of("bash", "-c", script)).directory(dir.toFile())
                .redirectOutput(new File("/dev/null")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(2, TimeUnit.HOURS)) {
            p.destroyForcibly();
            throw new IllegalStateException(shellCommand + " timed out");
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(times));
        Files.deleteIfExists(times);
        String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2])};
    }
}
