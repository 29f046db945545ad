package io.linkrx.serving.repository;

/** The model is known but has no loaded version right now: still loading, or its load failed (UNAVAILABLE). */
public final class ModelUnavailableException extends Exception {
    public ModelUnavailableException(String message) {
        super(message);
    }
}
