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
        throw new IllegalArgumentException("unknown category '" + text + "' (expected one of monitoring, alerting, secrets, docs, migrations, config, readiness)");
    }
}
