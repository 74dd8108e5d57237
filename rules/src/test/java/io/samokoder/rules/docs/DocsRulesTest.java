package io.samokoder.rules.docs;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Finding;
import io.samokoder.audit.RuleRegistry;
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
    void letterCaseMismatchIsAsSevereAsAMissingFileAndNotABrokenLink() throws IOException {
        write("README.md", "[a](Docs/Monitoring.md) [b](docs/monitoring.md)\n");
        write("docs/monitoring.md", "# M\n");
        assertThat(audit()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("docs/case-mismatch");
            assertThat(f.severity().id()).isEqualTo("medium");
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

    private static List<String> severities(List<Finding> findings) {
        return findings.stream().map(f -> f.location() + " " + f.severity().id()).toList();
    }

    @Test
    void aMissingHeadingIsAsSevereAsAMissingFile() throws IOException {
        write("README.md", "# R\n\n[a](#nope) [b](missing.md)\n");
        assertThat(audit()).extracting(f -> f.ruleId() + " " + f.severity().id())
                .containsExactlyInAnyOrder("docs/broken-anchor medium", "docs/broken-link medium");
    }

    @Test
    void changelogEntriesAreLowExceptTheUnreleasedSection() throws IOException {
        write("README.md", "# R\n");
        write("CHANGELOG.md", """
                # Changelog

                ## [Unreleased]

                ### Added

                - Streaming exports ([guide](docs/exports.md)).

                ## [1.0.0] - 2023-01-01

                - Deploy notes in [docs/deploy.md](docs/deploy.md).
                """);
        write("docs/history.md", "[old](gone.md)\n");
        List<Finding> f = audit();
        assertThat(severities(f)).containsExactly("CHANGELOG.md:7 medium", "CHANGELOG.md:11 low",
                "docs/history.md:1 low");
        assertThat(f.get(1).message()).endsWith("(low: a changelog entry, which describes the repository as it was"
                + " at its release)");
    }

    @Test
    void vendoredCodeAndTestDataAreInfoAndGitattributesDecide() throws IOException {
        write(".gitattributes", "third_party/ours/** linguist-vendored=false\ndocs/upstream/** linguist-vendored\n"
                + "docs/api/** linguist-generated\n");
        write("README.md", "# R\n");
        write("third_party/lib/README.md", "[a](missing.md)\n");
        write("third_party/ours/README.md", "[a](missing.md)\n");
        write("docs/upstream/guide.md", "[a](missing.md)\n");
        write("docs/api/index.md", "[a](#missing)\n");
        write("tests/README.md", "[a](missing.md)\n");
        write("tests/golden/report.md", "[a](missing.md)\n");
        assertThat(severities(audit())).containsExactly("docs/api/index.md:1 low", "docs/upstream/guide.md:1 info",
                "tests/README.md:1 medium", "tests/golden/report.md:1 info", "third_party/lib/README.md:1 info",
                "third_party/ours/README.md:1 medium");
    }

    @Test
    void linksInASectionAToolGeneratesAreLow() throws IOException {
        write("README.md", """
                # R

                <!-- START doctoc generated TOC please keep comment here to allow auto update -->
                - [Setup](#setup)
                <!-- END doctoc generated TOC please keep comment here to allow auto update -->

                [Usage](#usage)
                """);
        List<Finding> f = audit();
        assertThat(severities(f)).containsExactly("README.md:4 low", "README.md:7 medium");
        assertThat(f.get(0).message()).contains("(low: in a section a tool generates, marked on line 3 `START doctoc");
    }

    @Test
    void anAnchorOnlyASiteGeneratorMakesIsInfo() throws IOException {
        write("README.md", "[a](docs/guide.md#first-line) [b](docs/guide.md#first-line-first-line)\n");
        write("docs/guide.md", "## First Line {#first-line}\n");
        assertThat(audit()).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("info");
            assertThat(f.message()).contains("`{#first-line}` on line 1 is an attribute list")
                    .contains("names that heading `#first-line-first-line`");
        });
    }

    @Test
    void anAnchorOfAFileTheSiteIncludesIsInfoAndAMissingOneStaysMedium() throws IOException {
        write("CONTRIBUTING.md", "# Contributing\n\n## Running the tests\n");
        write("docs/contributing.md", "--8<-- \"CONTRIBUTING.md\"\n");
        write("docs/readme.md", "{% include-markdown \"../CONTRIBUTING.md\" %}\n");
        write("README.md", "[a](docs/contributing.md#running-the-tests) [b](docs/contributing.md#releasing)\n\n"
                + "[c](docs/readme.md#running-the-tests)\n");
        List<Finding> f = audit();
        assertThat(severities(f)).containsExactly("README.md:1 info", "README.md:1 medium", "README.md:3 info");
        assertThat(f.get(0).message()).contains("the anchor comes from `CONTRIBUTING.md`, which `docs/contributing.md`"
                + " includes with `--8<--` (pymdownx.snippets) on line 1");
        assertThat(f.get(2).message()).contains("includes with include-markdown on line 1");
    }

    @Test
    void linksToRawHtmlHeadingsWork() throws IOException {
        write("README.md", "<h2 align=\"center\">Quick start</h2>\n\n[a](#quick-start) [b](#quick-stat)\n");
        assertThat(audit()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("`#quick-stat` not found in this file; did you mean `#quick-start`?"));
    }

    @Test
    void gitattributesIsAnInputOfTheChecksThatReadOnlyMarkdown() throws IOException {
        write("README.md", "# R\n");
        io.samokoder.engine.AuditContext context = new io.samokoder.engine.AuditContext(
                io.samokoder.engine.Workspace.scan(repo), AuditConfig.forRoot(repo));
        assertThat(new BrokenAnchorRule().inputs(context)).contains("README.md", ".gitattributes");
        assertThat(new LinkOutsideRepoRule().inputs(context)).contains("README.md", ".gitattributes");
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
