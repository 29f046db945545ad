package io.linkrx.kb;

/** A knowledge base could not be found or read; the message names the source and, for format errors, the line. */
public final class KnowledgeBaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
