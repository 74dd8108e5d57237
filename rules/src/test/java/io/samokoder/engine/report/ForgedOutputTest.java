package io.samokoder.engine.report;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Gate;
import io.samokoder.engine.LineEscape;
import io.samokoder.engine.Severity;
import io.samokoder.rules.config.InvalidYamlRule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console lines, the gate message and GitHub annotations of a repository whose folder names try to forge CI output
 * (issue 25, F4): a newline followed by {@code ::error}, {@code ::stop-commands::}, the runner's older
 * {@code ##[...]} syntax, ESC and BEL sequences, bidi overrides and Unicode line separators. The output is read as the
 * GitHub Actions runner reads it (lines split at CR and LF; a command is a line that starts with {@code ::} after
 * white space, or holds {@code ##[name]} anywhere), and the only commands in it are this tool's own annotations, one
 * per finding, each naming the real path.
 */
class ForgedOutputTest {

    @TempDir
    Path root;

    /** The runner's registered commands (actions/runner ActionCommandManager), stop-commands included. */
    private static final Set<String> COMMANDS = Set.of("set-env", "set-output", "save-state", "add-mask", "add-path",
            "add-matcher", "remove-matcher", "debug", "warning", "error", "notice", "group", "endgroup", "echo",
            "stop-commands");

    /** The command a line is to the runner, if any: its v2 ({@code ::name ...::}) and v1 ({@code ##[name]}) parsers. */
    static Optional<String> command(String line) {
        int start = 0;
        while (start < line.length() && (Character.isWhitespace(line.charAt(start))
                || Character.isSpaceChar(line.charAt(start)))) {
            start++;
        }
        String trimmed = line.substring(start);
        if (trimmed.startsWith("::")) {
            int end = trimmed.indexOf("::", 2);
            if (end >= 0) {
                String name = trimmed.substring(2, end).split(" ", 2)[0];
                if (COMMANDS.contains(name)) {
                    return Optional.of(name);
                }
            }
        }
        int prefix = line.indexOf("##[");
        if (prefix >= 0) {
            int bracket = line.indexOf(']', prefix);
            if (bracket >= 0) {
                String name = line.substring(prefix + 3, bracket).split(" ", 2)[0];
                if (COMMANDS.contains(name)) {
                    return Optional.of("##[" + name);
                }
            }
        }
        return Optional.empty();
    }

    /** The runner's unescaping of a property value. */
    private static String unescapeProperty(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
                .replace("%25", "%");
    }

    static final List<String> HOSTILE_NAMES = List.of(
            "x\n::error title=Forged::pwned\n::stop-commands::abc",
            "::error title=Forged::at the start",
            "  ::warning::after spaces",
            "\u00a0::notice::after a no-break space",
            "legacy ##[stop-commands]token",
            "legacy ##[error]forged",
            "bell\u0007 escape\u001b[31mred\u001b[0m",
            "cr\rreturn",
            "bidi \u202eevil\u202c and isolate \u2066x\u2069",
            "separator\u2028line\u2029para\u0085nel",
            "zero\u200bwidth soft\u00adhyphen",
            "comma, colon: percent%0A");

    private AuditResult auditHostileTree() throws IOException {
        Assumptions.assumeTrue(java.io.File.separatorChar == '/', "names with control characters");
        for (String name : HOSTILE_NAMES) {
            Path dir = Files.createDirectories(root.resolve(name));
            Files.writeString(dir.resolve("docker-compose.yml"), "services: [unclosed\n");
        }
        return new Auditor(List.of(new InvalidYamlRule())).run(AuditConfig.forRoot(root));
    }

    private static List<String> runnerLines(List<String> printed) {
        List<String> lines = new ArrayList<>();
        for (String p : printed) {
            lines.addAll(List.of(p.split("\r\n|\r|\n", -1)));
        }
        return lines;
    }

    @Test
    void consoleLinesAndTheGateMessageAreOneLineEachAndNeverACommand() throws IOException {
        AuditResult result = auditHostileTree();
        assertThat(result.findings()).hasSize(HOSTILE_NAMES.size());
        List<String> printed = new ArrayList<>(ConsoleReport.lines(result));
        printed.add(Gate.evaluate(result, 80, Severity.HIGH).message());
        List<String> lines = runnerLines(printed);
        // header (4), one line per finding, the gate's summary and the rules that failed it: no finding twice
        assertThat(lines).hasSize(4 + HOSTILE_NAMES.size() + 2);
        assertThat(lines).allSatisfy(l -> {
            assertThat(command(l)).as(l).isEmpty();
            assertThat(l.chars()).as(l).noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028
                    || c == 0x2029 || Character.getType(c) == Character.FORMAT);
        });
        String all = String.join("\n", lines);
        assertThat(all).contains("x\\n::error title=Forged::pwned\\n::stop-commands::abc/docker-compose.yml:1:",
                "\\x3a:error title=Forged::at the start/docker-compose.yml:1:", "##\\x5bstop-commands]token",
                "bell\\x07 escape\\x1b[31mred\\x1b[0m", "bidi \\u202eevil\\u202c and isolate \\u2066x\\u2069",
                "separator\\u2028line\\u2029para\\x85nel", "zero\\u200bwidth soft\\xadhyphen");
    }

    @Test
    void annotationsAreTheOnlyCommandsOnePerFindingAndNameTheRealPath() throws IOException {
        AuditResult result = auditHostileTree();
        List<String> printed = GithubAnnotations.lines(result, Map.of("GITHUB_ACTIONS", "true"));
        List<String> lines = runnerLines(printed);
        assertThat(lines).hasSize(HOSTILE_NAMES.size());
        List<String> files = new ArrayList<>();
        for (String l : lines) {
            assertThat(command(l)).as(l).contains("error");
            String properties = l.substring(l.indexOf(' ') + 1, l.indexOf("::", 2));
            for (String p : properties.split(",")) {
                if (p.startsWith("file=")) {
                    files.add(unescapeProperty(p.substring(5)));
                }
            }
            assertThat(l.substring(l.indexOf("::", 2) + 2)).doesNotContain("##[");
        }
        // the file property names the real path, except for the control characters made visible
        List<String> expected = result.findings().stream().map(Finding::path).map(ForgedOutputTest::visibleBetweenBreaks)
                .toList();
        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(files).contains("comma, colon: percent%0A/docker-compose.yml",
                "x\n::error title=Forged::pwned\n::stop-commands::abc/docker-compose.yml");
    }

    /** CR and LF kept (GitHub escapes them as %0D and %0A), the rest made visible. */
    private static String visibleBetweenBreaks(String s) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\r' || s.charAt(i) == '\n') {
                out.append(LineEscape.visible(s.substring(from, i)));
                if (i < s.length()) {
                    out.append(s.charAt(i));
                }
                from = i + 1;
            }
        }
        return out.toString();
    }

    @Test
    void visibleEscapesEveryCharacterThatWouldBreakReorderOrHideALine() {
        assertThat(LineEscape.visible("a\nb\rc\td\u001be\u0007f\u007fg\u0085h\u2028i\u202ej\u200bk\u00adl"))
                .isEqualTo("a\\nb\\rc\\td\\x1be\\x07f\\x7fg\\x85h\\u2028i\\u202ej\\u200bk\\xadl");
        assertThat(LineEscape.visible("plain ✓ кириллица \\ back\\slash")).isEqualTo("plain ✓ кириллица \\ back\\slash");
        assertThat(LineEscape.consoleLine(" \u3000::error::x ##[stop-commands]y"))
                .isEqualTo(" \u3000\\x3a:error::x ##\\x5bstop-commands]y");
    }
}
