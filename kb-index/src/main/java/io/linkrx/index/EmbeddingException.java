package io.linkrx.index;

/** The embedder gave no usable vectors (sidecar down, version changed, wrong width). Never carries input text. */
public final class EmbeddingException extends RuntimeException {
    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
