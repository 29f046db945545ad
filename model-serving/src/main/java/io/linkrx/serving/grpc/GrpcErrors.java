package io.linkrx.serving.grpc;

import io.grpc.Status;
import io.linkrx.serving.batch.BatcherClosedException;
import io.linkrx.serving.batch.DeadlineExpiredException;
import io.linkrx.serving.batch.QueueFullException;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.repository.ModelNotFoundException;
import io.linkrx.serving.repository.ModelUnavailableException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Failures to gRPC status codes, so callers can tell "retry later" from "fix your request" from "our bug". */
public final class GrpcErrors {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {}

    public static Status toStatus(Throwable failure, String model) {
        Throwable e = unwrap(failure);
        if (e instanceof InvalidRequestException) {
            return Status.INVALID_ARGUMENT.withDescription(e.getMessage());
        }
        if (e instanceof ModelNotFoundException) {
            return Status.NOT_FOUND.withDescription(e.getMessage());
        }
        if (e instanceof ModelUnavailableException || e instanceof BatcherClosedException) {
            return Status.UNAVAILABLE.withDescription(e.getMessage());
        }
        if (e instanceof QueueFullException) {
            return Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage());
        }
        if (e instanceof DeadlineExpiredException) {
            return Status.DEADLINE_EXCEEDED.withDescription(e.getMessage());
        }
        if (e instanceof CancellationException) {
            return Status.CANCELLED.withDescription("request cancelled by the client");
        }
        if (e instanceof ModelException me) {
            // ModelException messages are written for callers (no tensor contents, by the SPI's contract)
            return (me.invalidInput() ? Status.INVALID_ARGUMENT : Status.INTERNAL).withDescription(me.getMessage());
        }
        LOG.error("Unexpected failure serving model '{}'", model, e);
        return Status.INTERNAL.withDescription("internal error serving model '" + model + "'; see the sidecar log");
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
