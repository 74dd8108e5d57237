package io.samokoder.model.dotenv;

import io.samokoder.i18n.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Variable interpolation exactly as the Compose specification defines it (and compose-go implements it):
 * <ul>
 *   <li>{@code $$} is a literal {@code $};</li>
 *   <li>{@code $VAR} and {@code ${VAR}}: the value, or an empty string when unset;</li>
 *   <li>{@code ${VAR:-default}} when unset or empty, {@code ${VAR-default}} when unset;</li>
 *   <li>{@code ${VAR:?error}} fails when unset or empty, {@code ${VAR?error}} when unset;</li>
 *   <li>{@code ${VAR:+replacement}} when set and non-empty, {@code ${VAR+replacement}} when set, else empty;</li>
 *   <li>defaults and replacements are themselves interpolated, lazily (nesting: {@code ${A:-${B:-x}}});</li>
 *   <li>a {@code $} not followed by {@code $}, {@code {} or a name is kept as it is; a malformed {@code ${...}}
 *       (bad name, unknown operator, no closing brace) is an error compose reports as "invalid interpolation format".</li>
 * </ul>
 * Variable names are {@code [_a-zA-Z][_a-zA-Z0-9]*}. Never throws; nesting deeper than {@value #MAX_DEPTH} is an error.
 */
public final class Interpolation {

    public static final int MAX_DEPTH = 32;

    private Interpolation() {
    }

    /** The operator of a braced reference. */
    public enum Operator {
        /** {@code $VAR} or {@code ${VAR}} */
        NONE(""),
        /** {@code ${VAR:-default}} */
        DEFAULT_IF_EMPTY(":-"),
        /** {@code ${VAR-default}} */
        DEFAULT_IF_UNSET("-"),
        /** {@code ${VAR:?error}} */
        REQUIRED_NON_EMPTY(":?"),
        /** {@code ${VAR?error}} */
        REQUIRED("?"),
        /** {@code ${VAR:+replacement}} */
        REPLACE_IF_NON_EMPTY(":+"),
        /** {@code ${VAR+replacement}} */
        REPLACE_IF_SET("+");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean hasDefault() {
            return this == DEFAULT_IF_EMPTY || this == DEFAULT_IF_UNSET;
        }

        public boolean isRequired() {
            return this == REQUIRED || this == REQUIRED_NON_EMPTY;
        }

        public boolean isReplacement() {
            return this == REPLACE_IF_NON_EMPTY || this == REPLACE_IF_SET;
        }
    }

    /**
     * One variable reference that interpolation evaluated.
     *
     * @param name     variable name
     * @param operator how it was written
     * @param argument the default, error message or replacement text as written (raw, before its own interpolation);
     *                 empty for {@link Operator#NONE}
     * @param value    the variable's value, empty when unset
     * @param offset   offset of the {@code $} in the raw text of the outermost value
     * @param depth    0 for a top-level reference, 1+ inside another reference's default or replacement
     */
    public record Reference(String name, Operator operator, String argument, Optional<String> value, int offset,
                            int depth) {
        public boolean isSet() {
            return value.isPresent();
        }

        /** Unset and written with neither a default, a replacement nor a required marker: compose uses "". */
        public boolean isUnsetWithoutDefault() {
            return value.isEmpty() && operator == Operator.NONE;
        }

        /** As written, e.g. {@code ${TAG:-latest}}. */
        public String text() {
            return operator == Operator.NONE ? "${" + name + "}" : "${" + name + operator.symbol() + argument + "}";
        }
    }

    /**
     * The outcome of interpolating one value.
     *
     * @param raw        the text as written
     * @param value      the resolved text (the raw text where an error stopped compose)
     * @param references the references evaluated, in order
     * @param errors     what makes compose refuse the value (required variable missing, invalid format), in English
     * @param errorTexts the same for reports in every language
     */
    public record Result(String raw, String value, List<Reference> references, List<String> errors,
                         List<Text> errorTexts) {
        public boolean ok() {
            return errors.isEmpty();
        }

        public boolean hasReferences() {
            return !references.isEmpty();
        }
    }

    /** Interpolates {@code raw} with variables from {@code lookup} (empty = unset). */
    public static Result interpolate(String raw, Function<String, Optional<String>> lookup) {
        if (raw == null) {
            return new Result(null, null, List.of(), List.of(), List.of());
        }
        if (raw.indexOf('$') < 0) {
            return new Result(raw, raw, List.of(), List.of(), List.of());
        }
        State st = new State(lookup);
        String out = st.substitute(raw, 0, 0);
        return new Result(raw, st.errors.isEmpty() ? out : raw, List.copyOf(st.refs),
                st.errors.stream().map(Text::english).toList(), List.copyOf(st.errors));
    }

    /** Whether a string contains something interpolation would change. */
    public static boolean hasInterpolation(String raw) {
        return raw != null && raw.indexOf('$') >= 0;
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static final class State {
        final Function<String, Optional<String>> lookup;
        final List<Reference> refs = new ArrayList<>();
        final List<Text> errors = new ArrayList<>();

        State(Function<String, Optional<String>> lookup) {
            this.lookup = lookup;
        }

        Optional<String> get(String name) {
            try {
                Optional<String> v = lookup.apply(name);
                return v == null ? Optional.empty() : v;
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        /** @param base offset of {@code s} within the outermost raw text, for reference offsets */
        String substitute(String s, int base, int depth) {
            if (depth > MAX_DEPTH) {
                errors.add(Text.of("model.interpolation.tooDeep", MAX_DEPTH));
                return s;
            }
            StringBuilder b = new StringBuilder(s.length());
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c != '$' || i + 1 >= n) {
                    b.append(c);
                    i++;
                    continue;
                }
                char next = s.charAt(i + 1);
                if (next == '$') {
                    b.append('$');
                    i += 2;
                } else if (isNameStart(next)) {
                    int j = i + 1;
                    while (j < n && isNamePart(s.charAt(j))) {
                        j++;
                    }
                    String name = s.substring(i + 1, j);
                    Optional<String> v = get(name);
                    refs.add(new Reference(name, Operator.NONE, "", v, base + i, depth));
                    b.append(v.orElse(""));
                    i = j;
                } else if (next == '{') {
                    int close = matchingBrace(s, i + 2);
                    if (close < 0) {
                        errors.add(Text.of("model.interpolation.unclosed"));
                        return s;
                    }
                    String inner = s.substring(i + 2, close);
                    if (!braced(inner, base + i, base + i + 2, depth, b)) {
                        return s;
                    }
                    i = close + 1;
                } else {
                    b.append(c);
                    i++;
                }
            }
            return b.toString();
        }

        /** Index of the {@code }} closing a {@code ${} whose content starts at {@code from}, or -1. */
        private static int matchingBrace(String s, int from) {
            int level = 1;
            for (int k = from; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '$' && k + 1 < s.length() && s.charAt(k + 1) == '$') {
                    k++;
                } else if (c == '$' && k + 1 < s.length() && s.charAt(k + 1) == '{') {
                    level++;
                    k++;
                } else if (c == '}') {
                    level--;
                    if (level == 0) {
                        return k;
                    }
                }
            }
            return -1;
        }

        private boolean braced(String inner, int dollarOffset, int innerOffset, int depth, StringBuilder out) {
            int j = 0;
            if (inner.isEmpty() || !isNameStart(inner.charAt(0))) {
                errors.add(Text.of("model.interpolation.noName"));
                return false;
            }
            while (j < inner.length() && isNamePart(inner.charAt(j))) {
                j++;
            }
            String name = inner.substring(0, j);
            Operator op;
            String rest = inner.substring(j);
            int argStart;
            if (rest.isEmpty()) {
                op = Operator.NONE;
                argStart = inner.length();
            } else if (rest.startsWith(":-")) {
                op = Operator.DEFAULT_IF_EMPTY;
                argStart = j + 2;
            } else if (rest.startsWith(":?")) {
                op = Operator.REQUIRED_NON_EMPTY;
                argStart = j + 2;
            } else if (rest.startsWith(":+")) {
                op = Operator.REPLACE_IF_NON_EMPTY;
                argStart = j + 2;
            } else if (rest.startsWith("-")) {
                op = Operator.DEFAULT_IF_UNSET;
                argStart = j + 1;
            } else if (rest.startsWith("?")) {
                op = Operator.REQUIRED;
                argStart = j + 1;
            } else if (rest.startsWith("+")) {
                op = Operator.REPLACE_IF_SET;
                argStart = j + 1;
            } else {
                errors.add(Text.of("model.interpolation.operator", name));
                return false;
            }
            String arg = inner.substring(argStart);
            Optional<String> v = get(name);
            refs.add(new Reference(name, op, arg, v, dollarOffset, depth));
            boolean set = v.isPresent();
            boolean nonEmpty = set && !v.get().isEmpty();
            switch (op) {
                case NONE -> out.append(v.orElse(""));
                case DEFAULT_IF_EMPTY -> out.append(nonEmpty ? v.get() : substitute(arg, innerOffset + argStart, depth + 1));
                case DEFAULT_IF_UNSET -> out.append(set ? v.get() : substitute(arg, innerOffset + argStart, depth + 1));
                case REQUIRED_NON_EMPTY, REQUIRED -> {
                    boolean ok = op == Operator.REQUIRED ? set : nonEmpty;
                    if (!ok) {
                        String msg = substitute(arg, innerOffset + argStart, depth + 1);
                        errors.add(msg.isEmpty() ? Text.of("model.interpolation.required", name)
                                : Text.of("model.interpolation.requiredSays", name, msg));
                        return false;
                    }
                    out.append(v.get());
                }
                case REPLACE_IF_NON_EMPTY -> out.append(nonEmpty ? substitute(arg, innerOffset + argStart, depth + 1) : "");
                case REPLACE_IF_SET -> out.append(set ? substitute(arg, innerOffset + argStart, depth + 1) : "");
                default -> throw new IllegalStateException();
            }
            return errors.isEmpty();
        }
    }
}
