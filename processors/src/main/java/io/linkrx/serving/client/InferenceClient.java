package io.linkrx.serving.client;

import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc;
import io.linkrx.serving.oip.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import io.linkrx.serving.oip.ModelReadyRequest;
import io.linkrx.serving.oip.ServerReadyRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of a KServe v2 / Open Inference Protocol server (the linkrx sidecar, or NVIDIA Triton). Every
 * inference is one logical call with a deadline, transient failures retried with backoff inside it, behind a
 * circuit breaker. Thread-safe; one per sidecar, shared by all stream threads.
 */
public final class InferenceClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceClient.class);

    private final ManagedChannel channel;
    private final String target;
    private final ClientPolicy policy;
    private final GRPCInferenceServiceBlockingStub stub;
    private final CircuitBreaker breaker;
    private final ClientMetrics metrics;

    /** Client over a channel it owns (closes); {@code target} names the sidecar in logs and metric tags. */
    public InferenceClient(ManagedChannel channel, String target, ClientPolicy policy, MeterRegistry registry) {
        this(channel, target, policy, registry, System::nanoTime);
    }

    /** As above, with the breaker's clock ({@code System::nanoTime} in production; a test ticker in tests). */
    public InferenceClient(ManagedChannel channel, String target, ClientPolicy policy, MeterRegistry registry,
                           LongSupplier ticker) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.target = Objects.requireNonNull(target, "target");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
        this.metrics = new ClientMetrics(registry, target);
        this.breaker = new CircuitBreaker(policy.breaker(), ticker, this::onTransition);
        metrics.bindBreaker(breaker);
        channel.getState(true); // connect now, so the first note does not spend its deadline on the handshake
    }

    /**
     * Runs ModelInfer and turns the answer into a {@code T}. A {@code decode} failure (wrong tensors) counts as
     * a failed call for the breaker, so a misconfigured model does not cost a call per note either.
     *
     * @throws InferenceException when the breaker is open, the call failed or timed out, or decoding failed
     */
    public <T> T infer(ModelInferRequest request, Function<ModelInferResponse, T> decode) {
        String model = request.getModelName();
        CircuitBreaker.Permit permit = breaker.tryAcquire();
        if (permit == CircuitBreaker.Permit.REJECTED) {
            metrics.rejected(model);
            throw InferenceException.rejected(model);
        }
        long start = System.nanoTime();
        boolean ok = false;
        String outcome = "error";
        try {
            ModelInferResponse response = callWithRetries(request, permit == CircuitBreaker.Permit.PROBE);
            T result = decode(model, response, decode);
            ok = true;
            outcome = "ok";
            return result;
        } catch (AttemptsFailed e) {
            outcome = e.code.name().toLowerCase(Locale.ROOT);
            LOG.debug("Call to model '{}' at {} failed: {} after {} attempt(s)", model, target, e.code, e.attempts);
            throw InferenceException.failed(model, e.code, e.attempts);
        } catch (InferenceException e) {
            outcome = "bad_response";
            throw e;
        } catch (RuntimeException e) {
            // never let a client bug stall the stream: the caller degrades on InferenceException
            LOG.warn("Call to model '{}' at {} failed unexpectedly: {}", model, target, e.getClass().getName());
            throw InferenceException.failed(model, Status.Code.UNKNOWN, 1);
        } finally {
            if (ok) {
                breaker.onSuccess(permit);
            } else {
                breaker.onFailure(permit);
            }
            metrics.completed(model, outcome, System.nanoTime() - start);
        }
    }

    private <T> T decode(String model, ModelInferResponse response, Function<ModelInferResponse, T> decode) {
        try {
            return decode.apply(response);
        } catch (RuntimeException e) {
            // our decoders say what is wrong with shapes and types only (IllegalArgumentException); nothing else is echoed
            String detail = e instanceof IllegalArgumentException ? e.getMessage() : "cannot decode the outputs";
            LOG.warn("Unusable answer from model '{}' at {}: {}", model, target, detail);
            throw InferenceException.badResponse(model, detail);
        }
    }

    private ModelInferResponse callWithRetries(ModelInferRequest request, boolean probe) {
        Deadline deadline = Deadline.after(policy.deadline().toNanos(), TimeUnit.NANOSECONDS);
        if (probe) {
            // the channel may be far into its reconnect backoff after a long outage: try to connect now
            channel.resetConnectBackoff();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                GRPCInferenceServiceBlockingStub call = stub.withDeadline(deadline);
                // a probe waits (within the deadline) for the connection; normal calls fail fast when it is down
                return (probe ? call.withWaitForReady() : call).modelInfer(request);
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                if (!retryable(code) || attempt >= policy.retry().maxAttempts()) {
                    throw new AttemptsFailed(code, attempt);
                }
                Duration pause = policy.retry().backoff(attempt, ThreadLocalRandom.current());
                if (deadline.timeRemaining(TimeUnit.NANOSECONDS) <= pause.toNanos()) {
                    throw new AttemptsFailed(code, attempt);
                }
                metrics.retry(request.getModelName());
                sleep(pause, attempt);
                if (code == Status.Code.UNAVAILABLE) {
                    channel.resetConnectBackoff();
                }
            }
        }
    }

    /** Transient by the protocol: the server is (re)starting or shedding load. Other codes will not heal by retrying. */
    static boolean retryable(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.RESOURCE_EXHAUSTED;
    }

    private static void sleep(Duration pause, int attempts) {
        try {
            Thread.sleep(pause.toMillis(), (int) (pause.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttemptsFailed(Status.Code.CANCELLED, attempts);
        }
    }

    /** Whether the server is ready for inference; false when it cannot be reached. Bypasses breaker and retries. */
    public boolean serverReady() {
        try {
            return stub.withDeadline(Deadline.after(policy.deadline().toNanos(), TimeUnit.NANOSECONDS))
                    .serverReady(ServerReadyRequest.getDefaultInstance()).getReady();
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    /** Whether a model is ready (empty version: the one the server's policy serves); false when unreachable. */
    public boolean modelReady(String model, String version) {
        try {
            return stub.withDeadline(Deadline.after(policy.deadline().toNanos(), TimeUnit.NANOSECONDS))
                    .modelReady(ModelReadyRequest.newBuilder().setName(model).setVersion(version).build()).getReady();
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    public CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    public String target() {
        return target;
    }

    private void onTransition(CircuitBreaker.State from, CircuitBreaker.State to) {
        metrics.transition(to);
        if (to == CircuitBreaker.State.OPEN) {
            LOG.warn("Sidecar {} circuit breaker {} -> OPEN: calls rejected for {} ms", target, from,
                    policy.breaker().openDuration().toMillis());
        } else {
            LOG.info("Sidecar {} circuit breaker {} -> {}", target, from, to);
        }
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The last status of a call whose attempts are used up; internal, becomes an InferenceException. */
    private static final class AttemptsFailed extends RuntimeException {
        final Status.Code code;
        final int attempts;

        AttemptsFailed(Status.Code code, int attempts) {
            super(null, null, false, false);
            this.code = code;
            this.attempts = attempts;
        }
    }
}
