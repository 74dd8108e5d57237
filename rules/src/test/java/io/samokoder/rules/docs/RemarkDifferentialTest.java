package io.samokoder.rules.docs;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Finding;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.model.docsite.BlockContainers;
import io.samokoder.model.markdown.MarkdownDocument;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * samokoder's docs findings against remark-validate-links 13 (github-slugger, the same anchor algorithm) on every
 * fixture: the same broken files and anchors, line by line, except the documented differences, each of which has
 * its own test below showing what remark says and what samokoder says.
 */
class RemarkDifferentialTest {

    @TempDir
    Path tmp;

    record Key(String path, int line, Remark.Kind kind) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return (path + ":" + String.format("%06d", line) + kind).compareTo(
                    o.path + ":" + String.format("%06d", o.line) + o.kind);
        }
    }

    static Remark.Kind kindOf(Finding f) {
        return f.ruleId().equals("docs/broken-anchor") ? Remark.Kind.ANCHOR : Remark.Kind.FILE;
    }

    static List<Finding> ours(Path dir, AuditConfig config) {
        return new Auditor().run(config).active().stream()
                .filter(f -> f.category().id().equals("docs") && !f.ruleId().equals("docs/broken-external-link"))
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> sameBrokenFilesAndAnchorsAsRemarkOnEveryFixture() {
        return Fixtures.all().stream().map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(),
                () -> compare(fixture, Fixtures.config(fixture))));
    }

    private static void compare(Path dir, AuditConfig config) throws IOException {
        Map<Key, Integer> remark = new TreeMap<>();
        for (Remark.Warning w : Remark.run(dir)) {
            remark.merge(new Key(w.path(), w.line(), w.kind()), 1, Integer::sum);
        }
        Map<Key, Integer> ours = new TreeMap<>();
        for (Finding f : ours(dir, config)) {
            ours.merge(new Key(f.path(), f.line(), kindOf(f)), 1, Integer::sum);
        }
        int agreed = 0;
        for (Key k : remark.keySet()) {
            agreed += Math.min(remark.get(k), ours.getOrDefault(k, 0));
        }
        boolean expectsDocsFindings = false;
        for (com.fasterxml.jackson.databind.JsonNode f : Fixtures.expected(dir).path("findings")) {
            expectsDocsFindings |= f.path("ruleId").asText().startsWith("docs/");
        }
        if (expectsDocsFindings) {
            assertThat(agreed).as("findings both tools report on " + dir.getFileName()).isPositive();
        }
        List<String> unexplained = new ArrayList<>();
        for (Key k : union(remark, ours)) {
            int diff = ours.getOrDefault(k, 0) - remark.getOrDefault(k, 0);
            if (diff == 0) {
                continue;
            }
            int explained = diff > 0 ? onlyOurs(dir, k) : onlyRemark(dir, k);
            if (Math.abs(diff) > explained) {
                unexplained.add((diff > 0 ? "only samokoder: " : "only remark: ") + k + " x" + Math.abs(diff));
            }
        }
        assertThat(unexplained).as("differences from remark-validate-links not documented in docs/checks/docs.md")
                .isEmpty();
    }

    private static List<Key> union(Map<Key, Integer> a, Map<Key, Integer> b) {
        TreeMap<Key, Integer> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    private static List<MarkdownDocument.Link> linksAt(Path dir, Key k) throws IOException {
        MarkdownDocument d = MarkdownDocument.parse(k.path(), Files.readString(dir.resolve(k.path())));
        return d.links().stream().filter(l -> l.line() == k.line()).toList();
    }

    /** Documented differences where samokoder reports and remark does not. */
    private static int onlyOurs(Path dir, Key k) throws IOException {
        if (sitePage(dir, k.path())) {
            // content of !!!/???/=== blocks: Markdown on the site, an indented code block for remark
            BlockContainers.Unwrapped u = BlockContainers.unwrap(Files.readString(dir.resolve(k.path())));
            if (k.line() <= u.removed().length && u.removed()[k.line() - 1] > 0) {
                return (int) MarkdownDocument.parse(k.path(), u.text()).links().stream()
                        .filter(l -> l.line() == k.line()).count();
            }
        }
        int n = 0;
        for (MarkdownDocument.Link l : linksAt(dir, k)) {
            LinkTarget t = LinkTarget.resolve(k.path(), l.destination());
            boolean html = l.kind() == MarkdownDocument.Kind.HTML_HREF || l.kind() == MarkdownDocument.Kind.HTML_SRC;
            // remark asks the file system: a git-ignored file, or one outside the repository, exists for it
            boolean onDiskButNotInRepo = switch (t.type()) {
                case REPO_PATH -> Files.exists(dir.resolve(t.path()));
                case OUTSIDE_REPO -> Files.exists(dir.resolve(k.path()).getParent()
                        .resolve(LinkTarget.percentDecode(l.destination().replaceAll("[#?].*", ""))).normalize());
                default -> false;
            };
            if (html || onDiskButNotInRepo) {
                n++;
            }
        }
        return n;
    }

    /** Documented differences where remark reports and samokoder does not. */
    private static int onlyRemark(Path dir, Key k) throws IOException {
        int n = 0;
        for (MarkdownDocument.Link l : linksAt(dir, k)) {
            LinkTarget t = LinkTarget.resolve(k.path(), l.destination());
            if (k.kind() == Remark.Kind.FILE) {
                if (t.type() == LinkTarget.Type.GITHUB_ROUTE) {
                    n++;
                }
            } else if (t.fragment() != null) {
                String target = t.type() == LinkTarget.Type.SAME_FILE ? k.path() : t.path();
                Path file = dir.resolve(target);
                if (sitePage(dir, k.path())) {
                    n++; // a page of an MkDocs site: its links resolve as the built site serves them
                } else if (t.type() == LinkTarget.Type.REPO_PATH && !Files.exists(file)) {
                    n++; // the file itself is missing: samokoder reports the file, remark the anchor
                } else if (t.fragment().equalsIgnoreCase("top")) {
                    n++;
                } else if (Files.isDirectory(file) && l.destination().replaceAll("[#?].*", "").endsWith("/")) {
                    n++; // remark looks for the README's anchors under "folder", the link names "folder/"
                } else if (Files.isRegularFile(file)) {
                    MarkdownDocument d = MarkdownDocument.parse(target, Files.readString(file));
                    boolean htmlOrFootnote = d.anchors().stream().anyMatch(a -> a.id().equalsIgnoreCase(
                            t.fragment()) && a.source() != MarkdownDocument.AnchorSource.HEADING);
                    // remark numbers duplicates among Markdown headings only; GitHub among all headings of the page
                    boolean numberedWithRawHeadings = d.hasAnchor(t.fragment()) && d.anchors().stream()
                            .anyMatch(a -> a.source() == MarkdownDocument.AnchorSource.HTML_HEADING);
                    if (htmlOrFootnote || numberedWithRawHeadings
                            || t.fragment().toLowerCase().startsWith("user-content-")) {
                        n++;
                    }
                }
            }
        }
        // remark without remark-gfm reads "[^1]: text" as a link definition to the file "text"
        String line = Files.readAllLines(dir.resolve(k.path())).get(k.line() - 1);
        if (k.kind() == Remark.Kind.FILE && line.matches("^\\s{0,3}\\[\\^[^\\]]+]:.*")) {
            n++;
        }
        return n;
    }

    /** Whether {@code path} lies under the docs folder of an {@code mkdocs.yml} (default {@code docs_dir: docs}). */
    private static boolean sitePage(Path dir, String path) throws IOException {
        Path file = dir.resolve(path).normalize();
        for (Path folder = file.getParent(); folder != null && folder.startsWith(dir); folder = folder.getParent()) {
            for (String name : List.of("mkdocs.yml", "mkdocs.yaml")) {
                Path config = folder.resolve(name);
                if (Files.isRegularFile(config)) {
                    String docsDir = Files.readAllLines(config).stream().filter(l -> l.startsWith("docs_dir:"))
                            .map(l -> l.substring("docs_dir:".length()).trim()).findFirst().orElse("docs");
                    if (file.startsWith(folder.resolve(docsDir).normalize())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---- each documented difference, shown on its own ----

    private Path repo(String... pathsAndTexts) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("repo"));
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            Path p = dir.resolve(pathsAndTexts[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, pathsAndTexts[i + 1]);
        }
        return dir;
    }

    private static List<String> remarkSays(Path dir) {
        return Remark.run(dir).stream().map(w -> w.path() + ":" + w.line() + " " + w.kind()).toList();
    }

    private static List<String> weSay(Path dir) {
        return ours(dir, AuditConfig.forRoot(dir)).stream().map(f -> f.location() + " " + f.ruleId()).toList();
    }

    @Test
    void differenceHtmlLinksAndImagesAreCheckedOnlyBySamokoder() throws IOException {
        Path dir = repo("README.md", "<img src=\"docs/logo.png\">\n\n<a href=\"docs/guide.md\">guide</a>\n");
        assertThat(remarkSays(dir)).isEmpty();
        assertThat(weSay(dir)).containsExactly("README.md:1 docs/broken-link", "README.md:3 docs/broken-link");
    }

    @Test
    void differenceGithubPagesOfTheRepositoryAreMissingFilesForRemark() throws IOException {
        Path dir = repo("README.md", "[issues](../../issues) [CI](../../actions/workflows/ci.yml)\n");
        assertThat(remarkSays(dir)).containsExactly("README.md:1 FILE", "README.md:1 FILE");
        assertThat(weSay(dir)).isEmpty();
    }

    @Test
    void differenceAnAnchorInAMissingFolderIsAMissingFileForSamokoder() throws IOException {
        Path dir = repo("README.md", "# Title\n\nSee [setup](missing/#setup).\n");
        assertThat(remarkSays(dir)).containsExactlyInAnyOrder("README.md:3 FILE", "README.md:3 ANCHOR");
        assertThat(weSay(dir)).containsExactly("README.md:3 docs/broken-link");
    }

    @Test
    void differencePagesOfAnMkDocsSiteResolveAsTheSiteServesThem() throws IOException {
        Path dir = repo("mkdocs.yml", "site_name: S\nmarkdown_extensions:\n  - attr_list\n",
                "docs/index.md", "# Home\n\nRead [the settings](config.md#env).\n",
                "docs/config.md", "# Config\n\n## Environment variables { #env }\n");
        assertThat(remarkSays(dir)).containsExactly("docs/index.md:3 ANCHOR");
        assertThat(weSay(dir)).isEmpty();
    }

    @Test
    void differenceContentOfMkDocsBlockContainersIsMarkdownNotCode() throws IOException {
        Path dir = repo("mkdocs.yml", "site_name: S\nmarkdown_extensions:\n  - admonition\n",
                "docs/index.md", "# Home\n\n!!! note\n\n    Read [the settings](config.md).\n");
        assertThat(remarkSays(dir)).isEmpty();
        assertThat(weSay(dir)).containsExactly("docs/index.md:5 docs/broken-link");
    }

    @Test
    void differenceTopIsAnAnchorOfEveryPageButNotForRemark() throws IOException {
        Path dir = repo("README.md", "# Title\n\n[back to top](#top)\n");
        assertThat(remarkSays(dir)).containsExactly("README.md:3 ANCHOR");
        assertThat(weSay(dir)).isEmpty();
    }

    @Test
    void differenceExplicitHtmlAnchorsAreAnchorsButNotForRemark() throws IOException {
        Path dir = repo("README.md", "<a name=\"contacts\"></a>\n\n<h2 id=\"faq\">FAQ</h2>\n\n[c](#contacts) [f](#faq)\n");
        assertThat(remarkSays(dir)).containsExactly("README.md:5 ANCHOR", "README.md:5 ANCHOR");
        assertThat(weSay(dir)).isEmpty();
    }

    @Test
    void differenceRawHtmlHeadingsAreAnchorsAndShareTheNumberingWithMarkdownHeadings() throws IOException {
        Path dir = repo("README.md", "<h2 align=\"center\">Install</h2>\n\n## Install\n\n[a](#install) [b](#install-1)\n");
        assertThat(remarkSays(dir)).containsExactly("README.md:5 ANCHOR");
        assertThat(weSay(dir)).isEmpty();
    }

    @Test
    void differenceGitIgnoredFilesAreNotInTheRepositoryOnGitHub() throws IOException {
        Path dir = repo(".gitignore", ".env\n", ".env", "A=1\n", "README.md", "Copy [.env](.env).\n");
        assertThat(remarkSays(dir)).isEmpty();
        assertThat(weSay(dir)).containsExactly("README.md:1 docs/broken-link");
    }

    @Test
    void differenceFootnotesAreNotLinkDefinitions() throws IOException {
        Path dir = repo("README.md", "Text[^1].\n\n[^1]: Footnote.\n");
        assertThat(remarkSays(dir)).containsExactly("README.md:3 FILE");
        assertThat(weSay(dir)).isEmpty();
    }

    @Test
    void differenceLinksOutOfTheRepositoryAreFindingsEvenWhenTheFileExistsThere() throws IOException {
        Path dir = repo("README.md", "[notes](../notes.txt)\n");
        Files.writeString(tmp.resolve("notes.txt"), "outside");
        assertThat(remarkSays(dir)).isEmpty();
        assertThat(weSay(dir)).containsExactly("README.md:1 docs/link-outside-repo");
    }

    @Test
    void differenceAnchorsOfAFoldersReadmeAreFoundWithATrailingSlash() throws IOException {
        Path dir = repo("README.md", "[a](docs/#setup) [b](docs#setup)\n", "docs/README.md", "## Setup\n");
        assertThat(remarkSays(dir)).containsExactly("README.md:1 ANCHOR");
        assertThat(weSay(dir)).isEmpty();
    }
}
