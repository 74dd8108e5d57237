package io.samokoder.bench;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Rule;
import io.samokoder.rules.secrets.CommittedEnvFileRule;
import io.samokoder.rules.secrets.HardcodedInCiRule;
import io.samokoder.rules.secrets.KnownTokenRule;
import io.samokoder.rules.secrets.WeakValueRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The four secrets checks over a generated tree of 20,000 files / 200 MB (workspace walk included): one operation is
 * one full audit. MB/s = 200 MB / (seconds per operation). {@code java -jar benchmarks/target/benchmarks.jar
 * SecretsBenchmark -f 1 -wi 2 -i 3}. The cross-tool comparison (cat, secretlint) is {@link SecretsComparison}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SecretsBenchmark {

    @Param({"20000"})
    public int files;

    @Param({"10240"})
    public int bytesPerFile;

    private Path root;
    public long bytes;

    static List<Rule> secretsRules() {
        return List.of(new KnownTokenRule(), new WeakValueRule(), new HardcodedInCiRule(), new CommittedEnvFileRule());
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("samokoder-secrets-bench");
        bytes = SecretsTree.generate(root, files, bytesPerFile, 42);
        System.out.printf("%n generated %d files, %.1f MB in %s%n", files, bytes / 1e6, root);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public AuditResult secretsChecks() {
        return new Auditor(secretsRules()).run(AuditConfig.forRoot(root));
    }
}
