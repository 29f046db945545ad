package io.linkrx.serving.client;

import io.grpc.Status;

/**
 * A call to the sidecar that produced no usable answer. The message names the model, the reason and the gRPC
 * status code only: server-side descriptions are left out because a server may echo its inputs (note text,
 * i.e. PHI), and so is the gRPC exception as a cause.
 */
public final class InferenceException extends RuntimeException {
    /** Why the call produced nothing. */
    public enum Reason {
        /** the circuit breaker is open: no call was made */
        REJECTED,
        /** the server answered with an error status, or did not answer within the deadline */
        FAILED,
        /** the server answered, but not with the tensors the client expects */
        BAD_RESPONSE
    }

    private final Reason reason;
    private final Status.Code code;

    InferenceException(Reason reason, Status.Code code, String message) {
        // no stack trace: with the breaker open this is thrown once per note, and it is an expected outcome
        super(message, null, false, false);
        this.reason = reason;
        this.code = code;
    }

    static InferenceException rejected(String model) {
        return new InferenceException(Reason.REJECTED, Status.Code.UNAVAILABLE,
                "Call to model '" + model + "' rejected: the circuit breaker is open");
    }

    static InferenceException failed(String model, Status.Code code, int attempts) {
        return new InferenceException(Reason.FAILED, code,
                "Call to model '" + model + "' failed with " + code + " after " + attempts + " attempt(s)");
    }

    /** {@code detail} must be the client's own words (shapes, names), never server text. */
    public static InferenceException badResponse(String model, String detail) {
        return new InferenceException(Reason.BAD_RESPONSE, Status.Code.INTERNAL,
                "Unusable answer from model '" + model + "': " + detail);
    }

    public Reason reason() {
        return reason;
    }

    /** The gRPC status code (UNAVAILABLE when rejected, INTERNAL for a bad response). */
    public Status.Code code() {
        return code;
    }
}
