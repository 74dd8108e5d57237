package io.samokoder.bench;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Category;
import io.samokoder.engine.Rule;
import io.samokoder.audit.RuleRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * The docs checks over a generated repository of 10,000 Markdown files (100 folders of 100) with 20 links each:
 * links to siblings and to files in other folders, anchors in the same and in other files, images, a reference
 * definition, an http link, a link to a GitHub page, and one broken link and one broken anchor per file. One
 * operation is a complete audit with the docs rules: workspace walk, parse, resolution, findings. Target: under 3 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class DocsBenchmark {

    static final int FOLDERS = 100;
    static final int FILES_PER_FOLDER = 100;

    private Path root;
    private Auditor auditor;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        root = Files.createTempDirectory("samokoder-docs-bench");
        for (int d = 0; d < FOLDERS; d++) {
            Path dir = Files.createDirectories(root.resolve(String.format("docs/section-%02d", d)));
            Files.writeString(dir.resolve("diagram.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            for (int f = 0; f < FILES_PER_FOLDER; f++) {
                Files.writeString(dir.resolve(String.format("page-%03d.md", f)), page(d, f));
            }
        }
        Files.writeString(root.resolve("README.md"), "# Handbook\n\nSee [the first page](docs/section-00/page-000.md).\n");
        List<Rule> docs = RuleRegistry.load().stream().filter(r -> r.meta().category() == Category.DOCS).toList();
        auditor = new Auditor(docs);
    }

    static String page(int d, int f) {
        int nd = (d + 1) % FOLDERS;
        int nf = (f + 7) % FILES_PER_FOLDER;
        String next = String.format("page-%03d.md", (f + 1) % FILES_PER_FOLDER);
        String other = String.format("../section-%02d/page-%03d.md", nd, nf);
        StringBuilder sb = new StringBuilder();
        sb.append("# Page ").append(d).append('.').append(f).append(" — Руководство 📘\n\n");
        sb.append("## Contents\n\n");
        sb.append("1. [Setup](#setup) 2. [Usage](#usage) 3. [Troubleshooting](#troubleshooting) 4. [FAQ](#faq)\n\n");
        sb.append("## Setup\n\nRead [the next page](").append(next).append(") and [the related page](").append(other)
                .append(").\nThen follow [its setup](").append(other).append("#setup) and [usage](").append(next)
                .append("#usage).\n\n");
        sb.append("![diagram](diagram.svg) ![other diagram](../section-").append(String.format("%02d", nd))
                .append("/diagram.svg)\n\n");
        sb.append("## Usage\n\nRun `make deploy` — see [the handbook](/README.md) and [the root](../../README.md#handbook).\n");
        sb.append("Ask in [issues](../../../../issues) or read [the spec][spec]; upstream: https://example.com/docs/")
                .append(f).append(".\n\n");
        sb.append("## Troubleshooting\n\nKnown problems: [old page](page-old-").append(f)
                .append(".md) and [missing section](#known-issues).\n\n");
        sb.append("## FAQ\n\n[Back to setup](#setup), [to usage](#usage), [other FAQ](").append(other)
                .append("#faq), [top](#top).\n\n");
        sb.append("[spec]: ").append(next).append('\n');
        return sb.toString();
    }

    @Benchmark
    public int auditDocs() {
        AuditResult r = auditor.run(AuditConfig.forRoot(root));
        int n = r.findings().size();
        if (n != 2 * FOLDERS * FILES_PER_FOLDER) {
            throw new IllegalStateException("expected one broken link and one broken anchor per page, got " + n);
        }
        return n;
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
