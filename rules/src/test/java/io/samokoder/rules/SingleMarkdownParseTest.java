package io.samokoder.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One parse per file: every rule reads Markdown through the docs model ({@code MarkdownDocument.of}), which the
 * audit caches, so no rule may build a flexmark parser of its own (three parsers once tripled the docs cost).
 */
class SingleMarkdownParseTest {

    @Test
    void onlyTheMarkdownModelBuildsAFlexmarkParser() throws IOException {
        Path sources = Path.of("src/main/java/io/samokoder");
        List<String> parsing;
        try (Stream<Path> files = Files.walk(sources)) {
            parsing = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(sources.resolve("model/markdown")))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("com.vladsch.flexmark.parser.Parser");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(p -> sources.relativize(p).toString()).toList();
        }
        assertThat(parsing).as("classes outside model/markdown that parse Markdown themselves").isEmpty();
        assertThat(sources.resolve("model/markdown/MarkdownParsing.java")).content()
                .contains("com.vladsch.flexmark.parser.Parser");
    }
}
