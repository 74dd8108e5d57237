package io.samokoder.engine.report;

import io.samokoder.engine.Category;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.RuleOption;
import io.samokoder.engine.RuleRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rule reference (docs/rules.md), generated from the same {@code @RuleInfo} metadata as the SARIF rule table. */
public final class RuleReference {

    private RuleReference() {
    }

    /** The reference of these rules and the engine's own finding kinds, with the options each rule declares. */
    public static String markdown(List<Rule> ruleList) {
        Map<String, List<RuleOption>> options = new HashMap<>();
        ruleList.forEach(r -> options.put(r.meta().id(), r.options()));
        return markdown(RuleRegistry.allMeta(ruleList), options);
    }

    static String markdown(List<RuleMeta> rules, Map<String, List<RuleOption>> options) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rule reference\n\n");
        sb.append("Generated from each rule's `@RuleInfo` and declared options by `RuleReferenceTest`; do not edit by\n");
        sb.append("hand. Regenerate with\n");
        sb.append("`./mvnw -q -B -pl rules test -Dtest=RuleReferenceTest -Dsamokoder.updateDocs=true`.\n\n");
        sb.append("Rule options are set with `-O KEY=VALUE` (CLI), `<options><KEY>VALUE</KEY></options>` (Maven) or\n");
        sb.append("`options:` in `.samokoder.yml` (a list for list options). An option no rule declares, or a value of\n");
        sb.append("the wrong type, is an error.\n\n");
        sb.append("| Rule | Category | Default severity | Finds |\n|---|---|---|---|\n");
        for (RuleMeta m : rules) {
            sb.append("| [`").append(m.id()).append("`](#").append(anchor(m.id())).append(") | ")
                    .append(m.category().id()).append(" | ").append(m.severity().id()).append(" | ")
                    .append(cell(m.summary())).append(" |\n");
        }
        for (Category c : Category.values()) {
            List<RuleMeta> inCategory = rules.stream().filter(m -> m.category() == c).toList();
            if (inCategory.isEmpty()) {
                continue;
            }
            sb.append("\n## ").append(c.id()).append("\n");
            for (RuleMeta m : inCategory) {
                sb.append("\n### ").append(m.id()).append("\n\n");
                sb.append("Default severity: **").append(m.severity().id()).append("**\n\n");
                sb.append(m.summary()).append("\n\n");
                if (!m.description().isEmpty()) {
                    sb.append(m.description()).append("\n\n");
                }
                sb.append("Remediation: ").append(m.remediation()).append("\n");
                List<RuleOption> declared = options.getOrDefault(m.id(), List.of());
                if (!declared.isEmpty()) {
                    sb.append("\n| Option | Type | Default | Meaning |\n|---|---|---|---|\n");
                    for (RuleOption o : declared) {
                        sb.append("| `").append(o.name()).append("` | ").append(o.type().id()).append(" | ")
                                .append(o.defaultValue().isEmpty() ? "—" : "`" + cell(o.defaultValue()) + "`")
                                .append(" | ").append(cell(o.description())).append(" |\n");
                    }
                }
            }
        }
        return sb.toString();
    }

    /** GitHub's slug of a heading made only of ASCII letters, digits, '/' and '-'. */
    static String anchor(String id) {
        return id.toLowerCase(java.util.Locale.ROOT).replace("/", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
