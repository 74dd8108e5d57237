package io.samokoder.engine;

import io.samokoder.i18n.Text;

/** Rule metadata as a value, read from {@link RuleInfo}. */
public record RuleMeta(String id, Category category, Severity severity, String summary, String remediation,
                       String description) {

    /** Read once per class: {@link Rule#meta()} is asked for every finding. */
    private static final ClassValue<RuleMeta> CACHE = new ClassValue<>() {
        @Override
        protected RuleMeta computeValue(Class<?> type) {
            return fromAnnotation(type);
        }
    };

    /** The summary in the given language ({@code rule.<id>.summary} of the rule texts); English when it has none. */
    public String summaryIn(java.util.Locale locale) {
        return localized("summary", summary, locale);
    }

    /** The remediation in the given language; English when it has none. */
    public String remediationIn(java.util.Locale locale) {
        return localized("remediation", remediation, locale);
    }

    /** The description in the given language; English when it has none, empty when the rule has no description. */
    public String descriptionIn(java.util.Locale locale) {
        return description.isEmpty() ? description : localized("description", description, locale);
    }

    private String localized(String part, String english, java.util.Locale locale) {
        if (locale == null || locale.getLanguage().equals("en")) {
            return english;
        }
        Text t = Text.rule(id, part);
        return Text.has(t.key(), locale) ? t.render(locale) : english;
    }

    public static RuleMeta of(Class<?> ruleClass) {
        return CACHE.get(ruleClass);
    }

    static RuleMeta fromAnnotation(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
        }
        if (!info.id().startsWith(info.category().id() + "/")) {
            throw new IllegalStateException("rule id " + info.id() + " must start with its category " + info.category().id() + "/");
        }
        return new RuleMeta(info.id(), info.category(), info.severity(), info.summary(), info.remediation(),
                info.description());
    }
}
