package io.linkrx.serving.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Resilience settings of an {@link InferenceClient}.
 *
 * @param deadline time budget of one logical call, retries included
 * @param retry    retries of transient failures within that budget
 * @param breaker  when to stop calling a failing sidecar for a while
 */
public record ClientPolicy(Duration deadline, RetryPolicy retry, BreakerPolicy breaker) {
    public ClientPolicy {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
    }

    /** 500 ms deadline, 2 retries, {@link BreakerPolicy#defaults()}. */
    public static ClientPolicy defaults() {
        return new ClientPolicy(Duration.ofMillis(500), RetryPolicy.retries(2), BreakerPolicy.defaults());
    }
}
