package io.samokoder.bench;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Hot paths of the engine on a generated repository ({@link RepoGenerator}, seed 42): the walk with {@code .gitignore}
 * handling, reading and decoding every file, YAML loading of a compose file, and a whole audit with every registered
 * rule (warm JVM; the cold CLI figures come from {@code benchmarks/run.sh}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class EngineBenchmark {

    @Param({"2000"})
    public int files;

    private Path root;
    private String compose;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        root = Files.createTempDirectory("samokoder-bench");
        new RepoGenerator(RepoGenerator.DEFAULT_SEED, files, 4096).generate(root.resolve("repo"));
        root = root.resolve("repo");
        compose = Files.readString(root.resolve("services/" + RepoGenerator.serviceName(0) + "/docker-compose.yml"));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> walk = Files.walk(root.getParent())) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One walk of the tree: {@code .gitignore} rules, attributes, sorting. */
    @Benchmark
    public int scan() throws IOException {
        return Workspace.scan(root).files().size();
    }

    /** Walk, then read and decode every file once (what a rule touching every file costs at least). */
    @Benchmark
    public long scanAndDecodeAll() throws IOException {
        Workspace ws = Workspace.scan(root);
        long chars = 0;
        for (SourceFile f : ws.files()) {
            chars += ws.text(f).map(String::length).orElse(0);
        }
        return chars;
    }

    /** One compose file through the loader with its limits and duplicate-key pass. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public YamlDocument yamlLoadCompose() {
        return YamlLoader.load("docker-compose.yml", compose);
    }

    /** A whole audit with every registered rule, warm. */
    @Benchmark
    public AuditResult audit() {
        return new Auditor().run(AuditConfig.forRoot(root));
    }
}
