package io.samokoder.engine.yaml;

/** Why a YAML file cannot be loaded as its tool would load it. Lines and columns are 1-based. */
public record YamlProblem(Kind kind, int line, int column, String message) {

    public enum Kind {
        /** Not YAML at all (bad indentation, unclosed quote, tab indentation, ...). */
        SYNTAX,
        /** The same key twice in one mapping: most loaders reject it, the rest silently keep one. */
        DUPLICATE_KEY,
        /** An alias bomb, a too-deep nesting or a too-large document, rejected before it costs memory. */
        LIMIT,
        /** Binary content in a file named as YAML. */
        BINARY
    }
}
