package io.samokoder.bench;

import io.samokoder.model.markdown.MarkdownDocument;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Markdown a hostile repository can hold, parsed into the docs model (issue 25, F7): before the linear parser
 * 10,000 links in one paragraph took 13.8 s, 100,000 or a 4.9 MB line of links more than 300 s, and 200,000 nested
 * {@code <div>} 171 s and 4.1 GB. Target: each under 10 s, and doubling the input at most doubles the time
 * ({@code -p size=...} with half the sizes). On a shared machine the wall-clock time follows the load:
 * {@link #main} prints the parsing thread's CPU time too, for both sizes.
 * <ul>
 *   <li>{@code links-per-line}: {@code size} links, one a line, in one paragraph (default 100,000: 2.7 MB);</li>
 *   <li>{@code links-one-line}: links on a single line until it is {@code size} × 50 bytes (default 5 MB);</li>
 *   <li>{@code nested-divs}: {@code size} × 2 nested {@code <div>} inside a paragraph (default 200,000, with their
 *   closing tags 2.2 MB);</li>
 *   <li>{@code unclosed-destinations}: {@code [a](} repeated until {@code size} × 50 bytes (5 MB).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class HostileMarkdownBenchmark {

    @Param({"links-per-line", "links-one-line", "nested-divs", "unclosed-destinations"})
    public String shape;

    @Param({"100000"})
    public int size;

    private String text;
    private int expectedLinks;

    @Setup(Level.Trial)
    public void generate() {
        text = text(shape, size);
        expectedLinks = switch (shape) {
            case "links-per-line" -> size;
            case "links-one-line" -> (int) text.chars().filter(c -> c == '[').count();
            default -> 0;
        };
    }

    static String text(String shape, int size) {
        StringBuilder sb = new StringBuilder("# Hostile\n\n");
        switch (shape) {
            case "links-per-line" -> {
                for (int i = 0; i < size; i++) {
                    sb.append("[link ").append(i).append("](docs/page-").append(i).append(".md)\n");
                }
            }
            case "links-one-line" -> {
                long target = size * 50L;
                for (int i = 0; sb.length() < target; i++) {
                    sb.append("[link ").append(i).append("](docs/page-").append(i).append(".md) ");
                }
                sb.append('\n');
            }
            case "nested-divs" -> sb.append("x ").append("<div>".repeat(2 * size)).append('x')
                    .append("</div>".repeat(2 * size)).append('\n');
            case "unclosed-destinations" -> sb.append("[a](".repeat(size * 50 / 4)).append('\n');
            default -> throw new IllegalArgumentException(shape);
        }
        return sb.toString();
    }

    @Benchmark
    public int parse() {
        MarkdownDocument d = MarkdownDocument.parse("docs/hostile.md", text);
        if (d.links().size() != expectedLinks) {
            throw new IllegalStateException(shape + ": expected " + expectedLinks + " links, got " + d.links().size());
        }
        return d.links().size();
    }

    /**
     * {@code java -cp benchmarks/target/benchmarks.jar io.samokoder.bench.HostileMarkdownBenchmark [SIZE [RUNS]]}:
     * each shape at half the size and at the size, the median of {@code RUNS} (3) parses after one warm-up, wall-clock
     * and CPU time of the parsing thread, and the ratio of the CPU times.
     */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.println("shape | size | MB | wall ms | CPU ms | CPU ratio to half the size");
        for (String shape : new String[]{"links-per-line", "links-one-line", "nested-divs", "unclosed-destinations"}) {
            double halfCpu = 0;
            for (int n : new int[]{size / 2, size}) {
                HostileMarkdownBenchmark b = new HostileMarkdownBenchmark();
                b.shape = shape;
                b.size = n;
                b.generate();
                b.parse();
                long[] wall = new long[runs];
                long[] cpu = new long[runs];
                for (int r = 0; r < runs; r++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    b.parse();
                    wall[r] = (System.nanoTime() - t0) / 1_000_000;
                    cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
                }
                java.util.Arrays.sort(wall);
                java.util.Arrays.sort(cpu);
                double medianCpu = cpu[runs / 2];
                System.out.printf("%s | %d | %.1f | %d | %d | %s%n", shape, n, b.text.length() / 1e6, wall[runs / 2],
                        cpu[runs / 2], n == size ? String.format("%.2f", medianCpu / halfCpu) : "");
                halfCpu = medianCpu;
            }
        }
    }
}
