package io.samokoder.audit;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void writesTheBytesTheMapperWrites() throws Exception {
        ObjectNode root = Json.object();
        root.put("text", "quote \" backslash \\ tab \t newline \n unicode é ✓ \u0001");
        root.put("int", 42).put("long", 1L << 40).put("double", 0.1).put("float", 2.5f);
        root.put("bigInteger", new BigInteger("123456789012345678901234567890"));
        root.put("bigDecimal", new BigDecimal("1.50"));
        root.put("yes", true).putNull("nothing");
        root.putObject("empty");
        root.putArray("none");
        root.putArray("list").add(1).add("two").addObject().put("z", 1).put("a", 2);
        root.putObject("nested").putObject("deeper").putArray("items").addArray().add(false);

        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String byMapper = new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";

        assertThat(new String(Json.bytes(root), StandardCharsets.UTF_8)).isEqualTo(byMapper);
        assertThat(Json.bytes(root)).as("a second document starts at nesting zero again").isEqualTo(Json.bytes(root));
    }
}
