package io.samokoder.run;

import java.nio.file.Path;

/**
 * The report files to write; null skips one. {@code report} is Markdown, or HTML when its name ends in {@code .html}.
 * {@link #STDOUT} ({@code -}) puts a report into the verdict's {@code stdout} instead of a file.
 */
public record Outputs(Path sarif, Path json, Path junit, Path report) {

    public static final Outputs NONE = new Outputs(null, null, null, null);

    /** The name that means standard output. */
    public static final String STDOUT = "-";

    static boolean toStdout(Path p) {
        return p != null && p.toString().equals(STDOUT);
    }
}
