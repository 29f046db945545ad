package io.linkrx.error;

/**
 * A record that is readable but not acceptable (e.g. a note without patient id). The message must never contain
 * record contents (notes are PHI): it is written to the dead-letter topic and logs as is.
 */
public class InvalidRecordException extends RuntimeException {
    private final String code;

    /** @param code stable machine-readable reason, e.g. EMPTY_TEXT */
    public InvalidRecordException(String code, String phiFreeMessage) {
        super(phiFreeMessage);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
