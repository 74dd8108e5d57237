package io.samokoder.engine.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.Reader;

/**
 * A snakeyaml reader whose marks keep only the position. snakeyaml's own marks hold the reader's code-point window
 * (four bytes per character) for error snippets; a composed tree keeps a mark on every node, so each cached document
 * would retain about four times its text. Rules only read line and column, so the window is dropped.
 */
final class PositionOnlyReader extends StreamReader {

    private static final int[] NO_SNIPPET = new int[0];

    PositionOnlyReader(Reader reader) {
        super(reader);
    }

    @Override
    public Mark getMark() {
        return new Mark("yaml", getIndex(), getLine(), getColumn(), NO_SNIPPET, 0);
    }
}
