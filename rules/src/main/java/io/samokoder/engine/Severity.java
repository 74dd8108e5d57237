package io.samokoder.engine;

import java.util.Locale;

/** Finding severity, ordered from most to least severe. */
public enum Severity {
    CRITICAL("error", 0.40),
    HIGH("error", 0.20),
    MEDIUM("warning", 0.08),
    LOW("note", 0.03),
    INFO("note", 0.0);

    private final String sarifLevel;
    private final double penalty;

    Severity(String sarifLevel, double penalty) {
        this.sarifLevel = sarifLevel;
        this.penalty = penalty;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String sarifLevel() {
        return sarifLevel;
    }

    /** Fraction of a category score one finding of this severity removes (multiplicatively). */
    public double penalty() {
        return penalty;
    }

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected one of critical, high, medium, low, info)");
    }
}
