package io.samokoder.model;

/**
 * A place in the repository: repo-relative {@code /}-separated path, 1-based line and column (0 when unknown).
 * Shared by the models so that every value a check reports can be traced to the file and line it came from.
 */
public record Location(String path, int line, int column) {

    public Location {
        path = path == null ? "" : path;
        line = Math.max(0, line);
        column = Math.max(0, column);
    }

    public static Location of(String path, int line) {
        return new Location(path, line, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? path + ":" + line : path;
    }
}
