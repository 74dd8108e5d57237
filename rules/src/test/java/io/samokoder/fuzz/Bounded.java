package io.samokoder.fuzz;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz input with a time limit, so that a regression input that hangs fails its test instead of hanging the
 * build, and rethrows what the code under test threw (so Jazzer reports it as a finding).
 */
final class Bounded {

    /**
     * Per input: a hang guard, not a speed test. A linear parser takes milliseconds on these sizes; the limit stays far
     * above that so that a machine loaded many times over its cores cannot fail it.
     */
    static final Duration LIMIT = Duration.ofSeconds(Integer.getInteger("samokoder.fuzz.limitSeconds", 60));

    private Bounded() {
    }

    static void run(String what, Runnable body) {
        FutureTask<Void> task = new FutureTask<>(body, null);
        Thread t = new Thread(task, "fuzz-" + what);
        t.setDaemon(true);
        t.start();
        try {
            task.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            throw new AssertionError(what + " did not finish within " + LIMIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new AssertionError(cause);
        }
    }

    /** A message a user sees on one line: no line breaks, not empty. */
    static void assertOneLine(String message) {
        if (message == null || message.isBlank() || message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            throw new AssertionError("not one clear line: " + message);
        }
    }
}
