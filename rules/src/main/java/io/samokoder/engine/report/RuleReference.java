package io.samokoder.engine.report;

import io.samokoder.engine.Category;
import io.samokoder.engine.RuleMeta;

import java.util.List;

/** The rule reference (docs/rules.md), generated from the same {@code @RuleInfo} metadata as the SARIF rule table. */
public final class RuleReference {

    private RuleReference() {
    }

    public static String markdown(List<RuleMeta> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rule reference\n\n");
        sb.append("Generated from each rule's `@RuleInfo` by `RuleReferenceTest`; do not edit by hand. Regenerate with\n");
        sb.append("`./mvnw -q -B -pl rules test -Dtest=RuleReferenceTest -Dsamokoder.updateDocs=true`.\n\n");
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
