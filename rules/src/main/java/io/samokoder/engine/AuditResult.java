package io.samokoder.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The outcome of one audit: findings in a stable order (suppressed ones included, marked), the score, the rules that
 * ran, and what the workspace skipped. Holds no timestamps or absolute paths so that outputs are byte-identical.
 *
 * @param rulesRun       metadata of every rule that was applicable and ran
 * @param cleanRules     ids of rules that ran and found nothing
 * @param fixedSinceBaseline baseline entries no longer found (a suppressed finding is still found)
 * @param baselineFingerprints the fingerprints of the baseline, empty without one
 */
public record AuditResult(Path root, List<Finding> findings, ReadinessScore score, List<RuleMeta> rulesRun,
                          List<RuleMeta> allRules, Set<String> cleanRules, List<Baseline.Entry> fixedSinceBaseline,
                          boolean baselineUsed, Set<String> baselineFingerprints, int filesAudited, int filesSkipped,
                          long durationMillis) {

    public List<Finding> active() {
        return findings.stream().filter(Finding::isActive).toList();
    }

    public List<Finding> newFindings() {
        return findings.stream().filter(f -> f.status() == Finding.Status.NEW).toList();
    }
}
