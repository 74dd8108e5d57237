package io.samokoder.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionsInlineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "# samokoder:ignore config/invalid-yaml kept for the demo | config/invalid-yaml | kept for the demo",
        "x: 2 # samokoder:ignore config/* known                  | config/*            | known",
        "<!-- samokoder:ignore docs/broken-link generated -->     | docs/broken-link    | generated",
        "<!-- samokoder:ignore docs/broken-link -->               | docs/broken-link    | ''",
        "/* samokoder:ignore * legacy */                          | *                   | legacy",
        "// samokoder:ignore secrets/weak-value                   | secrets/weak-value  | ''",
        "# samokoder:ignore config/x-->                           | config/x            | ''",
        "# samokoder:ignore\ta\t reason with\ttabs\t              | a                   | reason with\ttabs",
    })
    void parsesRuleAndReason(String line, String rule, String reason) {
        Optional<String[]> parsed = Suppressions.parseInline(line);
        assertThat(parsed).isPresent();
        assertThat(parsed.get()[0]).isEqualTo(rule);
        assertThat(parsed.get()[1]).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"# samokoder:ignore", "# samokoder:ignore   ", "# samokoder:ignorefoo bar",
        "# samokoder:ignore (x) y", "# samokoder:ignore rule)x", "nothing here"})
    void rejectsMalformedComments(String line) {
        assertThat(Suppressions.parseInline(line)).isEmpty();
    }

    @Test
    void aLaterWellFormedMarkerOnTheSameLineCounts() {
        assertThat(Suppressions.parseInline("samokoder:ignore (bad) # samokoder:ignore ok/rule why").get())
                .containsExactly("ok/rule", "why");
    }

    @Test
    void linearOnHostileLines() {
        // the former regular expression took minutes on 5,000 spaces between a reason and a final character
        String spaces = " ".repeat(1_000_000);
        // CPU time of this thread: wall time on a machine shared with other builds is noise; backtracking is minutes
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (String line : new String[] {"# samokoder:ignore a b" + spaces + "c", "# samokoder:ignore" + spaces,
            "# samokoder:ignore a" + " \t".repeat(500_000) + "-->", "samokoder:ignore ".repeat(100_000), "samokoder:ignore x) ".repeat(100_000) + spaces}) {
            assertThat(Suppressions.parseInline(line)).isNotNull();
        }
        assertThat((threads.getCurrentThreadCpuTime() - start) / 1_000_000).isLessThan(1000);
        assertThat(Suppressions.parseInline("# samokoder:ignore a b" + spaces + "c").get()[1])
                .startsWith("b").endsWith("c");
    }
}
