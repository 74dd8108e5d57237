package io.samokoder.model.claims;

import java.util.Optional;

/**
 * A place where a document says something listens on this machine: a URL on {@code localhost}/{@code 127.0.0.1}, or
 * "Grafana on port 3000".
 *
 * @param text      the URL as written up to its port ({@code http://localhost:3000}), or {@code port 3000}
 * @param port      the port (80 or 443 when the URL names none)
 * @param offset    offset in the document's text
 * @param line      1-based line
 * @param column    1-based column
 * @param component the component the document says it belongs to ({@code grafana}), see {@link Components}
 * @param where     how it is written
 */
public record Endpoint(String text, int port, int offset, int line, int column, Optional<String> component,
                       Where where) {

    /** How an endpoint is written. */
    public enum Where {
        /** In prose, a link, a table or inline code that is only the URL. */
        PROSE,
        /** In a command that requests or opens it ({@code curl http://localhost:9090/-/healthy}). */
        COMMAND,
        /** A code block line that is only the URL. */
        URL_LINE,
        /** "Grafana on port 3000". */
        PORT_WORD
    }

    public boolean isPortWord() {
        return where == Where.PORT_WORD;
    }
}
