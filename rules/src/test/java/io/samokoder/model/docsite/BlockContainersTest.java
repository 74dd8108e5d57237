package io.samokoder.model.docsite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockContainersTest {

    @Test
    void containerContentMovesLeftByItsIndentAndMarkersBecomeBlank() {
        String page = String.join("\n",
                "# Title",
                "=== \"`Deployment`\"",
                "",
                "    See [docs][d].",
                "",
                "    !!! note \"Careful\"",
                "",
                "        Nested [x](y.md).",
                "",
                "Back at the top.",
                "    an indented code block outside any container");
        BlockContainers.Unwrapped u = BlockContainers.unwrap(page);
        String[] lines = u.text().split("\n", -1);
        assertThat(lines[1]).isEmpty();
        assertThat(lines[3]).isEqualTo("See [docs][d].");
        assertThat(lines[5]).isEmpty();
        assertThat(lines[7]).isEqualTo("Nested [x](y.md).");
        assertThat(u.removed()[7]).isEqualTo(8);
        assertThat(lines[9]).isEqualTo("Back at the top.");
        assertThat(lines[10]).isEqualTo("    an indented code block outside any container");
        assertThat(u.tabs()).containsExactly(new BlockContainers.Tab("`Deployment`", 2, 0));
    }

    @Test
    void aMarkerInsideFencedCodeIsCode() {
        String page = String.join("\n", "```markdown", "=== \"Tab\"", "    text", "```");
        BlockContainers.Unwrapped u = BlockContainers.unwrap(page);
        assertThat(u.text()).isEqualTo(page);
        assertThat(u.tabs()).isEmpty();
    }
}
