package io.linkrx.rx.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    final double[] s = {0.9, 0.8, 0.7, 0.1};
    final boolean[] l = {true, false, true, false};

    @Test
    void aurocAuprcOnAHandMadeRanking() {
        assertThat(Metrics.auroc(s, l)).isCloseTo(0.75, within(1e-12));        // 3 of 4 pos/neg pairs ordered
        assertThat(Metrics.auprc(s, l)).isCloseTo((1.0 + 2.0 / 3) / 2, within(1e-12));
        assertThat(Metrics.auroc(new double[] {1, 1}, new boolean[] {true, false})).isEqualTo(0.5);
        assertThat(Metrics.auroc(new double[] {1, 2}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void filteredRanksHitsAndMrr() {
        double[] ranks = Metrics.positiveRanks(s, l);
        assertThat(ranks).containsExactly(1.0, 2.0); // 0.7 is beaten by one negative; the other positive is ignored
        assertThat(Metrics.mrr(ranks)).isCloseTo(0.75, within(1e-12));
        assertThat(Metrics.hitsAt(ranks, 1)).isEqualTo(0.5);
        assertThat(Metrics.hitsAt(ranks, 3)).isEqualTo(1.0);
        // a tie with two negatives counts as the expected rank 2
        assertThat(Metrics.positiveRanks(new double[] {0.5, 0.5, 0.5}, new boolean[] {true, false, false}))
                .containsExactly(2.0);
    }
}
