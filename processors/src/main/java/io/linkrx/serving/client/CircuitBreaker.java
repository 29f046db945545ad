package io.linkrx.serving.client;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Closed → open after too many failures; open rejects at once for a cool-down, so a dead sidecar costs nothing
 * per note; then half-open lets a single probe through, whose success closes the breaker and whose failure
 * opens it for another cool-down. Thread-safe. Time comes from a nanosecond ticker so tests can drive it.
 */
public final class CircuitBreaker {
    /** Breaker states, in order of increasing isolation (the ordinal is the metric value). */
    public enum State { CLOSED, HALF_OPEN, OPEN }

    /** What a caller may do; pass it back to {@link #onSuccess} or {@link #onFailure}. */
    public enum Permit {
        /** a normal call (breaker closed) */
        CALL,
        /** the one trial call of a half-open breaker */
        PROBE,
        /** do not call */
        REJECTED
    }

    private final BreakerPolicy policy;
    private final LongSupplier ticker;
    private final BiConsumer<State, State> onTransition;

    private State state = State.CLOSED;
    private long openedAt;
    private boolean probeInFlight;
    private int consecutiveFailures;
    // outcomes of the last policy.window() calls while closed, as a ring buffer
    private final boolean[] recent;
    private int recentCount;
    private int recentNext;
    private int recentFailures;

    /**
     * @param ticker       monotonic nanoseconds ({@code System::nanoTime} in production)
     * @param onTransition told (from, to) on every state change, under the breaker's lock: keep it short
     */
    public CircuitBreaker(BreakerPolicy policy, LongSupplier ticker, BiConsumer<State, State> onTransition) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.onTransition = Objects.requireNonNull(onTransition, "onTransition");
        this.recent = new boolean[policy.window()];
    }

    public synchronized State state() {
        return state;
    }

    /** Asks to make a call. Every permit other than REJECTED must be followed by onSuccess or onFailure. */
    public synchronized Permit tryAcquire() {
        switch (state) {
            case CLOSED:
                return Permit.CALL;
            case OPEN:
                if (ticker.getAsLong() - openedAt < policy.openDuration().toNanos()) {
                    return Permit.REJECTED;
                }
                moveTo(State.HALF_OPEN);
                probeInFlight = true;
                return Permit.PROBE;
            default: // HALF_OPEN: one probe at a time
                if (probeInFlight) {
                    return Permit.REJECTED;
                }
                probeInFlight = true;
                return Permit.PROBE;
        }
    }

    public synchronized void onSuccess(Permit permit) {
        if (permit == Permit.PROBE) {
            probeInFlight = false;
            moveTo(State.CLOSED);
        } else if (permit == Permit.CALL && state == State.CLOSED) {
            consecutiveFailures = 0;
            record(false);
        }
        // a CALL finishing after the breaker opened says nothing about the sidecar now
    }

    public synchronized void onFailure(Permit permit) {
        if (permit == Permit.PROBE) {
            probeInFlight = false;
            open();
        } else if (permit == Permit.CALL && state == State.CLOSED) {
            consecutiveFailures++;
            record(true);
            if (consecutiveFailures >= policy.consecutiveFailures() || failureRateExceeded()) {
                open();
            }
        }
    }

    private void record(boolean failed) {
        if (recentCount == recent.length) {
            recentFailures -= recent[recentNext] ? 1 : 0;
        } else {
            recentCount++;
        }
        recent[recentNext] = failed;
        recentFailures += failed ? 1 : 0;
        recentNext = (recentNext + 1) % recent.length;
    }

    private boolean failureRateExceeded() {
        // only judge a full window, so two failures out of three calls at start-up do not open it
        return recentCount == recent.length && recentFailures >= policy.failureRate() * recent.length;
    }

    private void open() {
        openedAt = ticker.getAsLong();
        moveTo(State.OPEN);
    }

    private void moveTo(State next) {
        State previous = state;
        state = next;
        if (next != State.OPEN) {
            // a fresh start: old failures must not count against the recovered sidecar
            consecutiveFailures = 0;
            recentCount = 0;
            recentNext = 0;
            recentFailures = 0;
        }
        if (previous != next) {
            onTransition.accept(previous, next);
        }
    }
}
