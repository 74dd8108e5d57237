package io.samokoder.run;

import io.samokoder.engine.AuditException;
import io.samokoder.engine.Category;
import io.samokoder.engine.Severity;
import io.samokoder.engine.report.ReportLocales;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings one source gives (command line, POM, {@code -D} properties, {@code .samokoder.yml}); null where the
 * source leaves a setting unset. {@link AuditService} takes the value of each setting from the highest source that
 * sets it. The builder parses the text forms every adapter shares ({@code secrets=3,docs=1}, comma-separated lists),
 * so that a value means the same wherever it is given.
 *
 * @param severities rule id to severity ({@code rules:} of the configuration file)
 * @param options    rule option to its values: one for a scalar option, any number for a list
 */
public record Settings(Integer minScore, Severity failOnSeverity, Boolean failOnViolation, Locale locale,
                       List<String> excludes, Map<Category, Double> weights, List<String> disabledRules,
                       Map<String, Severity> severities, Map<String, List<String>> options, Path baseline,
                       Path suppressions) {

    /** A source that sets nothing. */
    public static final Settings NONE = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /** Collects one source's values; setters given null or blank text leave the setting unset. */
    public static final class Builder {
        private Integer minScore;
        private Severity failOnSeverity;
        private Boolean failOnViolation;
        private Locale locale;
        private List<String> excludes;
        private Map<Category, Double> weights;
        private List<String> disabledRules;
        private final Map<String, Severity> severities = new TreeMap<>();
        private final Map<String, List<String>> options = new TreeMap<>();
        private Path baseline;
        private Path suppressions;

        private Builder() {
        }

        public Builder minScore(Integer value) {
            if (value != null && (value < 0 || value > 100)) {
                throw new AuditException("minScore must be between 0 and 100, got " + value);
            }
            minScore = value;
            return this;
        }

        public Builder minScore(String text) {
            if (blank(text)) {
                return this;
            }
            try {
                return minScore(Integer.valueOf(text.strip()));
            } catch (NumberFormatException e) {
                throw new AuditException("minScore must be an integer between 0 and 100, got '" + text + "'");
            }
        }

        public Builder failOnSeverity(Severity value) {
            failOnSeverity = value;
            return this;
        }

        public Builder failOnSeverity(String text) {
            return blank(text) ? this : failOnSeverity(severity(text));
        }

        public Builder failOnViolation(Boolean value) {
            failOnViolation = value;
            return this;
        }

        public Builder locale(Locale value) {
            locale = value;
            return this;
        }

        public Builder locale(String text) {
            return blank(text) ? this : locale(ReportLocales.parse(text));
        }

        /** Paths to leave out, {@code .gitignore} syntax; an item may hold several, comma-separated. */
        public Builder excludes(Collection<String> values) {
            excludes = values == null ? null : items(values);
            return this;
        }

        public Builder weight(Category category, double value) {
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new AuditException("weight of " + category.id() + " must be a non-negative number, got " + value);
            }
            if (weights == null) {
                weights = new EnumMap<>(Category.class);
            }
            weights.put(category, value);
            return this;
        }

        /** {@code secrets=3,docs=0.5}. */
        public Builder weights(String spec) {
            if (blank(spec)) {
                return this;
            }
            for (String part : spec.split(",")) {
                String[] kv = part.split("[=:]", 2);
                if (kv.length != 2) {
                    throw new AuditException("weights must look like 'secrets=3,docs=1', got '" + part.strip() + "'");
                }
                Category category = Category.parseOrFail(kv[0]);
                try {
                    weight(category, Double.parseDouble(kv[1].strip()));
                } catch (NumberFormatException e) {
                    throw new AuditException("weight of " + category.id() + " is not a number: '" + kv[1].strip()
                            + "'");
                }
            }
            return this;
        }

        /** Rule ids to turn off; an item may hold several, comma-separated. */
        public Builder disabledRules(Collection<String> values) {
            disabledRules = values == null ? null : items(values);
            return this;
        }

        public Builder severity(String ruleId, Severity value) {
            severities.put(ruleId, value);
            return this;
        }

        public Builder option(String key, List<String> values) {
            options.put(key.strip(), List.copyOf(values));
            return this;
        }

        public Builder options(Map<String, String> values) {
            if (values != null) {
                values.forEach((k, v) -> option(k, List.of(v == null ? "" : v)));
            }
            return this;
        }

        public Builder baseline(Path value) {
            baseline = value;
            return this;
        }

        public Builder suppressions(Path value) {
            suppressions = value;
            return this;
        }

        public Settings build() {
            return new Settings(minScore, failOnSeverity, failOnViolation, locale,
                    excludes == null ? null : List.copyOf(excludes),
                    weights == null ? null : Collections.unmodifiableMap(new EnumMap<>(weights)),
                    disabledRules == null ? null : List.copyOf(disabledRules),
                    Collections.unmodifiableMap(new LinkedHashMap<>(severities)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(options)), baseline, suppressions);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }

        private static List<String> items(Collection<String> values) {
            List<String> out = new ArrayList<>();
            for (String v : values) {
                if (v != null) {
                    Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
                }
            }
            return out;
        }

        static Severity severity(String text) {
            try {
                return Severity.parse(text);
            } catch (IllegalArgumentException e) {
                throw new AuditException(e.getMessage());
            }
        }
    }
}
