package io.linkrx.serving.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(100));

    @Test
    void givenSuccessiveAttempts_whenBackingOff_thenThePauseDoublesWithJitterUpToTheCap() {
        Random random = new Random(42);
        long[] stepsMs = {10, 20, 40, 80, 100, 100};
        for (int attempt = 1; attempt <= stepsMs.length; attempt++) {
            for (int draw = 0; draw < 200; draw++) {
                Duration pause = policy.backoff(attempt, random);
                assertThat(pause).as("attempt %d", attempt)
                        .isBetween(Duration.ofMillis(stepsMs[attempt - 1]).dividedBy(2), Duration.ofMillis(stepsMs[attempt - 1]));
            }
        }
        assertThat(policy.backoff(1_000, random)).isLessThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void givenManyDraws_whenBackingOff_thenThePausesAreSpreadNotInLockStep() {
        Random random = new Random(7);
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> policy.backoff(3, random)).distinct().count();

        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void givenRetries_whenMadeIntoAPolicy_thenAttemptsCountTheFirstCallToo() {
        assertThat(RetryPolicy.retries(0).maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.retries(2).maxAttempts()).isEqualTo(3);
        assertThatThrownBy(() -> RetryPolicy.retries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
