package io.samokoder.audit;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline ratchet: fingerprints survive line shifts and reordering; only a real change is new. */
class BaselineFingerprintTest {

    @TempDir
    Path tmp;

    private Set<String> fingerprints(AuditResult r) {
        Set<String> s = new TreeSet<>();
        r.findings().forEach(f -> s.add(f.fingerprint()));
        return s;
    }

    private AuditResult audit(Path baseline) {
        return new Auditor(java.util.List.of(new io.samokoder.rules.config.InvalidYamlRule(), new io.samokoder.rules.readiness.ClaimExceedsScoreRule())).run(AuditConfig.forRoot(tmp).baseline(baseline));
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(tmp.resolve(path).getParent());
        Files.writeString(tmp.resolve(path), text);
    }

    @Test
    void lineShiftsAndReorderingKeepEveryFingerprint() throws IOException {
        write("docker-compose.yml", "services:\n  api:\n    image: a\n    image: b\n  db:\n    restart: x\n    restart: y\n");
        write("monitoring/prometheus.yml", "global: {}\nglobal: {}\n");
        write("README.md", "# App\n\nProduction Ready (95%)\n\nProduction-ready: 99%\n");
        AuditResult before = audit(null);
        assertThat(before.findings()).hasSizeGreaterThanOrEqualTo(5);
        Path baseline = tmp.resolve("baseline.json");
        Baseline.of(before.findings()).write(baseline);

        // services swapped, comments inserted above, README paragraphs swapped and pushed down,
        // and a new clean file that sorts first changes the order of the files
        write("docker-compose.yml", "# stack\n# two services\nservices:\n  db:\n    restart: x\n    restart: y\n"
                + "  api:\n\n    image: a\n    image: b\n");
        write("monitoring/prometheus.yml", "\n\n# scrape config\nglobal: {}\nglobal: {}\n");
        write("README.md", "# App\n\nIntro.\n\nMore intro.\n\nProduction-ready: 99%\n\nProduction Ready (95%)\n");
        write("aaa/compose.yaml", "services:\n  x:\n    image: nginx:1.27\n");
        AuditResult after = audit(baseline);

        assertThat(fingerprints(after)).isEqualTo(fingerprints(before));
        assertThat(after.newFindings()).isEmpty();
        assertThat(after.fixedSinceBaseline()).isEmpty();
        assertThat(after.findings()).allMatch(f -> f.status() == Finding.Status.BASELINED);
        // the positions did move
        assertThat(after.findings()).extracting(Finding::location).doesNotContainAnyElementsOf(
                before.findings().stream().map(Finding::location).toList());
    }

    @Test
    void oneChangedFileGivesExactlyOneNewFindingThatGates() throws IOException {
        write("docker-compose.yml", "services:\n  api:\n    image: a\n    image: b\n");
        write("monitoring/prometheus.yml", "global:\n  scrape_interval: 15s\n");
        Path baseline = tmp.resolve("baseline.json");
        Baseline.of(audit(null).findings()).write(baseline);
        assertThat(Gate.evaluate(audit(baseline), 0, Severity.HIGH).passed()).isTrue();

        write("monitoring/prometheus.yml", "global:\n  scrape_interval: 15s\n  scrape_interval: 30s\n");
        AuditResult after = audit(baseline);
        List<Finding> fresh = after.newFindings();
        assertThat(fresh).extracting(Finding::location).containsExactly("monitoring/prometheus.yml:3");
        Gate gate = Gate.evaluate(after, 0, Severity.HIGH);
        assertThat(gate.passed()).isFalse();
        assertThat(gate.blocking()).containsExactlyElementsOf(fresh);

        // fixing the baselined finding shows up as fixed, and never gates
        write("docker-compose.yml", "services:\n  api:\n    image: b\n");
        write("monitoring/prometheus.yml", "global:\n  scrape_interval: 15s\n");
        AuditResult fixed = audit(baseline);
        assertThat(fixed.fixedSinceBaseline()).extracting(Baseline.Entry::path).containsExactly("docker-compose.yml");
        assertThat(Gate.evaluate(fixed, 0, Severity.HIGH).passed()).isTrue();
    }
}
