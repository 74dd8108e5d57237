package io.samokoder.rules.readiness;

/**
 * A statement in a document that the project is ready for production.
 *
 * @param line    1-based line of the claim
 * @param column  1-based column where the claim starts
 * @param percent the claimed readiness, 0-100, or {@link #UNQUALIFIED} for a claim without a number
 *                ("production-ready", "готово к продакшену")
 * @param text    the claim as written (plain text, markup removed), at most {@link #MAX_TEXT} characters
 * @param badge   whether the claim is a badge image rather than prose
 */
public record ReadinessClaim(int line, int column, int percent, String text, boolean badge) {

    public static final int UNQUALIFIED = -1;
    public static final int MAX_TEXT = 80;

    public boolean hasPercent() {
        return percent != UNQUALIFIED;
    }
}
