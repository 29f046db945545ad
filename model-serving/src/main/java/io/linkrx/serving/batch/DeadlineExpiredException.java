package io.linkrx.serving.batch;

/** The request's deadline passed while it waited in the queue, so it was dropped before running. */
public final class DeadlineExpiredException extends RuntimeException {
    public DeadlineExpiredException(String model) {
        super("deadline passed while the request waited in the queue of model '" + model + "'");
    }
}
