package io.samokoder.engine.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserException;

/**
 * A parser that stops a document before it is composed into more nodes than a tool's file holds: at most
 * {@value YamlLoader#MAX_ITEMS} items in one list or entries in one mapping, and {@value YamlLoader#MAX_NODES} nodes
 * in a file. snakeyaml bounds aliases, nesting and code points, not counts: a 4.8 MB flow list of 2.4 million items,
 * well under the code-point limit, composed into more nodes than a 400 MB heap holds. Counting events before the
 * composer builds the nodes keeps what a rejected file costs to the nodes below the bound.
 */
final class BoundedParser implements Parser {

    private final Parser delegate;
    /** Items so far in each open collection (mapping entries count twice: key and value); the innermost last. */
    private long[] items = new long[16];
    private Mark[] opened = new Mark[16];
    private boolean[] mapping = new boolean[16];
    private int depth;
    private long nodes;

    BoundedParser(Parser delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return delegate.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = delegate.getEvent();
        switch (event.getEventId()) {
            case Scalar, Alias -> node(event);
            case SequenceStart, MappingStart -> {
                node(event);
                open(event.getStartMark(), event.getEventId() == Event.ID.MappingStart);
            }
            case SequenceEnd, MappingEnd -> depth = Math.max(0, depth - 1);
            default -> {
            }
        }
        return event;
    }

    private void node(Event event) {
        if (++nodes > YamlLoader.MAX_NODES) {
            throw new ParserException(null, null, "the file exceeds the limit of " + YamlLoader.MAX_NODES
                    + " nodes", event.getStartMark());
        }
        if (depth > 0) {
            long n = ++items[depth - 1];
            boolean map = mapping[depth - 1];
            if ((map ? (n + 1) / 2 : n) > YamlLoader.MAX_ITEMS) {
                throw new ParserException("in the " + (map ? "mapping" : "list") + " started here",
                        opened[depth - 1], "it exceeds the limit of " + YamlLoader.MAX_ITEMS
                        + (map ? " entries" : " items"), event.getStartMark());
            }
        }
    }

    private void open(Mark mark, boolean isMapping) {
        if (depth == items.length) {
            items = java.util.Arrays.copyOf(items, depth * 2);
            opened = java.util.Arrays.copyOf(opened, depth * 2);
            mapping = java.util.Arrays.copyOf(mapping, depth * 2);
        }
        items[depth] = 0;
        opened[depth] = mark;
        mapping[depth] = isMapping;
        depth++;
    }
}
