package io.samokoder.audit;

import io.samokoder.engine.Category;
import io.samokoder.engine.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RuleScheduleTest {

    @Test
    void rulesAreTakenOneCategoryAtATimeKeepingTheirOrderWithinACategory() {
        List<Rule> rules = RuleRegistry.load();
        List<Rule> order = Auditor.interleaveCategories(rules);

        assertThat(order).containsExactlyInAnyOrderElementsOf(rules);
        int categories = (int) rules.stream().map(r -> r.meta().category()).distinct().count();
        Set<Category> firstRound = order.subList(0, categories).stream().map(r -> r.meta().category())
                .collect(Collectors.toSet());
        assertThat(firstRound).hasSize(categories);
        for (Category c : Category.values()) {
            assertThat(order.stream().filter(r -> r.meta().category() == c).toList())
                    .containsExactlyElementsOf(rules.stream().filter(r -> r.meta().category() == c).toList());
        }
    }
}
