package io.linkrx.teacher.bridge.openai;

import java.time.Duration;

/** Waits; tests substitute one that records the waits instead of taking them. */
interface Sleeper {
    Sleeper REAL = d -> {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration d) throws InterruptedException;
}
