package io.samokoder.engine.yaml;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class YamlLoaderTest {

    @Test
    void everyScalarCarriesItsLineAndColumn() {
        YamlDocument doc = YamlLoader.load("a.yml", "services:\n  api:\n    image: nginx:1.27\n");
        Node image = YamlDocument.mapping(YamlDocument.mapping(doc.rootMapping().get("services")).get("api")).get("image");
        assertThat(YamlDocument.scalar(image)).contains("nginx:1.27");
        assertThat(YamlDocument.line(image)).isEqualTo(3);
        assertThat(YamlDocument.column(image)).isEqualTo(12);
        assertThat(doc.problems()).isEmpty();
    }

    @Test
    void composedTreesRetainNeitherTheTextThroughTheirMarksNorCommentLists() {
        // snakeyaml's marks hold the reader's code-point window; cached trees of thousands of files kept 4x their text
        String text = "groups:\n" + "  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n".repeat(2000);
        YamlDocument doc = YamlLoader.load("rules.yml", text);
        java.util.List<Node> nodes = new java.util.ArrayList<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(doc.documents());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            nodes.add(n);
            if (n instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
                m.getValue().forEach(t -> { todo.push(t.getKeyNode()); todo.push(t.getValueNode()); });
            } else if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
                s.getValue().forEach(todo::push);
            }
        }
        assertThat(nodes).hasSizeGreaterThan(10_000);
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.getStartMark().getBuffer()).isEmpty();
            assertThat(n.getEndMark().getBuffer()).isEmpty();
            assertThat(n.getBlockComments()).isNull();
            assertThat(n.getInLineComments()).isNull();
            assertThat(n.getEndComments()).isNull();
        });
        Node last = nodes.stream().max(java.util.Comparator.comparingInt(YamlDocument::line)).orElseThrow();
        assertThat(YamlDocument.line(last)).isEqualTo(1 + 4 * 2000);
    }

    @Test
    void syntaxErrorIsReportedAtItsLine() {
        YamlDocument doc = YamlLoader.load("p.yml", "a: 1\nb: [1, 2\nc: 3\n");
        assertThat(doc.problems()).hasSize(1);
        assertThat(doc.problems().get(0).kind()).isEqualTo(YamlProblem.Kind.SYNTAX);
        assertThat(doc.problems().get(0).line()).as("where the bracket was opened").isEqualTo(2);
        assertThat(doc.problems().get(0).message()).contains("opened at line 2, detected at line 3");
    }

    @Test
    void problemsWithoutAnOpeningPointStayWhereDetected() {
        YamlDocument doc = YamlLoader.load("p.yml", "a: 1\nb: c: d\n");
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("mapping values are not allowed");
        });
    }

    @Test
    void duplicateKeysAreFoundWithBothLines() {
        YamlDocument doc = YamlLoader.load("d.yml", "a:\n  x: 1\n  y: 2\n  x: 3\n");
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(YamlProblem.Kind.DUPLICATE_KEY);
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("'x'").contains("first at line 2");
        });
        assertThat(doc.isUsable()).isTrue();
    }

    @Test
    void mergeKeysApplyWithExplicitKeysWinning() {
        String text = "x-base: &base\n  restart: always\n  image: base:1\nservices:\n  api:\n    <<: *base\n    image: api:2\n";
        YamlDocument doc = YamlLoader.load("c.yml", text);
        Map<String, Node> api = YamlDocument.mapping(YamlDocument.mapping(doc.rootMapping().get("services")).get("api"));
        assertThat(YamlDocument.scalar(api.get("image"))).contains("api:2");
        assertThat(YamlDocument.scalar(api.get("restart"))).contains("always");
        assertThat(doc.problems()).isEmpty();
    }

    @Test
    void quotedMergeKeyIsAnOrdinaryKey() {
        YamlDocument doc = YamlLoader.load("c.yml", "a: &a {x: 1}\nb:\n  '<<': *a\n");
        assertThat(YamlDocument.mapping(doc.rootMapping().get("b"))).containsKey("<<");
    }

    @Test
    void aliasBombIsRejectedQuickly() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        YamlDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> YamlLoader.load("bomb.yml", sb.toString()));
        assertThat(doc.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT));
        assertThat(doc.documents()).as("hostile trees are not handed to models").isEmpty();
    }

    @Test
    void tooManyAliasesAreRejected() {
        StringBuilder sb = new StringBuilder("a: &a [1]\nb:\n");
        for (int i = 0; i <= YamlLoader.MAX_ALIASES + 5; i++) {
            sb.append("  - *a\n");
        }
        YamlDocument doc = YamlLoader.load("many.yml", sb.toString());
        assertThat(doc.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT));
    }

    @Test
    void tenThousandLevelNestingIsRejectedQuickly() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        YamlDocument flow = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> YamlLoader.load("deep.yml", deep));
        assertThat(flow.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT));
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            nested.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        YamlDocument blockDoc = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> YamlLoader.load("deep2.yml", nested.toString()));
        assertThat(blockDoc.problems()).isNotEmpty();
    }

    @Test
    void binaryContentIsNotYaml() {
        YamlDocument doc = YamlLoader.load("b.yml", "a: 1\n\0\0garbage");
        assertThat(doc.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(YamlProblem.Kind.BINARY));
    }

    @Test
    void multipleDocumentsAreAllLoaded() {
        YamlDocument doc = YamlLoader.load("m.yml", "a: 1\n---\nb: 2\n");
        assertThat(doc.documents()).hasSize(2);
    }

    @Test
    void recursiveAliasDoesNotLoopAnyHelper() {
        YamlDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> YamlLoader.load("r.yml", "a: &a\n  <<: *a\n  x: 1\n"));
        // either rejected or loaded; helpers must terminate
        doc.root().ifPresent(r -> assertThat(YamlDocument.mapping(YamlDocument.mapping(r).get("a"))).isNotNull());
        assertThat(doc).isNotNull();
    }
}
