package io.samokoder.audit;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.CheckFailed;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;

import io.samokoder.rules.config.InvalidYamlRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 25: a check that could not finish (an exception, out of memory, the time budget) fails the gate, whatever the
 * repository's own suppressions and baseline say, unless the CI owner sets {@code failOnCheckError=false}; and no check
 * reports more than {@value Auditor#MAX_FINDINGS_PER_FILE} findings a file.
 */
class FailClosedTest {

    @TempDir
    Path root;

    @Test
    void aCheckThatThrowsFailsTheGateNamingTheCheckAndTheReason() throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), "services:\n  api:\n    image: nginx:1.27\n");
        AuditResult result = new Auditor(List.of(new InvalidYamlRule(), new Throwing())).run(AuditConfig.forRoot(root));
        assertThat(result.score().total()).as("the score alone would pass").isEqualTo(100);
        Gate gate = Gate.evaluate(result, 80, Severity.HIGH);
        assertThat(gate.passed()).isFalse();
        assertThat(gate.reasons()).containsExactly(
                "1 check could not finish (config/check-failed; failOnCheckError=false accepts that)");
        assertThat(gate.message()).endsWith("\n  could not finish: config/throws");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("config/check-failed")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("check config/throws failed: IllegalStateException:"
                        + " boom"));
        assertThat(Gate.evaluate(result, 80, Severity.HIGH, false).passed()).as("the CI owner's choice").isTrue();
        // in Russian: the finding, its remediation and the gate's lines (the exception's own text stays as thrown)
        java.util.Locale ru = io.samokoder.i18n.Text.RUSSIAN;
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("config/check-failed")).singleElement()
                .satisfies(f -> {
                    assertThat(f.messageIn(ru)).isEqualTo("проверка `config/throws` упала с ошибкой:"
                            + " IllegalStateException: boom");
                    assertThat(f.remediationIn(ru)).startsWith("Сообщите текст ошибки");
                });
        assertThat(Gate.evaluate(result, 80, Severity.HIGH, true, ru).message()).startsWith("samokoder: порог не"
                + " пройден: одна проверка не смогла отработать (`config/check-failed`;")
                .endsWith("\n  не отработали: config/throws");
    }

    @Test
    void theRepositorysSuppressionsAndSeverityCannotAcceptABrokenCheck() throws IOException {
        Files.writeString(root.resolve(Suppressions.DEFAULT_FILE), """
                suppressions:
                  - rule: "*"
                    reason: everything is fine
                """);
        AuditResult result = new Auditor(List.of(new Throwing())).run(AuditConfig.forRoot(root)
                .severity(CheckFailed.META.id(), Severity.INFO));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("config/check-failed");
            assertThat(f.status()).isEqualTo(Finding.Status.SUPPRESSED);
        });
        assertThat(Gate.evaluate(result, 0, Severity.CRITICAL).passed()).isFalse();
    }

    @Test
    void outOfMemoryInOneCheckFailsThatCheckAndTheOthersStillRun() throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), "a: 1\na: 2\n");
        AuditResult result = new Auditor(List.of(new InvalidYamlRule(), new Exhausting()))
                .run(AuditConfig.forRoot(root));
        assertThat(result.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("config/check-failed", "config/invalid-yaml");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("config/check-failed")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("check config/exhausting failed: OutOfMemoryError"));
        assertThat(Gate.evaluate(result, 0, Severity.CRITICAL).passed()).isFalse();
    }

    @Test
    void aCheckBeyondTheTimeBudgetFailsAndTheAuditDoesNotWaitForIt() throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), "a: 1\na: 2\n");
        Stuck stuck = new Stuck();
        try {
            // one thread: the check queued behind the stuck one never starts
            AuditResult result = assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                    new Auditor(List.of(stuck, new InvalidYamlRule())).run(AuditConfig.forRoot(root).threads(1)
                            .timeBudget(Duration.ofSeconds(1))));
            assertThat(result.findings()).extracting(Finding::message).containsExactlyInAnyOrder(
                    "check config/stuck did not finish within the audit's time budget of 1 s",
                    "check config/invalid-yaml did not start: the audit's time budget of 1 s was spent");
            Gate gate = Gate.evaluate(result, 0, Severity.CRITICAL);
            assertThat(gate.passed()).isFalse();
            assertThat(gate.reasons().get(0)).startsWith("2 checks could not finish");
            assertThat(result.findings()).extracting(f -> f.messageIn(io.samokoder.i18n.Text.RUSSIAN))
                    .containsExactlyInAnyOrder("проверка `config/stuck` не уложилась во время аудита (1 с)",
                            "проверка `config/invalid-yaml` не запустилась: время аудита (1 с) вышло раньше");
        } finally {
            stuck.release.countDown();
        }
    }

    @Test
    void aCheckReportsAtMostTheCapAFileAndOneSummaryAtTheWorstSeverity() throws IOException {
        Files.writeString(root.resolve("many.txt"), "x\n");
        int n = Auditor.MAX_FINDINGS_PER_FILE + 1_500;
        AuditResult forward = new Auditor(List.of(new Many(n, false))).run(AuditConfig.forRoot(root));
        AuditResult backward = new Auditor(List.of(new Many(n, true))).run(AuditConfig.forRoot(root));
        assertThat(forward.findings()).hasSize(Auditor.MAX_FINDINGS_PER_FILE + 2);
        assertThat(forward.findings()).filteredOn(f -> f.path().equals("many.txt") && f.line() == 0).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).isEqualTo("… and 1500 more findings of config/many in this file, not"
                            + " listed: a check reports at most 1000 a file");
                    assertThat(f.text().render(io.samokoder.i18n.Text.RUSSIAN)).isEqualTo("… и ещё находок правила"
                            + " config/many в этом файле: 1500; они не показаны: одна проверка выводит не больше 1000"
                            + " находок на файл");
                    assertThat(f.severity()).as("the worst of those left out").isEqualTo(Severity.HIGH);
                });
        assertThat(forward.findings()).filteredOn(f -> f.path().equals("other.txt")).hasSize(1);
        assertThat(backward.findings()).as("kept whatever order the check reports in")
                .isEqualTo(forward.findings());
    }

    @RuleInfo(id = "config/throws", category = Category.CONFIG, severity = Severity.HIGH, summary = "s",
            remediation = "r")
    static final class Throwing implements Rule {
        @Override
        public boolean isApplicable(AuditContext context) {
            return true;
        }

        @Override
        public void check(AuditContext context, FindingSink sink) {
            throw new IllegalStateException("boom");
        }
    }

    @RuleInfo(id = "config/exhausting", category = Category.CONFIG, severity = Severity.HIGH, summary = "s",
            remediation = "r")
    static final class Exhausting implements Rule {
        @Override
        public boolean isApplicable(AuditContext context) {
            return true;
        }

        @Override
        public void check(AuditContext context, FindingSink sink) {
            // a real allocation the JVM refuses at once, without filling the heap the other tests share
            long[] huge = new long[Integer.MAX_VALUE - 8];
            sink.report(Finding.of(meta()).at(".", huge.length).message("unreachable").build());
        }
    }

    @RuleInfo(id = "config/stuck", category = Category.CONFIG, severity = Severity.HIGH, summary = "s",
            remediation = "r")
    static final class Stuck implements Rule {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public boolean isApplicable(AuditContext context) {
            return true;
        }

        @Override
        public void check(AuditContext context, FindingSink sink) {
            // deaf to interrupts, as a parser in a loop is
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // keep waiting
                }
            }
        }
    }

    @RuleInfo(id = "config/many", category = Category.CONFIG, severity = Severity.LOW, summary = "s",
            remediation = "r")
    static final class Many implements Rule {
        private final int n;
        private final boolean backward;

        Many(int n, boolean backward) {
            this.n = n;
            this.backward = backward;
        }

        @Override
        public boolean isApplicable(AuditContext context) {
            return true;
        }

        @Override
        public void check(AuditContext context, FindingSink sink) {
            List<Finding> all = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                all.add(Finding.of(meta()).at("many.txt", i).severity(i == n - 7 ? Severity.HIGH : Severity.LOW)
                        .message("finding " + i).key("k" + i).build());
            }
            all.add(Finding.of(meta()).at("other.txt", 1).message("elsewhere").build());
            if (backward) {
                java.util.Collections.reverse(all);
            }
            all.forEach(sink::report);
        }
    }
}
