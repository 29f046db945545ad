package io.linkrx.serving.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When the circuit breaker opens and for how long.
 *
 * @param consecutiveFailures open after this many failed calls in a row
 * @param failureRate         or when at least this share of the last {@code window} calls failed (in (0, 1])
 * @param window              number of recent calls the failure rate is computed over
 * @param openDuration        how long an open breaker rejects calls before it lets one probe through
 */
public record BreakerPolicy(int consecutiveFailures, double failureRate, int window, Duration openDuration) {
    public BreakerPolicy {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutiveFailures must be at least 1, was " + consecutiveFailures);
        }
        if (!(failureRate > 0.0 && failureRate <= 1.0)) {
            throw new IllegalArgumentException("failureRate must be in (0, 1], was " + failureRate);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        Objects.requireNonNull(openDuration, "openDuration");
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("openDuration must be positive, was " + openDuration);
        }
    }

    /** Opens after 5 failures in a row or half of the last 20 calls failing; stays open 5 s. */
    public static BreakerPolicy defaults() {
        return new BreakerPolicy(5, 0.5, 20, Duration.ofSeconds(5));
    }
}
