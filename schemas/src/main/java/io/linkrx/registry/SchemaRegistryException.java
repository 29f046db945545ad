package io.linkrx.registry;

/**
 * A registry call that failed. {@link #httpStatus()} is -1 for transport failures; {@link #retryable()} tells
 * whether trying again later may succeed (transport errors, 5xx, 429), as opposed to a definite answer (4xx).
 */
public class SchemaRegistryException extends RuntimeException {
    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        this(message, httpStatus, errorCode, null);
    }

    /** HTTP status of the registry's answer, -1 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent error code from the answer body (e.g. 40403 schema not found), -1 when absent. */
    public int errorCode() {
        return errorCode;
    }

    public boolean notFound() {
        return httpStatus == 404;
    }

    public boolean retryable() {
        return httpStatus < 0 || httpStatus >= 500 || httpStatus == 429;
    }
}
