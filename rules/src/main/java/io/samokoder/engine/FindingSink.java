package io.samokoder.engine;

/** Where rules report findings. Thread-safe. */
@FunctionalInterface
public interface FindingSink {
    void report(Finding finding);
}
