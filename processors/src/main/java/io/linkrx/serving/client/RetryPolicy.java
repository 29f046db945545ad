package io.linkrx.serving.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often a failed call is tried again: at most {@code maxAttempts} attempts in all, separated by an
 * exponentially growing pause with jitter, so many stream threads hitting a restarting sidecar do not retry in
 * lock step. Retries always stay within the call's deadline (see {@link InferenceClient}).
 *
 * @param maxAttempts    attempts per call, the first included (1: no retry)
 * @param initialBackoff pause before the second attempt
 * @param maxBackoff     longest pause
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff, was " + initialBackoff + ", " + maxBackoff);
        }
    }

    /** Policy with {@code retries} retries after the first attempt, pausing 10 ms, 20 ms, ... up to 100 ms. */
    public static RetryPolicy retries(int retries) {
        return new RetryPolicy(retries + 1, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    /**
     * Pause after failed attempt {@code attempt} (1-based): {@code min(max, initial * 2^(attempt-1))}, of which a
     * random half is dropped ("equal jitter": never zero, never more than the exponential step).
     */
    public Duration backoff(int attempt, RandomGenerator random) {
        long initial = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long step = initial > (cap >> shift) ? cap : Math.min(cap, initial << shift);
        long half = step / 2;
        return Duration.ofNanos(step - half + random.nextLong(half + 1));
    }
}
