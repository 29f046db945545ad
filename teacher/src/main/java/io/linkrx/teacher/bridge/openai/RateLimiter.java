package io.linkrx.teacher.bridge.openai;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Client-side limit of calls per minute, smoothed: calls are spaced at least 60 s / rate apart, so a burst never
 * trips the provider's own limiter. Thread-safe: concurrent callers queue for successive slots.
 */
final class RateLimiter {
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long nextSlot = Long.MIN_VALUE;

    /** @param perMinute calls per minute; 0 means unlimited */
    RateLimiter(int perMinute, LongSupplier nanoClock, Sleeper sleeper) {
        this.intervalNanos = perMinute <= 0 ? 0 : 60_000_000_000L / perMinute;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** Waits for the next free slot. */
    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            long slot = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        sleeper.sleep(Duration.ofNanos(wait));
    }
}
