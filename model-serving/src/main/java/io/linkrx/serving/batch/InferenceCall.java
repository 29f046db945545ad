package io.linkrx.serving.batch;

import io.linkrx.serving.model.Tensor;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One queued request: its inputs, how many rows it brings, its deadline and the future its caller waits on. */
final class InferenceCall {
    final List<Tensor> inputs;
    final int rows;
    final long enqueuedNanos;
    private final long deadlineNanos;
    private final boolean hasDeadline;
    /** Calls may share a batch only when their inputs agree on names, types and ranks. */
    final String signature;
    final CompletableFuture<List<Tensor>> result = new CompletableFuture<>();

    InferenceCall(List<Tensor> inputs, int rows, long enqueuedNanos, long deadlineNanos, boolean hasDeadline) {
        this.inputs = inputs;
        this.rows = rows;
        this.enqueuedNanos = enqueuedNanos;
        this.deadlineNanos = deadlineNanos;
        this.hasDeadline = hasDeadline;
        this.signature = signatureOf(inputs);
    }

    /** The latest time the call can wait for batch company: its deadline, if it has one. */
    long waitLimit(long otherwise) {
        return hasDeadline && deadlineNanos - otherwise < 0 ? deadlineNanos : otherwise;
    }

    boolean expired(long nowNanos) {
        return hasDeadline && nowNanos - deadlineNanos >= 0;
    }

    /** Cancelled by its caller (client went away) or already failed: not worth running. */
    boolean abandoned() {
        return result.isDone();
    }

    private static String signatureOf(List<Tensor> inputs) {
        StringBuilder sb = new StringBuilder();
        for (Tensor t : inputs) {
            sb.append(t.name()).append('\u0000').append(t.type()).append('\u0000').append(t.shape().length).append('\u0001');
        }
        return sb.toString();
    }
}
