package io.samokoder.engine;

import io.samokoder.engine.report.ConsoleReport;
import io.samokoder.rules.config.InvalidYamlRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a pre-commit hook prints: every finding once, then the gate's counts and the rules that failed it. */
class GateTest {

    @TempDir
    Path tmp;

    @Test
    void consolePrintsEachFindingOnceAndTheGateNamesCountsAndRules() throws IOException {
        for (int i = 0; i < 12; i++) {
            Files.writeString(Files.createDirectories(tmp.resolve("svc" + i)).resolve("docker-compose.yml"), "services:\n  a:\n    image: x\n    image: y\n");
        }
        Files.writeString(tmp.resolve("docker-compose.yml"), "services:\n  a:\n    image: x\n    image: y\n");
        AuditResult result = new Auditor(List.of(new InvalidYamlRule())).run(AuditConfig.forRoot(tmp));
        assertThat(result.findings()).hasSizeGreaterThan(Math.max(10, 1));
        Gate gate = Gate.evaluate(result, 0, Severity.HIGH);
        List<String> printed = new ArrayList<>(ConsoleReport.lines(result));
        printed.addAll(List.of(gate.message().split("\n")));
        for (Finding f : result.findings()) {
            assertThat(printed).as(f.location()).filteredOn(l -> l.strip().startsWith(f.location() + ":"))
                    .hasSize(1);
        }
        int n = result.findings().size();
        assertThat(gate.message().split("\n")).containsExactly(
                "samokoder gate failed: " + n + " new findings at or above high (high " + n + ") (score "
                        + result.score().total() + "/100, minimum 0, failOnSeverity high)",
                "  failed by: config/invalid-yaml (" + n + ")");
    }

    @Test
    void rulesAreNamedMostFindingsFirst() {
        Finding a = finding("b/rule", Severity.HIGH);
        Finding b = finding("a/rule", Severity.CRITICAL);
        Finding c = finding("b/rule", Severity.CRITICAL);
        Finding d = finding("c/rule", Severity.HIGH);
        assertThat(Gate.byRule(List.of(a, b, c, d))).isEqualTo("b/rule (2), a/rule (1), c/rule (1)");
        assertThat(Gate.bySeverity(List.of(a, b, c, d))).isEqualTo("critical 2, high 2");
    }

    private static Finding finding(String rule, Severity s) {
        return new Finding(rule, Category.CONFIG, s, "f.yml", 1, 1, "m", "r", "k", "fp", Finding.Status.NEW, null);
    }
}
