package io.linkrx.serving.batch;

/** Told about every model call a batcher makes (metrics live elsewhere; the batcher stays free of them). */
public interface BatchObserver {
    BatchObserver NONE = (requests, rows, nanos, ok) -> {};

    /**
     * @param requests requests in the batch
     * @param rows     rows along dimension 0 (equals {@code requests} for models without a batch dimension)
     * @param nanos    time the model call took
     * @param ok       whether the call succeeded
     */
    void batchExecuted(int requests, int rows, long nanos, boolean ok);
}
