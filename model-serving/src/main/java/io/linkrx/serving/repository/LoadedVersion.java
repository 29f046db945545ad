package io.linkrx.serving.repository;

import io.linkrx.serving.batch.DynamicBatcher;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.model.ServedModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded model version with its batcher, reference counted: the repository holds one reference while the
 * version serves, each request holds one while it runs. A retired version closes once its last request is done,
 * which is what lets a hot swap finish without failing a single request.
 */
final class LoadedVersion {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedVersion.class);

    final long number;
    final ServedModel model;
    final DynamicBatcher batcher;
    final ModelConfig config;
    /** The config text it was loaded with; a changed config.pbtxt reloads the version. */
    final String configText;
    private final Executor closer;
    private final long drainTimeoutMillis;
    private final AtomicInteger refs = new AtomicInteger(1);
    private final AtomicBoolean retired = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    LoadedVersion(long number, ServedModel model, DynamicBatcher batcher, ModelConfig config, String configText,
                  Executor closer, long drainTimeoutMillis) {
        this.number = number;
        this.model = model;
        this.batcher = batcher;
        this.config = config;
        this.configText = configText;
        this.closer = closer;
        this.drainTimeoutMillis = drainTimeoutMillis;
    }

    String version() {
        return model.version();
    }

    /** Takes a request reference; false once the version is retired and drained (read the current one again). */
    boolean tryAcquire() {
        while (true) {
            int n = refs.get();
            if (n <= 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (refs.decrementAndGet() == 0) {
            // never close on the releasing thread: it may be one of this version's own batch workers
            closer.execute(this::closeNow);
        }
    }

    /** Stops serving new requests; closes after the in-flight ones finish. */
    void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }

    /** Requests holding this version right now. */
    int inFlight() {
        return Math.max(0, refs.get() - (retired.get() ? 0 : 1));
    }

    CompletableFuture<Void> closed() {
        return closed;
    }

    private void closeNow() {
        try {
            batcher.close(drainTimeoutMillis, TimeUnit.MILLISECONDS);
            model.close();
            LOG.info("Closed model '{}' version {}", model.name(), model.version());
        } catch (RuntimeException e) {
            LOG.warn("Closing model '{}' version {} failed: {}", model.name(), model.version(), e.toString());
        } finally {
            closed.complete(null);
        }
    }
}
