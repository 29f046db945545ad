package io.linkrx.serving.repository;

/** No such model, or no such version loaded (NOT_FOUND). */
public final class ModelNotFoundException extends Exception {
    public ModelNotFoundException(String message) {
        super(message);
    }
}
