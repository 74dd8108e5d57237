package io.samokoder.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-commit mode on a one-file change to a 750-file repository reports what the change breaks and nothing of the
 * untouched files. How long it takes is measured by benchmarks/run.sh (the pre750 and prom750 rows), not here.
 */
class PreCommitLargeTreeTest {

    @TempDir
    Path repo;

    /** Eight services of compose, Prometheus, Alertmanager, alert rules, docs, migrations and sources: 750 files. */
    static int generate(Path root) throws IOException {
        int files = 0;
        StringBuilder readme = new StringBuilder("# Platform\n\n");
        for (int s = 0; s < 8 && files < 750; s++) {
            String svc = "svc-" + s;
            Path dir = root.resolve("services").resolve(svc);
            Files.createDirectories(dir.resolve("monitoring"));
            Files.writeString(dir.resolve("docker-compose.yml"), String.format(Locale.ROOT, """
                    services:
                      api:
                        image: example/%1$s:1.%2$d.0
                        ports: ["80%2$02d:8000"]
                        environment:
                          DATABASE_URL: postgresql://app:${DB_PASSWORD}@db:5432/app
                      db:
                        image: postgres:16
                      prometheus:
                        image: prom/prometheus:v2.53.0
                        volumes: ["./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro"]
                    """, svc, s));
            Files.writeString(dir.resolve("monitoring/prometheus.yml"), """
                    global:
                      scrape_interval: 15s
                    rule_files: [alerts.yml]
                    scrape_configs:
                      - job_name: api
                        static_configs:
                          - targets: ["api:8000"]
                    """);
            Files.writeString(dir.resolve("monitoring/alerts.yml"), """
                    groups:
                      - name: api
                        rules:
                          - alert: ApiDown
                            expr: up{job="api"} == 0
                            for: 5m
                    """);
            Files.writeString(dir.resolve("monitoring/alertmanager.yml"), "route:\n  receiver: team\nreceivers:\n  - name: team\n");
            files += 4;
            readme.append("- [").append(svc).append("](services/").append(svc).append("/README.md)\n");
            Files.writeString(dir.resolve("README.md"), "# " + svc + "\n\nSee [alerts](monitoring/alerts.yml).\n");
            files++;
        }
        Files.writeString(root.resolve("README.md"), readme.toString());
        files++;
        int i = 0;
        while (files < 750) {
            Path dir = root.resolve("services/svc-" + (i % 8)).resolve(i % 3 == 0 ? "migrations" : "src");
            Files.createDirectories(dir);
            String name = i % 3 == 0 ? String.format(Locale.ROOT, "%04d_step.py", i) : "module_" + i + ".py";
            StringBuilder py = new StringBuilder("\"\"\"Module " + i + ".\"\"\"\n\nimport os\n\n");
            for (int f = 0; f < 40; f++) {
                py.append("def handler_").append(f).append("(request):\n    return {'ok': True, 'n': ")
                        .append(f).append("}\n\n");
            }
            Files.writeString(dir.resolve(name), py.toString());
            files++;
            i++;
        }
        return files;
    }

    @Test
    void oneFileChangeOn750FilesReportsOnlyWhatTheChangeBreaks() throws IOException {
        assertThat(generate(repo)).isEqualTo(750);
        try (var s = Files.walk(repo)) {
            assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(750);
        }
        Path changed = repo.resolve("services/svc-3/monitoring/prometheus.yml");
        Files.writeString(changed, "global:\n  scrape_interval: 15s\n  scrape_interval: 30s\n");
        MainTest.Run run = MainTest.run(repo.toString(), "--files", changed.toString());
        assertThat(run.code()).isEqualTo(Main.FAILED);
        assertThat(run.out()).contains("pre-commit mode, 1 changed file")
                .contains("services/svc-3/monitoring/prometheus.yml:3: [config/invalid-yaml]")
                .doesNotContain("services/svc-2/").doesNotContain("services/svc-4/");
    }
}
