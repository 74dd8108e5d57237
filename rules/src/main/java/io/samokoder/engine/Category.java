package io.samokoder.engine;

import java.util.Locale;

/** The readiness categories; each gets its own 0-100 score. */
public enum Category {
    MONITORING, ALERTING, SECRETS, DOCS, MIGRATIONS, CONFIG, READINESS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category parse(String text) {
        for (Category c : values()) {
            if (c.id().equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + text + "'" + Suggestions.didYouMean(text.trim(),
                java.util.Arrays.stream(values()).map(Category::id).toList())
                + " (expected one of monitoring, alerting, secrets, docs, migrations, config, readiness)");
    }

    /** {@link #parse}, failing the audit with the same message. */
    public static Category parseOrFail(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new AuditException(e.getMessage());
        }
    }
}
