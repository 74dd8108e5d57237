package io.samokoder.rules.docs;

import io.samokoder.testing.ExternalTools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code remark --use remark-validate-links} (tools/node) over a folder and reads its warnings. */
final class Remark {

    enum Kind { FILE, ANCHOR }

    record Warning(String path, int line, Kind kind, String message) {
    }

    private static final Pattern WARNING = Pattern.compile(
            "^\\s*(\\d+):(\\d+)(?:-\\d+:\\d+)?\\s+warning\\s+(.*?)\\s+(missing-file|missing-heading-in-file|missing-heading)"
                    + "\\s+remark-validate-links.*$");

    private Remark() {
    }

    static List<Warning> run(Path dir) {
        Path remark = ExternalTools.requireNpm("remark");
        ExternalTools.require("node");
        Path plugin = ExternalTools.repoRoot().resolve("tools/node/node_modules/remark-validate-links/index.js");
        List<String> cmd = new ArrayList<>(List.of(remark.toString(), "--no-config", "--no-color", "--no-stdout",
                "--quiet", "--use",
                plugin + "=repository:'https://github.com/samokoder/samokoder',root:'.'"));
        if (Files.isRegularFile(dir.resolve(".gitignore"))) {
            cmd.addAll(List.of("--ignore-path", ".gitignore"));
        }
        cmd.add(".");
        ExternalTools.Result r = ExternalTools.run(cmd, dir, Duration.ofMinutes(2));
        String out = r.stderr() + "\n" + r.stdout();
        assertThat(out).as("remark output").doesNotContain("Cannot process file").doesNotContain("Error:");
        List<Warning> warnings = new ArrayList<>();
        String file = null;
        for (String line : out.split("\\R")) {
            Matcher m = WARNING.matcher(line);
            if (m.matches() && file != null) {
                Kind kind = m.group(4).equals("missing-file") ? Kind.FILE : Kind.ANCHOR;
                warnings.add(new Warning(file, Integer.parseInt(m.group(1)), kind, m.group(3)));
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("⚠")
                    && !line.matches("^\\d+:\\d+.*")) {
                file = line.trim();
            }
        }
        return warnings;
    }
}
