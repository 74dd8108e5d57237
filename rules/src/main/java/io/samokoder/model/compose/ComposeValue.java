package io.samokoder.model.compose;

import io.samokoder.model.dotenv.Interpolation;
import io.samokoder.model.Location;

import java.util.List;

/**
 * One scalar of a compose file: the text as written, the text after interpolation, where it is, and the variable
 * references interpolation evaluated (so that checks can tell "no default and no value" from "documented required").
 *
 * @param raw        the scalar as written in YAML
 * @param value      after interpolation ({@code raw} when interpolation failed)
 * @param location   file and line of the scalar
 * @param references the {@code $VAR} / {@code ${VAR...}} references evaluated, in order
 * @param errors     interpolation errors compose would stop on (invalid format, required variable missing)
 */
public record ComposeValue(String raw, String value, Location location, List<Interpolation.Reference> references,
                           List<String> errors) {

    public ComposeValue {
        references = List.copyOf(references);
        errors = List.copyOf(errors);
    }

    /** A value that was not interpolated (keys, derived text). */
    public static ComposeValue literal(String text, Location location) {
        return new ComposeValue(text, text, location, List.of(), List.of());
    }

    static ComposeValue of(Interpolation.Result r, Location location) {
        return new ComposeValue(r.raw(), r.value(), location, r.references(), r.errors());
    }

    /** The same location and references with another resolved text (a token of a split command). */
    ComposeValue withValue(String text) {
        return new ComposeValue(raw, text, location, references, errors);
    }

    public boolean isInterpolated() {
        return !references.isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
