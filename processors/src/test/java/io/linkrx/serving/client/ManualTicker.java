package io.linkrx.serving.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that only moves when a test says so. */
public final class ManualTicker implements LongSupplier {
    private final AtomicLong nanos = new AtomicLong();

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }
}
