package io.samokoder.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded texts of one workspace's files, least recently used first out once they pass a budget of characters.
 * Several models read the same file (a compose file is a compose model and a settings file), usually one soon after
 * the other; the budget keeps a large tree's text from crowding out its models. A soft reference per file did that
 * only under the collector's policy, which keeps recently used referents while the heap is nearly full: on a large
 * tree the audit then spent most of its time in full collections, and in Maven's JVM it would grow the heap instead.
 * What is held changes only how often a file is read again, never what an audit reports.
 */
final class TextCache {

    /** Characters of text held at most; a file larger than this is never held. */
    static final long DEFAULT_BUDGET = 4L << 20;

    private final long budget;
    private long held;
    private final LinkedHashMap<SourceFile, SourceFile.Decoded> texts = new LinkedHashMap<>(256, 0.75f, true);

    TextCache(long budget) {
        this.budget = budget;
    }

    synchronized SourceFile.Decoded get(SourceFile file) {
        return texts.get(file);
    }

    synchronized boolean contains(SourceFile file) {
        return texts.containsKey(file);
    }

    synchronized void put(SourceFile file, SourceFile.Decoded text) {
        long size = text.text.length();
        if (size > budget) {
            return;
        }
        SourceFile.Decoded old = texts.put(file, text);
        if (old != null) {
            held -= old.text.length();
        }
        held += size;
        Iterator<Map.Entry<SourceFile, SourceFile.Decoded>> eldest = texts.entrySet().iterator();
        while (held > budget && eldest.hasNext()) {
            Map.Entry<SourceFile, SourceFile.Decoded> e = eldest.next();
            held -= e.getValue().text.length();
            eldest.remove();
        }
    }
}
