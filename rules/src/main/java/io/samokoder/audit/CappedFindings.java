package io.samokoder.audit;

import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;
import io.samokoder.engine.RuleMeta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One check's findings, at most {@code cap} a file; beyond that one summary finding a file counts the rest, at the
 * highest severity among them, so that the gate still sees it. Which findings are kept does not depend on the order a
 * check reports them in (the first {@code cap} in {@link Finding#ORDER}), so output stays deterministic; memory stays
 * bounded however many a hostile file provokes (a revision tuple of 100,000 names made 100,001 findings and 300 MB of
 * reports). Thread-safe: a check may report from several threads.
 */
final class CappedFindings {

    private final RuleMeta meta;
    private final int cap;
    private final Map<String, PerFile> byPath = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    CappedFindings(RuleMeta meta, int cap) {
        this.meta = meta;
        this.cap = cap;
    }

    private static final class PerFile {
        /** The kept findings, the last in {@link Finding#ORDER} at the head. */
        final PriorityQueue<Finding> kept = new PriorityQueue<>(Finding.ORDER.reversed());
        long dropped;
        Severity worstDropped;
    }

    synchronized void add(Finding f) {
        PerFile file = byPath.computeIfAbsent(f.path(), p -> {
            order.add(p);
            return new PerFile();
        });
        Finding out = f;
        if (file.kept.size() < cap) {
            file.kept.add(f);
            return;
        }
        if (Finding.ORDER.compare(f, file.kept.peek()) < 0) {
            out = file.kept.poll();
            file.kept.add(f);
        }
        file.dropped++;
        if (file.worstDropped == null || out.severity().compareTo(file.worstDropped) < 0) {
            file.worstDropped = out.severity();
        }
    }

    synchronized List<Finding> list() {
        List<Finding> out = new ArrayList<>();
        for (String path : order) {
            PerFile file = byPath.get(path);
            out.addAll(file.kept);
            if (file.dropped > 0) {
                out.add(Finding.of(meta).at(path, 0).severity(file.worstDropped)
                        .message(io.samokoder.i18n.Text.of(file.dropped == 1 ? "audit.capped.one" : "audit.capped.many",
                                file.dropped, meta.id(), cap))
                        .key("more findings").build());
            }
        }
        return out;
    }
}
