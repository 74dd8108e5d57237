package io.samokoder.rules.secrets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One provider token format of the table in {@code token-patterns.yml} (or a user's extension file).
 *
 * @param group   the regex group holding the secret
 * @param entropy minimum Shannon entropy in bits per character of the secret
 * @param window  how far past a keyword hit the token may reach, in characters
 * @param anchor  {@code start}: every match begins where a keyword begins, so the regex is only tried there
 *                ({@code lookingAt}); {@code window}: the keyword may sit inside the match, the regex searches the
 *                text around each hit
 * @param requires a literal every match holds between the keyword and the next whitespace, compared ignoring case
 *                 (null: none); the regex is only tried at a hit where it occurs. Start-anchored patterns only
 */
public record TokenPattern(String id, String description, Pattern regex, int group, List<String> keywords,
                           double entropy, int window, Anchor anchor, String requires) {

    public enum Anchor { START, WINDOW }
}
