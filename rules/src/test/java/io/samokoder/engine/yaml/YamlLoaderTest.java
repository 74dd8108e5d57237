package io.samokoder.engine.yaml;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class YamlLoaderTest {

    @Test
    void globalTagsOfPythonToolsAreComposedOnlyWhenAsked() {
        String text = "markdown_extensions:\n  pymdownx.superfences:\n    custom_fences:\n    - name: mermaid\n"
                + "      format: !!python/name:pymdownx.superfences.fence_code_format ''\n";
        assertThat(YamlLoader.load("mkdocs.yml", text).problems()).extracting(YamlProblem::message)
                .anyMatch(m -> m.contains("Global tag is not allowed"));
        YamlDocument doc = YamlLoader.loadWithGlobalTags("mkdocs.yml", text);
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.rootMapping()).containsKey("markdown_extensions");
    }

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
    void composeFileWithThreeHundredMergeKeysIsAccepted() {
        StringBuilder sb = new StringBuilder("x-defaults: &defaults\n  restart: unless-stopped\n  logging:\n"
                + "    driver: json-file\n    options: {max-size: 10m}\nx-env: &env\n  TZ: UTC\nservices:\n");
        for (int i = 0; i < 300; i++) {
            sb.append("  svc").append(i).append(":\n    <<: *defaults\n    image: example/svc:1.0\n")
                    .append("    environment:\n      <<: *env\n      N: \"").append(i).append("\"\n");
        }
        YamlDocument doc = YamlLoader.load("docker-compose.yml", sb.toString());
        assertThat(doc.problems()).isEmpty();
        Map<String, Node> services = YamlDocument.mapping(doc.rootMapping().get("services"));
        assertThat(services).hasSize(300);
        assertThat(YamlDocument.mapping(services.get("svc299"))).containsKeys("restart", "logging", "image");
        assertThat(YamlDocument.mapping(YamlDocument.mapping(services.get("svc299")).get("environment")))
                .containsKeys("TZ", "N");
    }

    @Test
    void manyAliasesExpandingPastTheBoundAreRejected() {
        // 2,000 aliases of a 1,000-item list: no nesting trick, just more copies than any tool should make
        StringBuilder sb = new StringBuilder("a: &a [");
        for (int i = 0; i < 1_000; i++) {
            sb.append(i == 0 ? "" : ",").append(i);
        }
        sb.append("]\nb:\n");
        for (int i = 0; i < 2_000; i++) {
            sb.append("  - *a\n");
        }
        YamlDocument doc = YamlLoader.load("wide.yml", sb.toString());
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT);
            assertThat(p.message()).contains("expand to more than");
        });
        assertThat(doc.documents()).isEmpty();
    }

    @Test
    void aliasCountBeyondTheBackstopIsRejected() {
        StringBuilder sb = new StringBuilder("a: &a []\nb:\n");
        for (int i = 0; i <= YamlLoader.MAX_ALIASES + 5; i++) {
            sb.append("  - *a\n");
        }
        YamlDocument doc = YamlLoader.load("many.yml", sb.toString());
        assertThat(doc.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT));
    }

    @Test
    void aListOfMoreItemsThanTheCapIsRejectedBeforeItIsComposed() {
        // issue 25, F1: a 4.8 MB flow list of 2.4 million items exhausted a 400 MB heap
        String items = "services:\n  api:\n    command: [" + "a,".repeat(2_400_000) + "a]\n";
        YamlDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> YamlLoader.load("docker-compose.override.yml", items));
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).isEqualTo("in the list started here, it exceeds the limit of 100000 items");
        });
        assertThat(doc.documents()).isEmpty();
        String atTheCap = "[" + "a,".repeat(YamlLoader.MAX_ITEMS - 1) + "a]";
        assertThat(YamlLoader.load("list.yml", atTheCap).problems()).isEmpty();
        assertThat(YamlLoader.load("list.yml", "- a\n".repeat(YamlLoader.MAX_ITEMS + 1)).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("in the list started here, it exceeds the limit of 100000"
                        + " items (opened at line 1, detected at line 100001)"));
    }

    @Test
    void aMappingOfMoreEntriesThanTheCapIsRejected() {
        StringBuilder sb = new StringBuilder("x:\n");
        for (int i = 0; i <= YamlLoader.MAX_ITEMS; i++) {
            sb.append("  k").append(i).append(": v\n");
        }
        YamlDocument doc = YamlLoader.load("map.yml", sb.toString());
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT);
            assertThat(p.message()).startsWith("in the mapping started here, it exceeds the limit of 100000 entries");
        });
        sb.setLength(sb.lastIndexOf("  k"));
        assertThat(YamlLoader.load("map.yml", sb.toString()).problems()).as("100,000 entries").isEmpty();
    }

    @Test
    void aFileOfMoreNodesThanTheCapIsRejectedThoughEachListIsSmall() {
        String list = "[" + "a,".repeat(49_999) + "a]";
        String lists = "[" + (list + ",").repeat(YamlLoader.MAX_NODES / 50_000) + "b]";
        YamlDocument doc = YamlLoader.load("lists.yml", lists);
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT);
            assertThat(p.message()).isEqualTo("the file exceeds the limit of 500000 nodes");
        });
        assertThat(doc.documents()).isEmpty();
        // documents of a stream count together
        YamlDocument stream = YamlLoader.load("stream.yml", "--- a\n".repeat(YamlLoader.MAX_NODES + 1));
        assertThat(stream.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("the file exceeds the limit of 500000 nodes"));
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

    @Test
    void filesUnderATemplateFolderAreTemplates() {
        YamlDocument doc = YamlLoader.load("{{cookiecutter.project_slug}}/docker-compose.yml",
                "services:\n  web:\n    image: {{ cookiecutter.project_slug }}_web\n");
        assertThat(doc.template()).hasValueSatisfying(why -> assertThat(why).contains("{{cookiecutter.project_slug}}"));
        assertThat(doc.problems()).isNotEmpty();
        YamlDocument parses = YamlLoader.load("{{cookiecutter.project_slug}}/compose.yaml", "services: {}\n");
        assertThat(parses.template()).as("what is written is still not what is deployed").isPresent();
        assertThat(parses.problems()).isEmpty();
    }

    @Test
    void yamlBrokenOnlyByJinjaTagsIsATemplate() {
        String jinja = "services:\n{% for w in workers %}\n  {{ w.name }}:\n    image: app:{{ version }}\n{% endfor %}\n";
        YamlDocument doc = YamlLoader.load("roles/app/templates/docker-compose.yml", jinja);
        assertThat(doc.template()).hasValueSatisfying(why -> assertThat(why).contains("first at line 2"));
        assertThat(doc.problems()).extracting(YamlProblem::kind).containsOnly(YamlProblem.Kind.SYNTAX);
    }

    @Test
    void aRealErrorBesideTemplateTagsIsNoTemplate() {
        // the Go template in a quoted label is fine; the tab two lines later is what breaks the file
        YamlDocument doc = YamlLoader.load("docker-compose.yml", "services:\n  a:\n    labels: [\"{{.Name}}\"]\n"
                + "\timage: x\n");
        assertThat(doc.template()).isEmpty();
        assertThat(doc.problems()).extracting(YamlProblem::kind).containsExactly(YamlProblem.Kind.SYNTAX);
        assertThat(YamlLoader.load("docker-compose.yml", "a: {b: 1\n").template()).isEmpty();
    }

    @Test
    void goTemplatesOfPrometheusAndAlertmanagerAreTheirOwn() {
        String rule = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n"
                + "        annotations:\n          description: {{ $labels.instance }} is down\n";
        assertThat(YamlLoader.load("prometheus/rules/app.rules.yml", rule).template())
                .as("Prometheus reads this file as written and fails on it").isEmpty();
        assertThat(YamlLoader.load("alertmanager/alertmanager.yml", "templates:\n  x: {{ .Status }} y\n").template())
                .isEmpty();
        assertThat(YamlLoader.load("roles/x/templates/alertmanager.yml", "route:\n{% if a %}\n  receiver: a\n"
                + "{% endif %}\n  group_by: [alertname]\n").template()).as("Jinja statements are no Go template")
                .isPresent();
    }
}
