package io.samokoder.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A setting a rule reads, declared by the rule ({@link Rule#options()}) with its type, default and description, in the
 * manner of kube-linter's typed check parameters: the engine checks every option a user gives against these
 * declarations ({@link #normalize}), so that a misspelt key or a wrong value is an error, not a silent default. The
 * rule reference lists them.
 *
 * @param defaultValue the value when unset, as text ({@code ""}: none)
 * @param ownerOnly    whether only the CI owner may set it ({@link #forOwnerOnly()})
 */
public record RuleOption(String name, Type type, String defaultValue, String description, boolean ownerOnly) {

    /** What values an option takes; {@link #text} says it in the words of an error or the rule reference. */
    public enum Type {
        BOOLEAN("true or false"),
        INTEGER("an integer"),
        NUMBER("a number"),
        STRING("text"),
        /** A file; each rule says what a relative path is relative to. */
        PATH("a path"),
        /** Items separated by commas (CLI, POM), or a YAML list. Stored joined by commas. */
        LIST("a comma-separated list"),
        /** Regular expressions: one per value, or a YAML list. Stored one per line, since a regex may hold commas. */
        REGEX_LIST("a list of regular expressions");

        private final String text;

        Type(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public static RuleOption of(String name, Type type, String defaultValue, String description) {
        return new RuleOption(name, type, defaultValue, description, false);
    }

    /**
     * The same option, settable only by the CI owner (command line, POM, {@code -D}), never by the audited
     * repository's own {@code .samokoder.yml}: network access and the files it writes are not the repository's call.
     */
    public RuleOption forOwnerOnly() {
        return new RuleOption(name, type, defaultValue, description, true);
    }

    /**
     * The value as the engine stores it ({@link AuditConfig#option}), from the values a source gave: one for a scalar
     * type, one or more for a list. Throws an {@link AuditException} naming the option and the expected type.
     */
    public String normalize(List<String> values) {
        List<String> items = values.stream().map(String::strip).toList();
        switch (type) {
            case LIST:
                return String.join(",", items.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                        .filter(v -> !v.isEmpty()).toList());
            case REGEX_LIST:
                for (String regex : items) {
                    try {
                        Pattern.compile(regex);
                    } catch (PatternSyntaxException e) {
                        throw new AuditException("option " + name + ": '" + regex + "' is not a regular expression: "
                                + e.getDescription());
                    }
                }
                return String.join("\n", items);
            default:
                break;
        }
        if (items.size() != 1) {
            throw new AuditException("option " + name + " takes one value (" + type.text() + "), got " + items.size());
        }
        String v = items.get(0);
        switch (type) {
            case BOOLEAN -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw wrong(v);
                }
                return b;
            }
            case INTEGER -> {
                try {
                    return Integer.toString(Integer.parseInt(v));
                } catch (NumberFormatException e) {
                    throw wrong(v);
                }
            }
            case NUMBER -> {
                try {
                    double d = Double.parseDouble(v);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw wrong(v);
                    }
                    return v;
                } catch (NumberFormatException e) {
                    throw wrong(v);
                }
            }
            default -> {
                return v;
            }
        }
    }

    private AuditException wrong(String value) {
        return new AuditException("option " + name + " must be " + type.text() + ", got '" + value + "'");
    }

    /** The items of a stored {@link Type#LIST} or {@link Type#REGEX_LIST} value. */
    public static List<String> items(Type type, String stored) {
        List<String> out = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return out;
        }
        for (String s : stored.split(type == Type.REGEX_LIST ? "\n" : ",")) {
            if (!s.isBlank()) {
                out.add(type == Type.REGEX_LIST ? s : s.strip());
            }
        }
        return out;
    }
}
