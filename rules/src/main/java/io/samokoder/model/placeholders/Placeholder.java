package io.samokoder.model.placeholders;

/**
 * One shell/compose-style variable reference found in text: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?message}}, {@code ${VAR?message}}, {@code ${VAR:+alt}}, {@code ${VAR+alt}}.
 *
 * @param name     the variable name
 * @param start    offset of the {@code $} in the scanned text
 * @param end      offset just past the reference
 * @param braced   whether the {@code ${...}} form was used
 * @param operator {@code ""} for plain references, else one of {@code :- - :? ? :+ +}
 * @param argument the default, message or alternative text after the operator ({@code ""} when none)
 */
public record Placeholder(String name, int start, int end, boolean braced, String operator, String argument) {

    /** The reference as written, e.g. {@code ${SMTP_HOST}}. */
    public String text(CharSequence source) {
        return source.subSequence(start, end).toString();
    }

    /** Whether the reference carries a default ({@code :-} or {@code -}), so that an unset variable is no error. */
    public boolean hasDefault() {
        return operator.equals(":-") || operator.equals("-");
    }

    /** The canonical spelling for messages: {@code ${NAME}} (defaults omitted: they may be secrets). */
    public String display() {
        return "${" + name + "}";
    }
}
