package io.linkrx.index;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** Whether dense retrieval works; logs each change once instead of once per note. */
final class DenseHealth {
    private final Logger log;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong degraded = new AtomicLong();

    DenseHealth(Logger log) {
        this.log = log;
    }

    /** @param reason why, without any mention text */
    void failed(String reason) {
        degraded.incrementAndGet();
        if (down.compareAndSet(false, true)) {
            log.warn("Dense retrieval unavailable, retrieving lexically until it recovers: {}", reason);
        } else {
            log.debug("Dense retrieval still unavailable: {}", reason);
        }
    }

    void succeeded() {
        if (down.compareAndSet(true, false)) {
            log.info("Dense retrieval resumed");
        }
    }

    long degradedBatches() {
        return degraded.get();
    }
}
