package io.linkrx.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.linkrx.assertion.Assertion;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import io.linkrx.rerank.RankedMention;
import io.linkrx.retrieve.Candidate;

class MarginTeacherRouterTest {
    private final MarginTeacherRouter router = new MarginTeacherRouter(0.7, 0.2);

    @Test
    void givenAConfidentLink_whenRouted_thenTheTeacherIsNotAsked() {
        assertThat(router.route(ranked(false, 0.95, 0.40))).isEmpty();
        assertThat(router.route(ranked(false, 0.90))).isEmpty();
    }

    @Test
    void givenANilMention_whenRouted_thenItIsAskedFirst() {
        assertThat(router.route(ranked(true, 0.45))).contains(new RoutingDecision(UncertaintyReason.NIL, 1.0));
        assertThat(router.route(ranked(true))).contains(new RoutingDecision(UncertaintyReason.NIL, 1.0));
        assertThat(router.route(ranked(false))).contains(new RoutingDecision(UncertaintyReason.NIL, 1.0));
    }

    @Test
    void givenALowBestScore_whenRouted_thenTheReasonIsLowScoreWithItsRelativeShortfall() {
        Optional<RoutingDecision> decision = router.route(ranked(false, 0.56));

        assertThat(decision).get().extracting(RoutingDecision::reason).isEqualTo(UncertaintyReason.LOW_SCORE);
        assertThat(decision.get().priority()).isCloseTo((0.7 - 0.56) / 0.7, within(1e-9));
    }

    @Test
    void givenALowScoreAndATie_whenRouted_thenLowScoreWinsWithTheLargerShortfall() {
        Optional<RoutingDecision> decision = router.route(ranked(false, 0.6, 0.6));

        assertThat(decision).contains(new RoutingDecision(UncertaintyReason.LOW_SCORE, 1.0));
    }

    @Test
    void givenTwoCloseCandidates_whenRouted_thenTheReasonIsSmallMargin() {
        Optional<RoutingDecision> decision = router.route(ranked(false, 0.92, 0.87));

        assertThat(decision).get().extracting(RoutingDecision::reason).isEqualTo(UncertaintyReason.SMALL_MARGIN);
        assertThat(decision.get().priority()).isCloseTo((0.2 - 0.05) / 0.2, within(1e-9));
    }

    @Test
    void givenSeveralUncertainMentions_whenRouted_thenTheLeastCertainHasTheHighestPriority() {
        double nearlyTied = router.route(ranked(false, 0.90, 0.89)).orElseThrow().priority();
        double slightlyClose = router.route(ranked(false, 0.90, 0.75)).orElseThrow().priority();
        double veryLow = router.route(ranked(false, 0.10)).orElseThrow().priority();
        double slightlyLow = router.route(ranked(false, 0.69)).orElseThrow().priority();

        assertThat(nearlyTied).isGreaterThan(slightlyClose);
        assertThat(veryLow).isGreaterThan(slightlyLow);
    }

    @Test
    void givenThresholdsOutsideZeroToOne_whenConstructed_thenTheyAreRejected() {
        assertThatThrownBy(() -> new MarginTeacherRouter(-0.1, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarginTeacherRouter(0.5, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingDecision(UncertaintyReason.NIL, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RankedMention ranked(boolean nil, double... scores) {
        Mention mention = new Mention(0, 3, "HTN", SemanticType.DISEASE, Assertion.PRESENT, null);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            candidates.add(new Candidate("D00000" + i, "MESH", "Concept " + i, SemanticType.DISEASE, scores[i]));
        }
        return new RankedMention(mention, candidates, nil);
    }
}
