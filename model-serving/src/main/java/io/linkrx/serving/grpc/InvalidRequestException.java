package io.linkrx.serving.grpc;

/** The caller's request is malformed (INVALID_ARGUMENT). Messages name tensors and shapes, never their contents. */
public final class InvalidRequestException extends Exception {
    public InvalidRequestException(String message) {
        super(message);
    }
}
