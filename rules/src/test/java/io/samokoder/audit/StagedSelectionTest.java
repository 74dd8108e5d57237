package io.samokoder.audit;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StagedSelectionTest {

    @TempDir
    Path tmp;

    /** Reports one finding per file of its inputs. */
    abstract static class Probe implements Rule {
        abstract Set<String> files();

        @Override
        public boolean isApplicable(AuditContext context) {
            return true;
        }

        @Override
        public Set<String> inputs(AuditContext context) {
            return files();
        }

        @Override
        public void check(AuditContext context, FindingSink sink) {
            for (String f : new java.util.TreeSet<>(files())) {
                sink.report(Finding.of(this).at(f, 1).message("probe " + f).key(f).build());
            }
        }
    }

    @RuleInfo(id = "monitoring/compose-x-prometheus", category = Category.MONITORING, severity = Severity.HIGH,
            summary = "joins", remediation = "r")
    static final class Joined extends Probe {
        @Override
        Set<String> files() {
            return Set.of("docker-compose.yml", "monitoring/prometheus.yml");
        }

        @Override
        public boolean crossFile() {
            return true;
        }
    }

    @RuleInfo(id = "docs/per-file", category = Category.DOCS, severity = Severity.LOW, summary = "per file",
            remediation = "r")
    static final class PerFile extends Probe {
        @Override
        Set<String> files() {
            return Set.of("README.md", "docs/a.md");
        }
    }

    @RuleInfo(id = "config/globbed", category = Category.CONFIG, severity = Severity.LOW, summary = "glob",
            remediation = "r")
    static final class Globbed extends Probe {
        @Override
        Set<String> files() {
            return Set.of("monitoring/**.yml");
        }

        @Override
        public void check(AuditContext context, FindingSink sink) {
            sink.report(Finding.of(this).at("monitoring/prometheus.yml", 1).message("glob").build());
        }
    }

    /** A token scanner: no declared inputs, reports every file it is given. */
    @RuleInfo(id = "secrets/scanner", category = Category.SECRETS, severity = Severity.LOW, summary = "scans",
            remediation = "r")
    static final class Scanner implements Rule {
        @Override
        public boolean isApplicable(AuditContext context) {
            return true;
        }

        @Override
        public void check(AuditContext context, FindingSink sink) {
            for (SourceFile f : context.workspace().files()) {
                sink.report(Finding.of(this).at(f.path(), 1).message("scanned, exists(README.md)="
                        + context.workspace().exists("README.md")).build());
            }
        }
    }

    @Test
    void scannersSeeOnlyTheChangedFilesButTheWholeTree() throws IOException {
        for (String f : List.of("a.py", "b.py", "README.md")) {
            Files.writeString(tmp.resolve(f), "x\n");
        }
        AuditResult staged = new Auditor(List.of(new Scanner()))
                .run(AuditConfig.forRoot(tmp).changedFiles(List.of("b.py")));
        assertThat(staged.findings()).extracting(Finding::location, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b.py:1", "scanned, exists(README.md)=true"));
        AuditResult full = new Auditor(List.of(new Scanner())).run(AuditConfig.forRoot(tmp));
        assertThat(full.findings()).hasSize(3);
    }

    private AuditResult run(String... changed) throws IOException {
        for (String f : List.of("docker-compose.yml", "monitoring/prometheus.yml", "README.md", "docs/a.md")) {
            Files.createDirectories(tmp.resolve(f).getParent());
            Files.writeString(tmp.resolve(f), "x\n");
        }
        return new Auditor(List.of(new Joined(), new PerFile(), new Globbed()))
                .run(AuditConfig.forRoot(tmp).changedFiles(List.of(changed)));
    }

    @Test
    void editingPrometheusRechecksComposeAndReportsTheComposeSide() throws IOException {
        AuditResult r = run("monitoring/prometheus.yml");
        assertThat(r.rulesRun()).extracting(RuleMeta::id)
                .containsExactly("config/globbed", "monitoring/compose-x-prometheus");
        assertThat(r.findings()).extracting(Finding::location)
                .containsExactly("docker-compose.yml:1", "monitoring/prometheus.yml:1", "monitoring/prometheus.yml:1");
    }

    @Test
    void perFileRulesReportOnlyTheChangedFile() throws IOException {
        AuditResult r = run("docs/a.md");
        assertThat(r.rulesRun()).extracting(RuleMeta::id).containsExactly("docs/per-file");
        assertThat(r.findings()).extracting(Finding::location).containsExactly("docs/a.md:1");
    }

    @Test
    void unrelatedFileRunsNothing() throws IOException {
        AuditResult r = run("src/Main.java");
        assertThat(r.rulesRun()).isEmpty();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void globsAndPaths() {
        assertThat(StagedSelection.matches("**", "a/b.yml")).isTrue();
        assertThat(StagedSelection.matches("a/b.yml", "a/b.yml")).isTrue();
        assertThat(StagedSelection.matches("a/*.yml", "a/b.yml")).isTrue();
        assertThat(StagedSelection.matches("a/*.yml", "a/c/b.yml")).isFalse();
        assertThat(StagedSelection.matches("a/b.yml", "a/b.yaml")).isFalse();
        assertThat(StagedSelection.matches("[", "[")).isTrue();
        assertThat(StagedSelection.matches("[x", "y")).isFalse();
    }
}
