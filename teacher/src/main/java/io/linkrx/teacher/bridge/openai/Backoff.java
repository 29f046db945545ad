package io.linkrx.teacher.bridge.openai;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter: {@code initial * 2^attempt}, plus up to 50% at random so that clients that
 * failed together do not retry together, capped at {@code max}. A server's Retry-After replaces the computed
 * delay (still capped: a teacher that asks for minutes is better dead-lettered than waited for).
 */
record Backoff(Duration initial, Duration max, Random random) {
    Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return min(retryAfter, max);
        }
        double base = initial.toMillis() * Math.pow(2, Math.min(attempt, 30));
        double jittered = base * (1 + 0.5 * random.nextDouble());
        return min(Duration.ofMillis((long) Math.min(jittered, Long.MAX_VALUE / 2.0)), max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
