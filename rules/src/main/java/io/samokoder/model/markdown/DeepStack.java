package io.samokoder.model.markdown;

import java.util.function.Supplier;

/**
 * Runs Markdown work that recurses once per nesting level (flexmark's parser and post-processing, AST walks): on the
 * caller's thread first, and when pathologically nested input (thousands of nested quotes or lists) overflows that
 * stack, once more on a thread with a stack large enough for any file under the workspace size limit.
 */
public final class DeepStack {

    private static final long DEEP_STACK = 256L * 1024 * 1024;

    private DeepStack() {
    }

    /** The work's result, or the fallback's when even the large stack overflows. */
    public static <T> T run(Supplier<T> work, Supplier<T> fallback) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            Object[] result = new Object[1];
            Thread t = new Thread(null, () -> {
                try {
                    result[0] = work.get();
                } catch (StackOverflowError again) {
                    result[0] = null;
                }
            }, "samokoder-markdown-deep", DEEP_STACK);
            t.setDaemon(true);
            t.start();
            try {
                t.join();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            @SuppressWarnings("unchecked")
            T value = (T) result[0];
            return value != null ? value : fallback.get();
        }
    }
}
