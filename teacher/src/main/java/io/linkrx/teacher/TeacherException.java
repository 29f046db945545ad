package io.linkrx.teacher;

/** The teacher could not answer. The message never contains note text (PHI). */
public class TeacherException extends RuntimeException {
    private final boolean retryable;

    public TeacherException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public TeacherException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    /** True for rate limits, timeouts, 5xx and malformed answers: asking again may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
