package io.linkrx.serving.batch;

/** The model version is shutting down and takes no more requests (UNAVAILABLE: the caller may retry). */
public final class BatcherClosedException extends RuntimeException {
    public BatcherClosedException(String model) {
        super("model '" + model + "' is shutting down");
    }
}
