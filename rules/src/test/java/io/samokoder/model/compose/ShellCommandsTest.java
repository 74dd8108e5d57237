package io.samokoder.model.compose;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ShellCommandsTest {

    private static List<List<String>> words(String script) {
        return ShellCommands.parse(script, 1).stream().map(ShellCommands.Command::words).toList();
    }

    @Test
    void commandsEndAtSeparatorsOutsideQuotesAndSubstitutions() {
        assertThat(words("export A=1; docker compose up -d && echo 'a;b' || true | cat\nls # a comment ; not a command\n"))
                .containsExactly(List.of("export", "A=1"), List.of("docker", "compose", "up", "-d"),
                        List.of("echo", "a;b"), List.of("true"), List.of("cat"), List.of("ls"));
        assertThat(words("DIR=\"$(cd \"$(dirname \"$0\")\" && pwd)\"; echo \"$DIR\"\n"))
                .containsExactly(List.of("DIR=$(cd \"$(dirname \"$0\")\" && pwd)"), List.of("echo", "$DIR"));
        assertThat(words("echo ${#VAR} x 2>&1 &>/dev/null\n"))
                .containsExactly(List.of("echo", "${#VAR}", "x", "2>&1", "&>/dev/null"));
    }

    @Test
    void continuationsJoinLinesAndLinesAreCounted() {
        List<ShellCommands.Command> c = ShellCommands.parse("a \\\n  -f x.yml \\\n  up\nb\n", 10);
        assertThat(c).extracting(ShellCommands.Command::words).containsExactly(List.of("a", "-f", "x.yml", "up"),
                List.of("b"));
        assertThat(c).extracting(ShellCommands.Command::line).containsExactly(10, 13);
    }

    @Test
    void hereDocumentBodiesBelongToTheirCommand() {
        List<ShellCommands.Command> c = ShellCommands.parse(
                "cat > .env <<'EOF'\nTAG=1.2\n# not a command; rm -rf /\nEOF\ndocker compose up\n", 1);
        assertThat(c).extracting(ShellCommands.Command::words)
                .containsExactly(List.of("cat", ">", ".env", "<<EOF"), List.of("docker", "compose", "up"));
        assertThat(c.get(0).heredoc()).isEqualTo("TAG=1.2\n# not a command; rm -rf /\n");
        assertThat(c.get(1).line()).isEqualTo(5);
        assertThat(ShellCommands.parse("cat <<-END >x\n\tA=1\n\tEND\nls\n", 1).get(0).heredoc()).isEqualTo("A=1\n");
    }

    @Test
    void wordsUnquoteAsAShellDoes() {
        // compose `command:` strings and Dockerfile arguments
        assertThat(ShellCommands.words("sh -c 'echo \"a b\"; exec prometheus'"))
                .containsExactly("sh", "-c", "echo \"a b\"; exec prometheus");
        assertThat(ShellCommands.words("--config.file=\"/etc/prom etheus/p.yml\" --web.enable-lifecycle"))
                .containsExactly("--config.file=/etc/prom etheus/p.yml", "--web.enable-lifecycle");
        assertThat(ShellCommands.words("echo \"a \\\"b\\\" \\$HOME \\\\ \\x\" a\\ b 'it''s'"))
                .containsExactly("echo", "a \"b\" $HOME \\ \\x", "a b", "its");
        assertThat(ShellCommands.words("run '' \"\" end")).containsExactly("run", "", "", "end");
        assertThat(ShellCommands.words("echo \"unterminated here")).containsExactly("echo", "unterminated here");
        assertThat(ShellCommands.words("  \t ")).isEmpty();
    }

    @Test
    void wordsJoinContinuedLinesAndKeepSubstitutionsWhole() {
        // README commands and script lines
        assertThat(ShellCommands.words("docker compose \\\n  -f a.yml \\\r\n  up -d"))
                .containsExactly("docker", "compose", "-f", "a.yml", "up", "-d");
        assertThat(ShellCommands.words("echo \"one \\\ntwo\"")).containsExactly("echo", "one two");
        assertThat(ShellCommands.words("cp $(dirname \"$0\")/env.example .env"))
                .containsExactly("cp", "$(dirname \"$0\")/env.example", ".env");
        assertThat(ShellCommands.words("export TAG=`git describe --tags` X=\"$(date +%s)\""))
                .containsExactly("export", "TAG=`git describe --tags`", "X=$(date +%s)");
    }

    @Test
    void hostileTextNeverThrows() {
        String s = "$(".repeat(50_000) + "\"" + "'".repeat(3) + "<<" + "\\";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ShellCommands.parse(s, 1))).isNotNull();
        assertThat(ShellCommands.parse("x".repeat(ShellCommands.MAX_TEXT + 1), 1)).isEmpty();
        assertThat(ShellCommands.words("a $(b")).containsExactly("a", "$(b");
    }
}
