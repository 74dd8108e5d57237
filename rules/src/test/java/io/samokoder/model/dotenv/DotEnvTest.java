package io.samokoder.model.dotenv;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DotEnvTest {

    @Test
    void followsComposeQuotingRules() {
        DotEnv env = DotEnv.parse(".env", String.join("\n",
                "# comment",
                "",
                "PLAIN=value",
                "SPACED = padded   ",
                "INLINE=abc # comment",
                "HASH=abc#def",
                "SINGLE='literal ${PLAIN} # not a comment'",
                "DOUBLE=\"line1\\nline2 ${PLAIN}\"",
                "export EXPORTED=yes",
                "YAMLISH: colon",
                "EMPTY=",
                "MULTI='a",
                "b'",
                "ESCAPED=\"cost \\$5\"",
                "INHERIT",
                "AFTER=after"));
        Map<String, String> v = env.resolve(Map.of("INHERIT", "from-shell"));
        assertThat(v).containsEntry("PLAIN", "value")
                .containsEntry("SPACED", "padded")
                .containsEntry("INLINE", "abc")
                .containsEntry("HASH", "abc#def")
                .containsEntry("SINGLE", "literal ${PLAIN} # not a comment")
                .containsEntry("DOUBLE", "line1\nline2 value")
                .containsEntry("EXPORTED", "yes")
                .containsEntry("YAMLISH", "colon")
                .containsEntry("EMPTY", "")
                .containsEntry("MULTI", "a\nb")
                .containsEntry("ESCAPED", "cost $5")
                .containsEntry("INHERIT", "from-shell")
                .containsEntry("AFTER", "after");
        assertThat(env.problems()).isEmpty();
        assertThat(env.entry("EXPORTED")).get().extracting(DotEnv.Entry::exported).isEqualTo(true);
        assertThat(env.entry("SINGLE")).get().extracting(DotEnv.Entry::quote).isEqualTo(DotEnv.Quote.SINGLE);
        assertThat(env.entry("AFTER")).get().extracting(DotEnv.Entry::line).isEqualTo(16);
        assertThat(env.entry("INLINE")).get().extracting(DotEnv.Entry::valueColumn).isEqualTo(8);
    }

    @Test
    void environmentOverridesTheFileAndInheritedKeysWithoutEnvironmentStayUnset() {
        DotEnv env = DotEnv.parse(".env", "A=file\nB\n");
        assertThat(env.resolve(Map.of("A", "shell"))).containsEntry("A", "shell").doesNotContainKey("B");
        assertThat(env.values()).containsOnlyKeys("A");
    }

    @Test
    void badLinesAreProblemsAndParsingGoesOn() {
        DotEnv env = DotEnv.parse(".env", "GOOD=1\nBAD KEY=2\nBA$D=3\nQ=\"unterminated\nLAST=ok\n");
        assertThat(env.problems()).extracting(DotEnv.Problem::line).contains(2, 3, 4);
        assertThat(env.values()).containsEntry("GOOD", "1").containsEntry("LAST", "ok");
    }

    @Test
    void crlfAndBomAreHandled() {
        DotEnv env = DotEnv.parse(".env", "\uFEFFA=1\r\nB=two words \r\n");
        assertThat(env.values()).containsEntry("A", "1").containsEntry("B", "two words");
    }
}
