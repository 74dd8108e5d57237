package io.samokoder.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {

    @Test
    void resultsKeepTheItemsOrderWhateverThreadComputedThem() {
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
        for (int batch : new int[] {1, 3, 8, 64, 20_000}) {
            List<String> out = Parallel.map(items, batch, i -> "#" + i);
            assertEquals(items.size(), out.size());
            for (int i = 0; i < items.size(); i++) {
                assertEquals("#" + i, out.get(i), "batch " + batch);
            }
        }
    }

    @Test
    void everyItemIsMappedExactlyOnce() {
        AtomicInteger[] calls = new AtomicInteger[5_001];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = new AtomicInteger();
        }
        List<Integer> items = IntStream.range(0, calls.length).boxed().toList();
        Parallel.map(items, 7, i -> calls[i].incrementAndGet());
        for (int i = 0; i < calls.length; i++) {
            assertEquals(1, calls[i].get(), "item " + i);
        }
    }

    @Test
    void nullResultsAndEmptyListsAreKept() {
        List<String> out = Parallel.map(List.of(1, 2, 3, 4), 1, i -> i % 2 == 0 ? null : "odd");
        assertEquals(4, out.size());
        assertEquals("odd", out.get(0));
        assertNull(out.get(1));
        assertTrue(Parallel.map(List.<Integer>of(), 4, i -> i).isEmpty());
    }

    @Test
    void theCallingThreadAndAPoolThreadShareTheWork() {
        // each of the two items waits until two threads have started on items: one thread alone would time out
        CountDownLatch both = new CountDownLatch(2);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Boolean> met = Parallel.map(List.of(1, 2), 1, i -> {
            threads.add(Thread.currentThread());
            both.countDown();
            try {
                return both.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(List.of(true, true), met);
        assertEquals(2, threads.size());
        assertTrue(threads.contains(Thread.currentThread()));
    }

    @Test
    void aSlowItemDoesNotHoldTheRestOfItsShareHostage() {
        // item 0 is slow; with batches of one, the other thread maps every other item meanwhile. A split into a few
        // fixed pieces up front would leave the items after item 0 in its piece to the thread stuck on it.
        CountDownLatch rest = new CountDownLatch(199);
        Set<Thread> slowThread = ConcurrentHashMap.newKeySet();
        List<Thread> mappedBy = Parallel.map(IntStream.range(0, 200).boxed().toList(), 1, i -> {
            if (i == 0) {
                slowThread.add(Thread.currentThread());
                try {
                    assertTrue(rest.await(10, TimeUnit.SECONDS), "the other items were not mapped meanwhile");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                rest.countDown();
            }
            return Thread.currentThread();
        });
        Thread slow = slowThread.iterator().next();
        assertEquals(1, Collections.frequency(mappedBy, slow));
    }

    @Test
    void aFailureStopsTheOtherBatchesAndIsRethrownOnce() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger mapped = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Parallel.map(IntStream.range(0, 100_000).boxed().toList(), 1, i -> {
                    if (i == 10) {
                        throw boom;
                    }
                    return mapped.incrementAndGet();
                }));
        assertSame(boom, thrown);
        assertTrue(mapped.get() < 100_000 - 1, "kept mapping after the failure: " + mapped.get());
        StackOverflowError deep = new StackOverflowError();
        assertSame(deep, assertThrows(StackOverflowError.class,
                () -> Parallel.map(List.of(1, 2, 3), 1, i -> {
                    throw deep;
                })));
    }

    @Test
    void nestedMapsFinish() {
        List<Integer> outer = IntStream.range(0, 8).boxed().toList();
        List<Integer> sums = Parallel.map(outer, 1, o -> Parallel.map(IntStream.range(0, 500).boxed().toList(), 5,
                i -> i * o).stream().mapToInt(Integer::intValue).sum());
        List<Integer> expected = new ArrayList<>();
        for (int o : outer) {
            expected.add(o * 499 * 500 / 2);
        }
        assertEquals(expected, sums);
    }

    @Test
    void aModelBuiltOnceInsideAMapWithAMapOfItsOwnDoesNotDeadlock() {
        // as AuditContext's models: every item needs one shared model, built once under a lock by the first item's
        // thread with a map of its own, while the pool's threads wait on the lock: the builder's map must finish
        // without them
        Object lock = new Object();
        int[] model = new int[1];
        AtomicInteger builds = new AtomicInteger();
        List<Integer> out = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> Parallel.map(IntStream.range(0, 64).boxed().toList(), 1, i -> {
                    synchronized (lock) {
                        if (model[0] == 0) {
                            builds.incrementAndGet();
                            model[0] = Parallel.map(IntStream.range(0, 1000).boxed().toList(), 1, x -> 1).size();
                        }
                    }
                    return model[0] + i;
                }));
        assertEquals(1, builds.get());
        for (int i = 0; i < 64; i++) {
            assertEquals(1000 + i, out.get(i));
        }
    }

    @Test
    void theCallerFinishesAloneWhenEveryPoolThreadIsBusy() throws InterruptedException {
        int threads = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch busy = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertTrue(busy.await(10, TimeUnit.SECONDS), "pool threads did not start");
            // the first item queues a task of its own behind the map's helper, as the weak-value check does: the
            // helper, not yet taken by a pool thread, is then not on top of the caller's queue
            List<Thread> mappedBy = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> Parallel.map(IntStream.range(0, 100).boxed().toList(), 1, i -> {
                        if (i == 0) {
                            java.util.concurrent.ForkJoinPool.commonPool().execute(() -> { });
                        }
                        return Thread.currentThread();
                    }));
            assertEquals(100, Collections.frequency(mappedBy, mappedBy.get(0)));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aBatchBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.map(List.of(1), 0, i -> i));
    }
}
