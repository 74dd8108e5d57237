package io.samokoder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCacheTest {

    @TempDir
    Path root;

    private SourceFile file(String name, String text, TextCache cache) throws IOException {
        Files.writeString(root.resolve(name), text);
        return new SourceFile(name, root, text.length(), cache);
    }

    @Test
    void holdsTextsUpToItsBudgetDroppingTheLeastRecentlyUsed() throws IOException {
        TextCache cache = new TextCache(10);
        SourceFile a = file("a", "aaaa", cache);
        SourceFile b = file("b", "bbbb", cache);
        SourceFile c = file("c", "cccc", cache);
        a.text();
        b.text();
        a.text(); // a is now the more recent of the two
        c.text(); // 12 characters: b goes
        assertThat(a.isTextCached()).isTrue();
        assertThat(b.isTextCached()).isFalse();
        assertThat(c.isTextCached()).isTrue();
    }

    @Test
    void neverHoldsAFileLargerThanTheBudgetAndReadsADroppedFileAgain() throws IOException {
        TextCache cache = new TextCache(10);
        SourceFile big = file("big", "x".repeat(11), cache);
        SourceFile small = file("small", "1234567", cache);
        assertThat(small.text()).isEqualTo("1234567");
        assertThat(big.text()).hasSize(11);
        assertThat(big.isTextCached()).isFalse();
        assertThat(small.isTextCached()).isTrue(); // the large file did not push it out
        SourceFile other = file("other", "abcdef", cache);
        other.text();
        assertThat(small.isTextCached()).isFalse();
        Files.writeString(root.resolve("small"), "changed");
        assertThat(small.text()).isEqualTo("changed"); // read again, not kept from before
    }
}
