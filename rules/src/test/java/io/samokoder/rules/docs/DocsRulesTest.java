package io.samokoder.rules.docs;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Finding;
import io.samokoder.engine.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocsRulesTest {

    @TempDir
    Path dir;

    private Path repo;

    private void write(String path, String text) throws IOException {
        if (repo == null) {
            repo = Files.createDirectories(dir.resolve("repo"));
        }
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<Finding> audit() {
        return audit(AuditConfig.forRoot(repo));
    }

    private List<Finding> audit(AuditConfig config) {
        AuditResult r = new Auditor().run(config);
        return r.active().stream().filter(f -> f.category().id().equals("docs")).toList();
    }

    private static List<String> brief(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.location()).toList();
    }

    @Test
    void rulesAreRegisteredInTheDocsCategory() {
        assertThat(RuleRegistry.load()).extracting(r -> r.meta().id()).contains("docs/broken-link",
                "docs/case-mismatch", "docs/broken-anchor", "docs/link-outside-repo", "docs/broken-external-link");
    }

    @Test
    void aHostilelyNestedFileIsAnInfoFindingNotAStall() throws IOException {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            deep.append("  ".repeat(i)).append("- item [a](missing.md)\n");
        }
        write("docs/deep.md", deep.toString());
        write("README.md", "# R\n\nSee [deep](docs/deep.md) and [gone](gone.md).\n");
        List<Finding> f = audit();
        assertThat(brief(f)).containsExactlyInAnyOrder("docs/broken-link README.md:3", "docs/broken-link docs/deep.md:1");
        Finding info = f.stream().filter(x -> x.path().equals("docs/deep.md")).findFirst().orElseThrow();
        assertThat(info.severity()).isEqualTo(io.samokoder.engine.Severity.INFO);
        assertThat(info.message()).contains("not checked").contains("levels deep");
    }

    @Test
    void missingFileIsReportedWithAHintToTheClosestExistingPath() throws IOException {
        write("README.md", "# R\n\nSee [guide](docs/monitorng.md) and [ops](doc/deployment.md).\n");
        write("docs/monitoring.md", "# M\n");
        write("docs/deployment.md", "# D\n");
        List<Finding> f = audit();
        assertThat(brief(f)).containsExactly("docs/broken-link README.md:3", "docs/broken-link README.md:3");
        assertThat(f.get(0).message()).contains("`docs/monitorng.md` does not exist")
                .endsWith("did you mean `docs/monitoring.md`?");
        assertThat(f.get(1).message()).endsWith("did you mean `docs/deployment.md`?");
        assertThat(f.get(0).column()).isEqualTo(5);
    }

    @Test
    void noHintWhenNothingIsClose() throws IOException {
        write("README.md", "[a](audit/FINAL_REPORT.md)\n");
        write("docs/monitoring.md", "# M\n");
        assertThat(audit()).singleElement().satisfies(f -> assertThat(f.message()).doesNotContain("did you mean"));
    }

    @Test
    void letterCaseMismatchIsHighAndNotABrokenLink() throws IOException {
        write("README.md", "[a](Docs/Monitoring.md) [b](docs/monitoring.md)\n");
        write("docs/monitoring.md", "# M\n");
        assertThat(audit()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("docs/case-mismatch");
            assertThat(f.severity().id()).isEqualTo("high");
            assertThat(f.message()).contains("exists only as `docs/monitoring.md`");
        });
    }

    @Test
    void linkOutsideTheRepositoryIsReportedEvenWhenSomethingExistsThere() throws IOException {
        write("README.md", "[secret](../outside.txt) [issues](../../issues) [wiki](../../wiki/Home)\n");
        Files.writeString(dir.resolve("outside.txt"), "exists, but is no part of the repository");
        assertThat(audit()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("docs/link-outside-repo");
            assertThat(f.message()).contains("`../outside.txt`").contains("1 level above");
        });
    }

    @Test
    void anchorsAreCheckedInTheSameFileAndInOtherMarkdownFiles() throws IOException {
        write("README.md", """
                # Проект

                ## 📊 Мониторинг

                - [ok](#-мониторинг) [case](#-МОНИТОРИНГ) [bad](#мониторинг)
                - [ok](docs/guide.md#setup) [bad](docs/guide.md#install) [dir](docs/#setup) [dir-bad](docs#nope)
                - [line](scripts/run.sh#L3) [plain](docs/guide.md?plain=1#L2) [top](#top) [empty](#)
                - [image fragment ignored](docs/img.svg#frag)
                """);
        write("docs/guide.md", "## Setup\n");
        write("docs/README.md", "## Setup\n");
        write("docs/img.svg", "<svg/>");
        write("scripts/run.sh", "echo\n");
        List<Finding> f = audit();
        assertThat(brief(f)).containsExactly("docs/broken-anchor README.md:5", "docs/broken-anchor README.md:6",
                "docs/broken-anchor README.md:6");
        assertThat(f.get(0).message()).contains("`#мониторинг` not found in this file; did you mean `#-мониторинг`?");
        assertThat(f.get(1).message()).contains("`#install` not found in `docs/guide.md`");
        assertThat(f.get(2).message()).contains("`#nope` not found in `docs/README.md`");
    }

    @Test
    void referenceDefinitionIsReportedOnceAtItsLine() throws IOException {
        write("README.md", "Use [the list][list] and [again][list].\n\n[list]: docs/checklist.md\n[unused]: x.md\n");
        List<Finding> f = audit();
        assertThat(brief(f)).containsExactly("docs/broken-link README.md:3", "docs/broken-link README.md:4");
        assertThat(f.get(0).message()).startsWith("Reference `[list]` (used on lines 1, 1)");
        assertThat(f.get(1).message()).startsWith("Reference `[unused]` (unused)");
    }

    @Test
    void gitignoredFilesAreNotInTheRepositoryAndSchemesAreNotChecked() throws IOException {
        write(".gitignore", ".env\n");
        write(".env", "A=1\n");
        write("README.md", "[env](.env) [mail](mailto:x@y.z) [web](https://example.com/missing) [ftp](ftp://h/x)\n");
        assertThat(brief(audit())).containsExactly("docs/broken-link README.md:1");
    }

    @Test
    void htmlLinksImagesAndAnchorsCount() throws IOException {
        write("README.md", """
                <p align="center"><img alt="logo" width=200 src="docs/logo.png"></p>

                <a name="contacts"></a>
                <h2 id="faq">FAQ</h2>

                [c](#contacts) [f](#faq) <a href="#nowhere">x</a> <a href='docs/missing.md'>y</a>
                """);
        List<Finding> f = audit();
        assertThat(brief(f)).containsExactly("docs/broken-link README.md:1", "docs/broken-anchor README.md:6",
                "docs/broken-link README.md:6");
        assertThat(f.get(0).message()).startsWith("HTML image target `docs/logo.png`");
    }

    @Test
    void linksIntoExcludedFoldersAreUnknownNotBroken() throws IOException {
        write("README.md", "[a](vendor/x.md#anything)\n");
        write("vendor/x.md", "# X\n");
        assertThat(audit(AuditConfig.forRoot(repo).exclude("vendor/"))).isEmpty();
    }

    @Test
    void nonMarkdownRepositoriesAreNotApplicable() throws IOException {
        write("app.py", "print('x')\n");
        AuditResult r = new Auditor().run(AuditConfig.forRoot(repo));
        assertThat(r.rulesRun()).noneMatch(m -> m.id().startsWith("docs/"));
    }

    @Test
    void findingsAreDeterministic() throws IOException {
        for (int i = 0; i < 30; i++) {
            write("docs/f" + i + ".md", "[a](missing" + i + ".md) [b](../README.md#nope) [c](f" + (i + 1) + ".md)\n");
        }
        write("README.md", "# R\n");
        List<String> first = audit().stream().map(f -> f.location() + f.message()).toList();
        assertThat(first).hasSize(61);
        assertThat(audit().stream().map(f -> f.location() + f.message()).toList()).isEqualTo(first);
    }

    @Test
    void binaryAndInvalidUtf8MarkdownNeverCrash() throws IOException {
        write("README.md", "# R\n");
        Files.write(repo.resolve("binary.md"), new byte[]{'[', 'a', ']', '(', 0, 0, ')', 0});
        Files.write(repo.resolve("latin1.md"), "[caf\u00e9](missing-caf\u00e9.md)\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        List<Finding> f = audit();
        assertThat(f).noneMatch(x -> x.ruleId().equals("config/check-failed"));
        assertThat(brief(f)).containsExactly("docs/broken-link latin1.md:1");
    }

    @Test
    void pathsWithSpacesBackslashesAndRootedPathsResolve() throws IOException {
        write("docs/Release Notes.md", "# N\n");
        write("docs/guide.md", "[n](Release%20Notes.md) [m](<Release Notes.md>) [r](/docs/guide.md) [b](..\\README.md)"
                + " [q](guide.md?plain=1) [root](/)\n");
        write("README.md", "# R\n");
        assertThat(audit()).isEmpty();
    }
}
