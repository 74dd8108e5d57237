package io.samokoder.rules.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTargetTest {

    @Test
    void relativePathsResolveFromTheFilesFolderAndRootedOnesFromTheRoot() {
        assertThat(LinkTarget.resolve("docs/a.md", "b.md")).isEqualTo(
                new LinkTarget(LinkTarget.Type.REPO_PATH, "docs/b.md", null, 0));
        assertThat(LinkTarget.resolve("docs/a.md", "../README.md#x").path()).isEqualTo("README.md");
        assertThat(LinkTarget.resolve("docs/a.md", "/ops/run.md").path()).isEqualTo("ops/run.md");
        assertThat(LinkTarget.resolve("docs/a.md", "./sub/./c.md").path()).isEqualTo("docs/sub/c.md");
        assertThat(LinkTarget.resolve("README.md", "docs/").path()).isEqualTo("docs");
        assertThat(LinkTarget.resolve("README.md", "/").path()).isEmpty();
    }

    @Test
    void queryAndFragmentAreStrippedAndPercentEscapesDecoded() {
        LinkTarget t = LinkTarget.resolve("README.md", "docs/Release%20Notes.md?plain=1#%D0%B8%D1%82%D0%BE%D0%B3");
        assertThat(t.path()).isEqualTo("docs/Release Notes.md");
        assertThat(t.fragment()).isEqualTo("итог");
        assertThat(LinkTarget.resolve("README.md", "a%zz.md").path()).isEqualTo("a%zz.md");
        assertThat(LinkTarget.resolve("README.md", "a%C3.md").path()).isEqualTo("a%C3.md");
    }

    @Test
    void fragmentsAloneOrAfterAQueryStayInTheSameFile() {
        assertThat(LinkTarget.resolve("docs/a.md", "#setup")).isEqualTo(
                new LinkTarget(LinkTarget.Type.SAME_FILE, "docs/a.md", "setup", 0));
        assertThat(LinkTarget.resolve("docs/a.md", "?plain=1#L3").type()).isEqualTo(LinkTarget.Type.SAME_FILE);
        assertThat(LinkTarget.resolve("docs/a.md", "").type()).isEqualTo(LinkTarget.Type.NONE);
        assertThat(LinkTarget.resolve("docs/a.md", "?tab=readme").type()).isEqualTo(LinkTarget.Type.NONE);
    }

    @Test
    void githubPagesOfTheRepositoryAreRecognisedAtExactlyTwoLevelsAboveTheRoot() {
        assertThat(LinkTarget.resolve("README.md", "../../issues").type()).isEqualTo(LinkTarget.Type.GITHUB_ROUTE);
        assertThat(LinkTarget.resolve("README.md", "../../actions/workflows/ci.yml").type())
                .isEqualTo(LinkTarget.Type.GITHUB_ROUTE);
        assertThat(LinkTarget.resolve("docs/x/a.md", "../../../../wiki").type())
                .isEqualTo(LinkTarget.Type.GITHUB_ROUTE);
        assertThat(LinkTarget.resolve("README.md", "../../pulls?q=is%3Aopen").type())
                .isEqualTo(LinkTarget.Type.GITHUB_ROUTE);
        assertThat(LinkTarget.resolve("README.md", "../..").type()).isEqualTo(LinkTarget.Type.GITHUB_ROUTE);
        // from docs/, ../../issues is only one level above the root: blob/issues, no page
        assertThat(LinkTarget.resolve("docs/a.md", "../../issues")).isEqualTo(
                new LinkTarget(LinkTarget.Type.OUTSIDE_REPO, "issues", null, 1));
    }

    @Test
    void otherClimbsAboveTheRootAreOutsideTheRepository() {
        assertThat(LinkTarget.resolve("README.md", "../secrets.txt")).isEqualTo(
                new LinkTarget(LinkTarget.Type.OUTSIDE_REPO, "secrets.txt", null, 1));
        assertThat(LinkTarget.resolve("README.md", "../../../other-repo").levelsAbove()).isEqualTo(3);
        assertThat(LinkTarget.resolve("README.md", "../../unknown-page").type())
                .isEqualTo(LinkTarget.Type.OUTSIDE_REPO);
        assertThat(LinkTarget.resolve("README.md", "/../x.md").type()).isEqualTo(LinkTarget.Type.OUTSIDE_REPO);
    }

    @Test
    void schemesAreClassified() {
        assertThat(LinkTarget.resolve("README.md", "https://example.com/a#b").type()).isEqualTo(LinkTarget.Type.WEB);
        assertThat(LinkTarget.resolve("README.md", "HTTP://example.com").type()).isEqualTo(LinkTarget.Type.WEB);
        assertThat(LinkTarget.resolve("README.md", "//cdn.example.com/x.js").path())
                .isEqualTo("https://cdn.example.com/x.js");
        assertThat(LinkTarget.resolve("README.md", "mailto:a@b.c").type()).isEqualTo(LinkTarget.Type.OTHER_SCHEME);
        assertThat(LinkTarget.resolve("README.md", "file:ops/x.md").type()).isEqualTo(LinkTarget.Type.OTHER_SCHEME);
    }
}
