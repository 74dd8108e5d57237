package io.samokoder.model.claims;

import java.util.List;

/**
 * A command in a document that starts something: {@code docker compose up -d}, {@code npm run dev}, {@code make run}.
 *
 * @param kind      what the command starts
 * @param offset    offset of the command in the document's text
 * @param line      1-based line of the command
 * @param command   the command as written (one line, shortened)
 * @param files     compose files the command names ({@code -f}, {@code --file}, {@code -c}), as written
 * @param profiles  compose profiles the command enables
 * @param services  services named after {@code up} ({@code docker compose up agent}); empty for all
 * @param directory the folder the command runs in, relative to the document's folder ({@code cd deploy} before it in
 *                  the same code block, {@code --project-directory}), {@code ""} for the document's folder
 * @param via       the Makefile target or script the command was resolved through, {@link #HEADING} for a heading
 *                  about compose, {@code ""} when written directly
 */
public record Launch(Kind kind, int offset, int line, String command, List<String> files, List<String> profiles,
                     List<String> services, String directory, String via) {

    /** {@link #via()} of a heading that names compose ("## Run with Docker Compose"): the section is about compose. */
    public static final String HEADING = "heading";

    /** What a command starts. */
    public enum Kind {
        /** Compose starts (part of) a stack: {@code docker compose up}, {@code docker-compose up}, {@code docker stack deploy}. */
        COMPOSE,
        /** Anything else that serves: a native dev server, {@code docker run}, a cluster deploy, a task runner. */
        OTHER
    }

    public Launch {
        files = List.copyOf(files);
        profiles = List.copyOf(profiles);
        services = List.copyOf(services);
    }

    public boolean isCompose() {
        return kind == Kind.COMPOSE;
    }

    /** {@link #shown()} for reports in every language. */
    public io.samokoder.i18n.Text shownText() {
        if (via.equals(HEADING)) {
            return io.samokoder.i18n.Text.of("model.launch.heading", command, line);
        }
        return via.isEmpty() ? io.samokoder.i18n.Text.of("model.launch.command", command, line)
                : io.samokoder.i18n.Text.of("model.launch.commandVia", command, via, line);
    }

    /** The command for messages: {@code `docker compose up -d` (line 9)}. */
    public String shown() {
        if (via.equals(HEADING)) {
            return "the section \"" + command + "\" (line " + line + ")";
        }
        return "`" + command + "`" + (via.isEmpty() ? "" : " (" + via + ")") + ", line " + line;
    }
}
