package io.samokoder.model.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser is linear in its input, measured as the characters it reads (a count, not a time: the same on a busy
 * machine), and otherwise builds the tree flexmark's stock parser builds.
 */
class LinearParsingTest {

    /** The options {@link MarkdownParsing} parses with. */
    private static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.SPACE_IN_LINK_URLS, true);
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create()));
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        return options;
    }

    private static final Parser STOCK = Parser.builder(options()).build();
    private static final Parser LINEAR = LinearParsing.install(Parser.builder(options())).build();

    /** A text that counts the characters read from it. */
    private static final class Counted implements CharSequence {
        final String text;
        long reads;

        Counted(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }

    private static long reads(Parser parser, String text) {
        Counted counted = new Counted(text);
        parser.parse(BasedSequence.of(counted));
        return counted.reads;
    }

    /** Bytes this thread allocates while parsing: the heading parser's copies are of offsets, not characters. */
    private static long allocated(Parser parser, String text) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        parser.parse(text);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    record Shape(String name, IntFunction<String> text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape("links in one line", n -> repeat(n, i -> "[l" + i + "](docs/f" + i + ".md) ")),
                new Shape("links one per line of one paragraph", n -> repeat(n, i -> "[l" + i + "](f" + i + ".md)\n")),
                new Shape("autolinks", n -> repeat(n, i -> "<https://example.com/" + i + "> ")),
                new Shape("inline tags", n -> repeat(n, i -> "<span>a</span> ")),
                new Shape("nested inline divs", n -> "x " + "<div>".repeat(n) + "x" + "</div>".repeat(n)),
                new Shape("unclosed destinations", n -> "[a](".repeat(n)));
    }

    private static String repeat(int n, IntFunction<String> part) {
        StringBuilder sb = new StringBuilder("# Title\n\n");
        for (int i = 0; i < n; i++) {
            sb.append(part.apply(i));
        }
        return sb.append('\n').toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void doublingTheInputAtMostDoublesTheWork(Shape shape) {
        String small = shape.text().apply(2_000);
        String large = shape.text().apply(4_000);
        double bytes = (double) large.length() / small.length();
        // a linear parse does about twice the work; the stock parser four times as much on these shapes
        long a = reads(LINEAR, small);
        long b = reads(LINEAR, large);
        assertThat((double) b / a).as("%s: %d then %d characters read", shape, a, b).isLessThan(bytes * 1.25);
        allocated(LINEAR, small); // the first parse of a shape loads and compiles code: not counted
        long c = allocated(LINEAR, small);
        long d = allocated(LINEAR, large);
        assertThat((double) d / c).as("%s: %d then %d bytes allocated", shape, c, d).isLessThan(bytes * 1.25);
    }

    @Test
    void theStockParserIsWhatTheBoundsRemove() {
        // the measure above would see the stock parser's quadratic paths: this keeps the test honest
        String small = shapes().findFirst().orElseThrow().text().apply(1_000);
        String large = shapes().findFirst().orElseThrow().text().apply(2_000);
        assertThat((double) reads(STOCK, large) / reads(STOCK, small)).isGreaterThan(3.5);
    }

    static Stream<String> documents() throws IOException {
        List<String> docs = new ArrayList<>(List.of(
                "# A\n\nText [a](b.md) and [c](d.md \"title\") and ![i](i.png) <http://x.y> <a href=\"h\">x</a>\n",
                "[ref]: target.md\n[other]: <with space.md> 'title'\n\nSee [ref] and [x][other] and [y][].\n",
                "Setext\n===\n\nPara line 1\npara line 2\n---\n\n- item [l](a(b)c.md)\n  - nested\n",
                "| a | b |\n|---|---|\n| [x](y.md) | `code` |\n\nFootnote[^1].\n\n[^1]: Note [z](z.md).\n",
                "[a](<b c.md>) [d](e f.md) [g](h\\(i.md) [j]( k.md ) [l](m.md 'n') [o](p.md (q))\n",
                "*em* **strong** `code` <span>html</span> &amp; \\* [a]\n[a]: /u\n\n> quote [q](q.md)\n",
                "# Heading #\n\n## H2 with [link](l.md) ##\n\n   ### indented\n\n    code [no](no.md)\n",
                "[a](" + "(".repeat(LinearParsing.MAX_DESTINATION_PARENS) + "x"
                        + ")".repeat(LinearParsing.MAX_DESTINATION_PARENS) + ")\n",
                "[a](b)[c](d)(e)[f]\n[f]: g\n\n[unclosed](x\n\n[x](y \"unclosed title\n"));
        Path fixtures = Path.of("..", "fixtures");
        if (Files.isDirectory(fixtures)) {
            try (Stream<Path> files = Files.walk(fixtures)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    docs.add(Files.readString(p));
                }
            }
        }
        return docs.stream();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void buildsTheTreeTheStockParserBuilds(String text) {
        assertThat(tree(LINEAR.parse(text))).isEqualTo(tree(STOCK.parse(text)));
    }

    /** A parser state for one line, where only what the heading parser reads is answered. */
    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, java.util.Map<String, Object> answers) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> {
                    Object answer = answers.get(method.getName());
                    if (answer instanceof RuntimeException e) {
                        throw e;
                    }
                    return answer != null ? answer : method.getReturnType() == int.class ? 0
                            : method.getReturnType() == boolean.class ? false : null;
                });
    }

    private static com.vladsch.flexmark.parser.block.BlockStart tryHeading(
            com.vladsch.flexmark.parser.block.CustomBlockParserFactory factory, String line) {
        com.vladsch.flexmark.parser.block.BlockParser paragraph = new com.vladsch.flexmark.parser.core.ParagraphParser();
        com.vladsch.flexmark.parser.block.ParserState state = stub(com.vladsch.flexmark.parser.block.ParserState.class,
                java.util.Map.of("getActiveBlockParser", paragraph, "getLine", BasedSequence.of(line),
                        "getLineWithEOL", BasedSequence.of(line + "\n")));
        com.vladsch.flexmark.parser.block.MatchedBlockParser matched = stub(
                com.vladsch.flexmark.parser.block.MatchedBlockParser.class, java.util.Map.of("getBlockParser",
                        paragraph, "getParagraphContent", new IllegalStateException("the paragraph was copied"),
                        "getParagraphLines", List.of(BasedSequence.of("Title")), "getParagraphEolLengths", List.of(1)));
        return factory.apply(options()).tryStart(state, matched);
    }

    @Test
    void theHeadingParserNeverCopiesTheParagraphItFollows() {
        // stock: the paragraph so far was copied on every line that starts with '#', '=' or '-' (quadratic)
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> tryHeading(new com.vladsch.flexmark.parser.core.HeadingParser.Factory(), "#tag"))
                .hasMessageContaining("copied");
        assertThat(tryHeading(new LinearParsing.Headings(), "#tag")).isNull();
        assertThat(tryHeading(new LinearParsing.Headings(), "---")).isNotNull();
        assertThat(tryHeading(new LinearParsing.Headings(), "## Heading")).isNotNull();
    }

    @Test
    void aDestinationMayNestThirtyTwoParenthesesAsInCmarkNotMore() {
        String deepest = "[a](" + "(".repeat(32) + "x" + ")".repeat(32) + ")\n";
        String deeper = "[a](" + "(".repeat(33) + "x" + ")".repeat(33) + ")\n";
        // the stock parser takes any depth: this is also what shows MarkdownDocument parses with the linear parser
        assertThat(tree(STOCK.parse(deeper))).contains("Link[");
        assertThat(MarkdownDocument.parse("a.md", deepest).links()).hasSize(1);
        assertThat(MarkdownDocument.parse("a.md", deeper).links()).isEmpty();
    }

    private static String tree(Node root) {
        StringBuilder out = new StringBuilder();
        List<Node> stack = new ArrayList<>(List.of(root));
        List<Integer> depths = new ArrayList<>(List.of(0));
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            int depth = depths.remove(depths.size() - 1);
            out.append("  ".repeat(depth)).append(n.toAstString(true)).append('\n');
            List<Node> children = new ArrayList<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.add(children.get(i));
                depths.add(depth + 1);
            }
        }
        return out.toString();
    }
}
