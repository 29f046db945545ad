package io.linkrx.serving.repository;

import io.linkrx.serving.model.RuntimeSettings;
import java.time.Duration;

/**
 * @param runtime       ONNX Runtime settings handed to every loader
 * @param pollInterval  how often the repository looks for new, removed or pinned versions (zero: never)
 * @param queueCapacity requests a model version queues before refusing more (config {@code max_queue_size} overrides)
 * @param workers       batch worker threads per model version (config {@code worker_threads} overrides)
 * @param drainTimeout  how long a retired version may take to finish its in-flight requests before it is closed
 */
public record RepositoryOptions(RuntimeSettings runtime, Duration pollInterval, int queueCapacity, int workers,
                                Duration drainTimeout) {

    public static RepositoryOptions defaults() {
        return new RepositoryOptions(RuntimeSettings.defaults(), Duration.ofSeconds(5), 1024, 1, Duration.ofSeconds(30));
    }

    public RepositoryOptions withPollInterval(Duration interval) {
        return new RepositoryOptions(runtime, interval, queueCapacity, workers, drainTimeout);
    }
}
