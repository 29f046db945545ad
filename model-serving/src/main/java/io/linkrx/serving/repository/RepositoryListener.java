package io.linkrx.serving.repository;

import io.linkrx.serving.batch.BatchObserver;

/** Told about the repository's changes (metrics, logs of record); every method is optional. */
public interface RepositoryListener {
    RepositoryListener NONE = new RepositoryListener() {};

    default void modelDiscovered(String model) {}

    default void modelRemoved(String model) {}

    default void versionLoaded(String model, String version, String device, String platform) {}

    default void versionUnloaded(String model, String version) {}

    /** The version answering requests that name no version changed; {@code from} is null on the first load. */
    default void servingVersionChanged(String model, String from, String to) {}

    /** A version (empty when the config itself is unreadable) failed to load; the serving version stays. */
    default void loadFailed(String model, String version, String reason) {}

    default BatchObserver batchObserver(String model) {
        return BatchObserver.NONE;
    }
}
