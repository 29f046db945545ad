package io.linkrx.serving.client;

import static io.linkrx.serving.client.CircuitBreaker.Permit.CALL;
import static io.linkrx.serving.client.CircuitBreaker.Permit.PROBE;
import static io.linkrx.serving.client.CircuitBreaker.Permit.REJECTED;
import static io.linkrx.serving.client.CircuitBreaker.State.CLOSED;
import static io.linkrx.serving.client.CircuitBreaker.State.HALF_OPEN;
import static io.linkrx.serving.client.CircuitBreaker.State.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    static final Duration OPEN_FOR = Duration.ofSeconds(5);

    final ManualTicker ticker = new ManualTicker();
    final List<String> transitions = new ArrayList<>();

    CircuitBreaker breaker(int consecutive, double rate, int window) {
        return new CircuitBreaker(new BreakerPolicy(consecutive, rate, window, OPEN_FOR), ticker,
                (from, to) -> transitions.add(from + "->" + to));
    }

    static void fail(CircuitBreaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            breaker.onFailure(breaker.tryAcquire());
        }
    }

    @Test
    void givenConsecutiveFailures_whenTheThresholdIsReached_thenItOpensAndRejects() {
        CircuitBreaker breaker = breaker(3, 1.0, 20);

        fail(breaker, 2);
        assertThat(breaker.state()).isEqualTo(CLOSED);
        fail(breaker, 1);

        assertThat(breaker.state()).isEqualTo(OPEN);
        assertThat(breaker.tryAcquire()).isEqualTo(REJECTED);
        ticker.advance(OPEN_FOR.minusMillis(1));
        assertThat(breaker.tryAcquire()).isEqualTo(REJECTED);
        assertThat(transitions).containsExactly("CLOSED->OPEN");
    }

    @Test
    void givenASuccessInBetween_whenFailuresResume_thenTheConsecutiveCountStartsOver() {
        CircuitBreaker breaker = breaker(3, 1.0, 20);

        fail(breaker, 2);
        breaker.onSuccess(breaker.tryAcquire());
        fail(breaker, 2);

        assertThat(breaker.state()).isEqualTo(CLOSED);
    }

    @Test
    void givenAnOpenBreaker_whenTheCoolDownEnds_thenExactlyOneProbeGoesThroughAndItsSuccessCloses() {
        CircuitBreaker breaker = breaker(1, 1.0, 20);
        fail(breaker, 1);
        ticker.advance(OPEN_FOR);

        CircuitBreaker.Permit probe = breaker.tryAcquire();

        assertThat(probe).isEqualTo(PROBE);
        assertThat(breaker.state()).isEqualTo(HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("a second caller while the probe is out").isEqualTo(REJECTED);
        breaker.onSuccess(probe);
        assertThat(breaker.state()).isEqualTo(CLOSED);
        assertThat(breaker.tryAcquire()).isEqualTo(CALL);
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    }

    @Test
    void givenAFailedProbe_whenAsked_thenItIsOpenForAnotherFullCoolDown() {
        CircuitBreaker breaker = breaker(1, 1.0, 20);
        fail(breaker, 1);
        ticker.advance(OPEN_FOR);

        breaker.onFailure(breaker.tryAcquire());

        assertThat(breaker.state()).isEqualTo(OPEN);
        ticker.advance(OPEN_FOR.minusMillis(1));
        assertThat(breaker.tryAcquire()).isEqualTo(REJECTED);
        ticker.advance(Duration.ofMillis(1));
        assertThat(breaker.tryAcquire()).isEqualTo(PROBE);
    }

    @Test
    void givenAlternatingOutcomes_whenHalfOfAFullWindowFailed_thenTheFailureRateOpensIt() {
        CircuitBreaker breaker = breaker(100, 0.5, 10);

        for (int i = 0; i < 4; i++) {
            breaker.onFailure(breaker.tryAcquire());
            breaker.onSuccess(breaker.tryAcquire());
        }
        breaker.onFailure(breaker.tryAcquire());
        assertThat(breaker.state()).as("9 calls: the window is not full yet").isEqualTo(CLOSED);
        breaker.onSuccess(breaker.tryAcquire());
        assertThat(breaker.state()).as("a success never opens it").isEqualTo(CLOSED);
        breaker.onFailure(breaker.tryAcquire());

        assertThat(breaker.state()).as("5 failures in the last 10 calls").isEqualTo(OPEN);
    }

    @Test
    void givenARecoveredBreaker_whenFailuresResume_thenOldFailuresDoNotCount() {
        CircuitBreaker breaker = breaker(3, 1.0, 20);
        fail(breaker, 3);
        ticker.advance(OPEN_FOR);
        breaker.onSuccess(breaker.tryAcquire());

        fail(breaker, 2);

        assertThat(breaker.state()).isEqualTo(CLOSED);
    }

    @Test
    void givenACallThatEndsAfterTheBreakerOpened_whenItSucceeds_thenTheBreakerStaysOpen() {
        CircuitBreaker breaker = breaker(1, 1.0, 20);
        CircuitBreaker.Permit slow = breaker.tryAcquire();
        fail(breaker, 1);

        breaker.onSuccess(slow);

        assertThat(breaker.state()).isEqualTo(OPEN);
    }

    @Test
    void givenInvalidPolicies_whenBuilt_thenTheyAreRefused() {
        assertThatThrownBy(() -> new BreakerPolicy(0, 0.5, 20, OPEN_FOR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BreakerPolicy(5, 0.0, 20, OPEN_FOR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BreakerPolicy(5, 0.5, 0, OPEN_FOR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BreakerPolicy(5, 0.5, 20, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
