package io.linkrx.serving.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The client's Micrometer meters. Tags are the sidecar target, the model name and outcomes: never inputs.
 * <ul>
 *   <li>{@code linkrx.sidecar.calls} (counter; model, outcome: ok, rejected, bad_response or the gRPC status code)</li>
 *   <li>{@code linkrx.sidecar.call.latency} (timer; model, outcome ok/error) of calls that went on the wire, retries included</li>
 *   <li>{@code linkrx.sidecar.retries} (counter; model)</li>
 *   <li>{@code linkrx.sidecar.breaker.state} (gauge; 0 closed, 1 half-open, 2 open)</li>
 *   <li>{@code linkrx.sidecar.breaker.transitions} (counter; to)</li>
 * </ul>
 */
final class ClientMetrics {
    private final MeterRegistry registry;
    private final String target;

    ClientMetrics(MeterRegistry registry, String target) {
        this.registry = registry;
        this.target = target;
    }

    void bindBreaker(CircuitBreaker breaker) {
        Gauge.builder("linkrx.sidecar.breaker.state", breaker, b -> b.state().ordinal())
                .description("Circuit breaker state: 0 closed, 1 half-open, 2 open")
                .tag("target", target).strongReference(true).register(registry);
    }

    void transition(CircuitBreaker.State to) {
        Counter.builder("linkrx.sidecar.breaker.transitions").tag("target", target)
                .tag("to", to.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    void rejected(String model) {
        calls(model, "rejected");
    }

    void completed(String model, String outcome, long nanos) {
        calls(model, outcome);
        Timer.builder("linkrx.sidecar.call.latency").tag("target", target).tag("model", model)
                .tag("outcome", "ok".equals(outcome) ? "ok" : "error")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void retry(String model) {
        Counter.builder("linkrx.sidecar.retries").tag("target", target).tag("model", model).register(registry).increment();
    }

    private void calls(String model, String outcome) {
        Counter.builder("linkrx.sidecar.calls").tag("target", target).tag("model", model).tag("outcome", outcome)
                .register(registry).increment();
    }
}
