package io.samokoder.rules.monitoring;

import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed fixture and its fixed twin, beyond what expected.json can say. */
class MonitoringFixturesTest {

    private static List<Finding> monitoring(String fixture) {
        AuditResult r = Fixtures.audit(fixture);
        List<Finding> out = r.active().stream().filter(f -> f.category() == Category.MONITORING
                || f.ruleId().equals("config/invalid-compose")).toList();
        out.forEach(f -> System.out.println(Fixtures.describe(f)));
        return out;
    }

    @Test
    void seedReportsEveryMonitoringCheck() {
        List<Finding> findings = monitoring("monitoring-seed");
        assertThat(findings).extracting(Finding::ruleId).contains("monitoring/unknown-scrape-target",
                "monitoring/target-port-not-exposed", "monitoring/stack-not-deployed", "monitoring/rule-file-missing",
                "monitoring/grafana-datasource-unreachable", "monitoring/claimed-but-missing",
                "monitoring/unset-compose-variable");
    }

    @Test
    void sampleRepositoryReportsTheSeedAuditsMonitoringFindings() {
        List<Finding> findings = monitoring("samokoder-seed");
        assertThat(findings).extracting(Finding::ruleId).contains("monitoring/unknown-scrape-target",
                "monitoring/stack-not-deployed", "monitoring/claimed-but-missing");
    }

    @Test
    void fixedTwinReportsNothing() {
        assertThat(monitoring("monitoring-fixed")).isEmpty();
    }

    @Test
    void sameTreeSameFindings() {
        List<String> a = Fixtures.audit("monitoring-seed").active().stream().map(Fixtures::describe).toList();
        List<String> b = Fixtures.audit("monitoring-seed").active().stream().map(Fixtures::describe).toList();
        assertThat(a).isNotEmpty().isEqualTo(b);
    }
}
