package io.samokoder.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Maps a list on the calling thread and the common pool's threads, which take the items in small batches from one
 * counter. A parallel stream splits a list into about four pieces per pool thread up front: on two cores, when one
 * thread finished its last piece the other could still have thousands of files left (a secrets pass of 20,000 files
 * ended with 150 ms on one core). Batches of a few items leave at most one batch of tail.
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * {@code fn} applied to every item, in the items' order ({@code null} results kept). An exception thrown by
     * {@code fn} stops the remaining batches and is rethrown here once every thread has stopped.
     *
     * @param batch items a thread takes at once: 1 for items that each take milliseconds, more for cheap ones
     */
    public static <T, R> List<R> map(List<T> items, int batch, Function<? super T, ? extends R> fn) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch " + batch);
        }
        int n = items.size();
        Object[] out = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable drain = () -> {
            for (int from = next.getAndAdd(batch); from < n; from = next.getAndAdd(batch)) {
                int to = Math.min(n, from + batch);
                try {
                    for (int i = from; i < to; i++) {
                        out[i] = fn.apply(items.get(i));
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    next.set(n); // no thread takes another batch
                    return;
                }
            }
        };
        int helpers = (int) Math.min(ForkJoinPool.getCommonPoolParallelism(), ((long) n + batch - 1) / batch - 1);
        List<ForkJoinTask<?>> tasks = new ArrayList<>(Math.max(0, helpers));
        for (int i = 0; i < helpers; i++) {
            tasks.add(ForkJoinPool.commonPool().submit(drain));
        }
        drain.run();
        for (ForkJoinTask<?> task : tasks) {
            task.join(); // a task no pool thread has started yet runs here, finds no batch left and returns
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        @SuppressWarnings("unchecked")
        List<R> result = (List<R>) Collections.unmodifiableList(Arrays.asList(out));
        return result;
    }
}
