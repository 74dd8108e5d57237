package io.samokoder.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The rules on the class path, found with {@link ServiceLoader}, in id order. */
public final class RuleRegistry {

    private RuleRegistry() {
    }

    public static List<Rule> load() {
        return load(RuleRegistry.class.getClassLoader());
    }

    public static List<Rule> load(ClassLoader loader) {
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : ServiceLoader.load(Rule.class, loader)) {
            rules.add(rule);
        }
        rules.sort(Comparator.comparing(r -> r.meta().id()));
        Map<String, Rule> ids = new HashMap<>();
        for (Rule r : rules) {
            Rule other = ids.put(r.meta().id(), r);
            if (other != null) {
                throw new IllegalStateException("two rules share the id " + r.meta().id() + ": "
                        + other.getClass().getName() + " and " + r.getClass().getName());
            }
        }
        return List.copyOf(rules);
    }

    /** Every rule's metadata plus the engine's own finding kinds. */
    public static List<RuleMeta> allMeta(List<Rule> rules) {
        List<RuleMeta> metas = new ArrayList<>();
        for (Rule r : rules) {
            metas.add(r.meta());
        }
        if (metas.stream().noneMatch(m -> m.id().equals(CheckFailed.META.id()))) {
            metas.add(CheckFailed.META);
        }
        metas.sort(Comparator.comparing(RuleMeta::id));
        return List.copyOf(metas);
    }
}
