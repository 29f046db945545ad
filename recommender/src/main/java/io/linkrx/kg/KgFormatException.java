package io.linkrx.kg;

/** A knowledge-graph file that does not follow the DRKG layout; the message names the source and line. */
public final class KgFormatException extends RuntimeException {
    private final long line;

    public KgFormatException(String source, long line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.line = line;
    }

    public KgFormatException(String message, Throwable cause) {
        super(message, cause);
        this.line = -1;
    }

    /** 1-based line number, or -1 when the error is not tied to a line. */
    public long line() {
        return line;
    }
}
