package io.samokoder.model.claims;

import java.util.List;

/**
 * A sentence (paragraph, list item, table row) that says a compose command starts components: "`docker compose up
 * -d` starts Prometheus and Grafana", "`docker-compose up -d` запускает весь стек: ... и мониторинг".
 *
 * @param start      offset where the sentence's block starts
 * @param end        offset where it ends
 * @param line       1-based line of the command
 * @param command    the compose command as written
 * @param launch     what the command starts (files, profiles, services it names)
 * @param components the component ids named in the block, {@link Components#MONITORING} for the stack as a whole
 */
public record UpStatement(int start, int end, int line, String command, Launch launch, List<String> components) {

    public UpStatement {
        components = List.copyOf(components);
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
