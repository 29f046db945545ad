package io.linkrx.serving.repository;

import io.linkrx.serving.batch.DynamicBatcher;
import io.linkrx.serving.model.ServedModel;
import java.util.concurrent.atomic.AtomicBoolean;

/** A request's hold on one model version: the version stays open until every lease on it is closed. */
public final class ModelLease implements AutoCloseable {
    private final LoadedVersion version;
    private final AtomicBoolean released = new AtomicBoolean();

    ModelLease(LoadedVersion version) {
        this.version = version;
    }

    public ServedModel model() {
        return version.model;
    }

    public DynamicBatcher batcher() {
        return version.batcher;
    }

    public String version() {
        return version.version();
    }

    /** Idempotent. */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            version.release();
        }
    }
}
