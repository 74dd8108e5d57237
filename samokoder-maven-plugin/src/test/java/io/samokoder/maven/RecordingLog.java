package io.samokoder.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The lines a goal logs, with their level: {@code INFO …}, {@code WARN …}. */
final class RecordingLog extends SystemStreamLog {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(CharSequence line) {
        lines.add("INFO " + line);
    }

    @Override
    public void warn(CharSequence line) {
        lines.add("WARN " + line);
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    List<String> warnings() {
        return lines.stream().filter(l -> l.startsWith("WARN samokoder: ") && l.contains(" is ignored: "))
                .map(l -> l.substring("WARN ".length())).toList();
    }
}
