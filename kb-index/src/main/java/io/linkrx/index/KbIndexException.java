package io.linkrx.index;

/** The index cannot be built or opened, or does not match what the caller expects. */
public final class KbIndexException extends RuntimeException {
    public KbIndexException(String message) {
        super(message);
    }

    public KbIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
