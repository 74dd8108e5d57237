package io.samokoder.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleIndexTest {

    @Test
    void theBuildWritesAnIndexEqualToTheAnnotationsOfEveryRegisteredRule() {
        List<Rule> rules = RuleRegistry.load();
        Map<String, RuleMeta> index = RuleIndex.builtIn();
        List<String> expected = new java.util.ArrayList<>(rules.stream().map(r -> r.getClass().getName()).toList());
        expected.add(CheckFailed.class.getName());
        expected.add(UnusedSuppression.class.getName());
        assertThat(index.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(CheckFailed.META).isSameAs(index.get(CheckFailed.class.getName()))
                .isEqualTo(RuleMeta.fromAnnotation(CheckFailed.class));
        for (Rule r : rules) {
            assertThat(index.get(r.getClass().getName())).as(r.getClass().getName())
                    .isEqualTo(RuleMeta.fromAnnotation(r.getClass()));
            assertThat(r.meta()).isSameAs(index.get(r.getClass().getName()));
        }
    }

    @Test
    void aRuleTheIndexDoesNotNameIsReadFromItsAnnotation() {
        RuleMeta meta = new AuditorTest.ThrowingRule().meta();
        assertThat(RuleIndex.builtIn()).doesNotContainKey(AuditorTest.ThrowingRule.class.getName());
        assertThat(meta).isEqualTo(RuleMeta.fromAnnotation(AuditorTest.ThrowingRule.class));
        assertThat(new AuditorTest.ThrowingRule().meta()).isSameAs(meta);
    }

    @Test
    void everyFieldSurvivesTheRoundTripIncludingTabsNewlinesAndBackslashes() {
        String text = RuleIndex.write(List.of(Tricky.class));
        assertThat(text.lines()).hasSize(1);
        assertThat(RuleIndex.parse(text)).containsExactly(
                Map.entry(Tricky.class.getName(), RuleMeta.fromAnnotation(Tricky.class)));
        assertThat(RuleMeta.fromAnnotation(Tricky.class).description()).isEqualTo("a\tb\nc \\n d\\");
    }

    @Test
    void aDamagedIndexIsRejectedNotHalfRead() {
        assertThatThrownBy(() -> RuleIndex.parse("io.x.Rule\tdocs/x\tDOCS\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @RuleInfo(id = "docs/tricky", category = Category.DOCS, severity = Severity.LOW, summary = "s\\t",
            remediation = "r\r", description = "a\tb\nc \\n d\\")
    static final class Tricky {
    }
}
