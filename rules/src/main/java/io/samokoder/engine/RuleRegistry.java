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

    /** The options every rule declares, by name; an option several rules declare is listed once. */
    public static Map<String, RuleOption> allOptions(List<Rule> rules) {
        Map<String, RuleOption> options = new java.util.TreeMap<>();
        for (Rule r : rules) {
            for (RuleOption o : r.options()) {
                RuleOption other = options.putIfAbsent(o.name(), o);
                if (other != null && !other.equals(o)) {
                    throw new IllegalStateException("option " + o.name() + " is declared twice, differently");
                }
            }
        }
        return java.util.Collections.unmodifiableMap(options);
    }

    /** Every rule's metadata plus the engine's own finding kinds. */
    public static List<RuleMeta> allMeta(List<Rule> rules) {
        List<RuleMeta> metas = new ArrayList<>();
        for (Rule r : rules) {
            metas.add(r.meta());
        }
        for (RuleMeta own : List.of(CheckFailed.META, UnusedSuppression.META)) {
            if (metas.stream().noneMatch(m -> m.id().equals(own.id()))) {
                metas.add(own);
            }
        }
        metas.sort(Comparator.comparing(RuleMeta::id));
        return List.copyOf(metas);
    }
}
