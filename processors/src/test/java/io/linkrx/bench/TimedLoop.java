package io.linkrx.bench;

import java.util.List;
import java.util.function.ToIntFunction;

/** The benches' timed loop: every item in turn until the time is up. */
final class TimedLoop {
    private TimedLoop() {
    }

    /**
     * Calls {@code work} on the items, round after round, for about {@code seconds}; returns {calls, nanoseconds}.
     * The results are summed so the JIT cannot drop the calls.
     */
    static <T> long[] run(List<T> items, double seconds, ToIntFunction<T> work) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            for (T item : items) {
                sink += work.applyAsInt(item);
            }
            count += items.size();
        }
        if (sink < 0) {
            throw new AssertionError(); // keeps the results observable
        }
        return new long[] {count, System.nanoTime() - start};
    }

    /** Calls per second of {@link #run}. */
    static <T> double rate(List<T> items, double seconds, ToIntFunction<T> work) {
        long[] r = run(items, seconds, work);
        return r[0] / (r[1] / 1e9);
    }
}
