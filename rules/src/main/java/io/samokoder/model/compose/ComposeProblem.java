package io.samokoder.model.compose;

import io.samokoder.i18n.Text;
import io.samokoder.model.Location;

/**
 * Something in a compose file that compose would reject or that the model could not follow.
 *
 * @param message the English text (fingerprints of findings that quote it read this)
 * @param text    the same for reports in every language
 */
public record ComposeProblem(Kind kind, Location location, String message, Text text) {

    public ComposeProblem(Kind kind, Location location, Text text) {
        this(kind, location, text.english(), text);
    }

    public enum Kind {
        /** The file is not valid YAML (reported by config/invalid-yaml; kept here so models can skip the file). */
        YAML,
        /** A key compose does not know (outside {@code x-} extensions). */
        UNKNOWN_KEY,
        /** A value of the wrong YAML type (a mapping where a list is expected, ...). */
        WRONG_TYPE,
        /** A port that is no valid short or long port syntax. */
        INVALID_PORT,
        /** A volume that is no valid short or long volume syntax. */
        INVALID_VOLUME,
        /** {@code ${...}} that compose cannot parse. */
        INTERPOLATION,
        /** {@code ${VAR:?msg}} / {@code ${VAR?msg}} without a value: documented-required, compose stops with msg. */
        REQUIRED_VARIABLE,
        /** An {@code include:} or {@code extends: file:} that names no file of the repository. */
        MISSING_FILE,
        /** {@code extends:} naming a service that does not exist. */
        MISSING_SERVICE,
        /** {@code include:} or {@code extends:} that loops back to itself. */
        CYCLE,
        /** A service joins a network that no file of its project declares under top-level {@code networks:}. */
        UNDEFINED_NETWORK
    }
}
