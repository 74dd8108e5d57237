package io.samokoder.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The lines of an audit as the goal would log them: level and text of each. */
final class RecordingOutput implements CheckRun.Output {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String line) {
        lines.add("INFO " + line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN " + line);
    }

    @Override
    public void raw(String line) {
        lines.add("RAW " + line);
    }
}
