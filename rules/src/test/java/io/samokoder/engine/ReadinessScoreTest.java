package io.samokoder.engine;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessScoreTest {

    private static int seed = 1;

    static Finding finding(Category c, Severity s) {
        return new Finding(c.id() + "/x", c, s, "f.yml", 1, 1, "m", "", null, "fp", Finding.Status.NEW, null);
    }

    @Test
    void cleanTreeScores100() {
        ReadinessScore score = ReadinessScore.compute(List.of(), EnumSet.allOf(Category.class), AuditConfig.defaultWeights());
        assertThat(score.total()).isEqualTo(100);
        assertThat(score.categoryScores().values()).containsOnly(100);
        assertThat(ReadinessScore.compute(List.of(), Set.of(), AuditConfig.defaultWeights()).total()).isEqualTo(100);
    }

    @Test
    void notApplicableCategoriesLeaveTheAverage() {
        ReadinessScore score = ReadinessScore.compute(List.of(finding(Category.CONFIG, Severity.HIGH)),
                EnumSet.of(Category.CONFIG), AuditConfig.defaultWeights());
        assertThat(score.categoryScores()).containsOnlyKeys(Category.CONFIG);
        assertThat(score.total()).isEqualTo(80);
        assertThat(score.notApplicable()).contains(Category.DOCS, Category.SECRETS).doesNotContain(Category.CONFIG);
    }

    @Test
    void aCategoryScoredOnlyByItsFindingsLowersTheTotalAndNeverLiftsIt() {
        Map<Category, Double> weights = Map.of(Category.CONFIG, 1.0, Category.MONITORING, 2.0);
        Set<Category> checked = EnumSet.of(Category.CONFIG);
        List<Finding> config = List.of(finding(Category.CONFIG, Severity.CRITICAL));
        assertThat(ReadinessScore.compute(config, checked, weights).total()).isEqualTo(60);
        List<Finding> withClaim = List.of(finding(Category.CONFIG, Severity.CRITICAL),
                finding(Category.MONITORING, Severity.HIGH));
        ReadinessScore score = ReadinessScore.compute(withClaim, checked, weights);
        // averaged in, monitoring at 80 would lift the total to (60 + 2 * 80) / 3 = 73; its loss is taken off instead
        assertThat(score.total()).isEqualTo(46);   // 60 - 2 * (100 - 80) / (1 + 2)
        assertThat(score.categoryScores()).containsEntry(Category.MONITORING, 80);
        assertThat(score.notApplicable()).doesNotContain(Category.MONITORING);
        assertThat(score.with(config).total()).isEqualTo(60);
        // an info finding alone leaves the category not applicable
        assertThat(ReadinessScore.compute(List.of(finding(Category.DOCS, Severity.INFO)), checked, weights)
                .notApplicable()).contains(Category.DOCS);
    }

    @Test
    void weightsShapeTheTotal() {
        List<Finding> f = List.of(finding(Category.SECRETS, Severity.CRITICAL));
        Set<Category> both = EnumSet.of(Category.SECRETS, Category.DOCS);
        int equal = ReadinessScore.compute(f, both, Map.of(Category.SECRETS, 1.0, Category.DOCS, 1.0)).total();
        int heavy = ReadinessScore.compute(f, both, Map.of(Category.SECRETS, 3.0, Category.DOCS, 1.0)).total();
        assertThat(equal).isEqualTo(80);   // (60 + 100) / 2
        assertThat(heavy).isEqualTo(70);   // (3*60 + 100) / 4
    }

    @Test
    void suppressedAndInfoFindingsDoNotLowerTheScore() {
        Finding suppressed = finding(Category.CONFIG, Severity.CRITICAL).withStatus(Finding.Status.SUPPRESSED, "ok");
        ReadinessScore score = ReadinessScore.compute(List.of(suppressed, finding(Category.CONFIG, Severity.INFO)),
                EnumSet.of(Category.CONFIG), AuditConfig.defaultWeights());
        assertThat(score.total()).isEqualTo(100);
    }

    @RepeatedTest(200)
    void addingAFindingNeverRaisesAnyScore() {
        Random random = new Random(seed++);
        Set<Category> applicable = EnumSet.noneOf(Category.class);
        for (Category c : Category.values()) {
            if (random.nextBoolean()) {
                applicable.add(c);
            }
        }
        Map<Category, Double> weights = new java.util.EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            weights.put(c, random.nextInt(5) + random.nextDouble());
        }
        List<Finding> findings = new ArrayList<>();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            findings.add(finding(Category.values()[random.nextInt(Category.values().length)],
                    Severity.values()[random.nextInt(Severity.values().length)]));
        }
        ReadinessScore before = ReadinessScore.compute(findings, applicable, weights);
        Finding extra = finding(Category.values()[random.nextInt(Category.values().length)],
                Severity.values()[random.nextInt(Severity.values().length)]);
        findings.add(extra);
        ReadinessScore after = ReadinessScore.compute(findings, applicable, weights);
        assertThat(after.total()).isLessThanOrEqualTo(before.total());
        for (Category c : before.categoryScores().keySet()) {
            assertThat(after.categoryScores().get(c)).isLessThanOrEqualTo(before.categoryScores().get(c));
        }
        assertThat(after.total()).isBetween(0, 100);
    }
}
