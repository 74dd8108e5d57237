package io.samokoder.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.engine.yaml.YamlProblem;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link YamlLoader#load}: every input becomes a document or problems with a line, never an exception, and the node
 * helpers rules use (merge keys, sequences, scalars) terminate on whatever tree comes out, aliases and cycles included.
 * Seeds: {@code src/test/resources/io/samokoder/fuzz/YamlLoaderFuzzTestInputs/load/}.
 */
class YamlLoaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void load(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Bounded.run("YamlLoader.load", () -> {
            YamlDocument doc = YamlLoader.load("fuzz.yml", text);
            assertThat(doc.path()).isEqualTo("fuzz.yml");
            for (YamlProblem p : doc.problems()) {
                assertThat(p.line()).isPositive();
                assertThat(p.column()).isPositive();
                Bounded.assertOneLine(p.message());
            }
            if (doc.problems().stream().anyMatch(p -> p.kind() == YamlProblem.Kind.LIMIT)) {
                assertThat(doc.documents()).as("hostile trees never reach the models").isEmpty();
            }
            doc.rootMapping();
            for (Node root : doc.documents()) {
                walk(root);
            }
        });
    }

    /** Visits every node once through the helpers rules use. */
    static void walk(Node root) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (!seen.add(node)) {
                continue;
            }
            assertThat(YamlDocument.line(node)).isPositive();
            YamlDocument.scalar(node);
            YamlDocument.isNull(node);
            YamlDocument.mappingKeys(node);
            for (Map.Entry<String, Node> e : YamlDocument.mapping(node).entrySet()) {
                assertThat(e.getKey()).isNotNull();
                stack.push(e.getValue());
            }
            YamlDocument.sequence(node).forEach(stack::push);
        }
    }
}
