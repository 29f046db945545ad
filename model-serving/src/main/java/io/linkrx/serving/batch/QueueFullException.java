package io.linkrx.serving.batch;

/** The model's request queue is full: the caller should back off (RESOURCE_EXHAUSTED). */
public final class QueueFullException extends RuntimeException {
    public QueueFullException(String model, int capacity) {
        super("queue of model '" + model + "' is full (" + capacity + " requests waiting); retry with backoff");
    }
}
