package io.linkrx.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.linkrx.assertion.Assertion;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import io.linkrx.rerank.RankedMention;
import io.linkrx.retrieve.Candidate;

class UncertaintyRouterTest {
    private final UncertaintyRouter router = new UncertaintyRouter(0.7, 0.2);

    @Test
    void givenAConfidentLinkThatAgreesWithRetrievalOnAKnownConcept_whenRouted_thenTheTeacherIsNotAsked() {
        RankedMention ranked = ranked(false, 0.95, 0.40);

        assertThat(router.route(ranked, retrieval("D000000", "D000001"), id -> true)).isEmpty();
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
    void givenTwoCloseCandidates_whenRouted_thenTheReasonIsSmallMargin() {
        Optional<RoutingDecision> decision = router.route(ranked(false, 0.92, 0.87));

        assertThat(decision).get().extracting(RoutingDecision::reason).isEqualTo(UncertaintyReason.SMALL_MARGIN);
        assertThat(decision.get().priority()).isCloseTo((0.2 - 0.05) / 0.2, within(1e-9));
    }

    @Test
    void givenALowScoreAndATie_whenRouted_thenTheStrongerSignalIsTheReasonAndBothRaiseThePriority() {
        // low score: (0.7 - 0.6) / 0.7 = 1/7; margin 0 of 0.2: shortfall 1 -> noisy-OR 1
        assertThat(router.route(ranked(false, 0.6, 0.6))).contains(new RoutingDecision(UncertaintyReason.SMALL_MARGIN, 1.0));

        // low score 1/7 and margin (0.2 - 0.1) / 0.2 = 1/2 -> 1 - (6/7)(1/2) = 4/7
        RoutingDecision both = router.route(ranked(false, 0.6, 0.5)).orElseThrow();
        assertThat(both.reason()).isEqualTo(UncertaintyReason.SMALL_MARGIN);
        assertThat(both.priority()).isCloseTo(4.0 / 7.0, within(1e-9));
    }

    @Test
    void givenTheModelOverridesRetrievalsFirstCandidate_whenRouted_thenTheReasonIsDisagreement() {
        // the model put D000000 first (0.90) where retrieval had D000001 first, which the model scored 0.55
        RankedMention ranked = ranked(false, 0.90, 0.55);

        Optional<RoutingDecision> decision = router.route(ranked, retrieval("D000001", "D000000"), id -> true);

        assertThat(decision).get().extracting(RoutingDecision::reason).isEqualTo(UncertaintyReason.DISAGREEMENT);
        assertThat(decision.get().priority()).isCloseTo(1.0 - (0.90 - 0.55), within(1e-9));
    }

    @Test
    void givenANarrowOverride_whenRouted_thenItIsMoreDoubtfulThanADecisiveOne() {
        double narrow = router.route(ranked(false, 0.90, 0.65), retrieval("D000001", "D000000"), id -> true)
                .orElseThrow().priority();
        double decisive = router.route(ranked(false, 0.95, 0.05), retrieval("D000001", "D000000"), id -> true)
                .orElseThrow().priority();

        assertThat(narrow).isGreaterThan(decisive);
    }

    @Test
    void givenRetrievalsFirstCandidateDroppedByTheModel_whenRouted_thenItStillDisagrees() {
        Optional<RoutingDecision> decision = router.route(ranked(false, 0.95, 0.30), retrieval("D999999", "D000000"),
                id -> true);

        assertThat(decision).get().extracting(RoutingDecision::reason).isEqualTo(UncertaintyReason.DISAGREEMENT);
        assertThat(decision.get().priority()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void givenAConceptTheModelNeverSawInTraining_whenRouted_thenTheReasonIsUnseenConcept() {
        Optional<RoutingDecision> decision = router.route(ranked(false, 0.95, 0.40), retrieval("D000000", "D000001"),
                id -> !id.equals("D000000"));

        assertThat(decision).contains(new RoutingDecision(UncertaintyReason.UNSEEN_CONCEPT,
                UncertaintyRouter.UNSEEN_CONCEPT_STRENGTH));
    }

    @Test
    void givenAnUnseenConceptWithALowScore_whenRouted_thenBothSignalsCombine() {
        RoutingDecision decision = router.route(ranked(false, 0.56), List.of(), id -> false).orElseThrow();

        double lowScore = (0.7 - 0.56) / 0.7;
        assertThat(decision.reason()).isEqualTo(UncertaintyReason.UNSEEN_CONCEPT);
        assertThat(decision.priority()).isCloseTo(1 - (1 - lowScore) * (1 - 0.5), within(1e-9));
    }

    @Test
    void givenSignalsSwitchedOff_whenRouted_thenOnlyTheEnabledOnesFire() {
        UncertaintyRouter marginOnly = new UncertaintyRouter(0.7, 0.2, EnumSet.of(UncertaintyReason.SMALL_MARGIN));

        assertThat(marginOnly.route(ranked(true, 0.45))).isEmpty();
        assertThat(marginOnly.route(ranked(true))).isEmpty();
        assertThat(marginOnly.route(ranked(false, 0.56))).isEmpty();
        assertThat(marginOnly.route(ranked(false, 0.95, 0.40), retrieval("D000001", "D000000"), id -> false)).isEmpty();
        assertThat(marginOnly.route(ranked(false, 0.92, 0.87))).get()
                .extracting(RoutingDecision::reason).isEqualTo(UncertaintyReason.SMALL_MARGIN);

        UncertaintyRouter none = new UncertaintyRouter(0.7, 0.2, UncertaintyRouter.signals("none"));
        assertThat(none.route(ranked(true))).isEmpty();
        assertThat(none.route(ranked(false, 0.1, 0.1))).isEmpty();
    }

    @Test
    void givenANilMentionWithTheNilSignalOff_whenRouted_thenTheOtherSignalsDecide() {
        UncertaintyRouter noNil = new UncertaintyRouter(0.7, 0.2, EnumSet.complementOf(EnumSet.of(UncertaintyReason.NIL)));

        assertThat(noNil.route(ranked(true, 0.45))).get()
                .extracting(RoutingDecision::reason).isEqualTo(UncertaintyReason.LOW_SCORE);
    }

    @Test
    void givenSignalLists_whenParsed_thenConfigSpellingsAreAccepted() {
        assertThat(UncertaintyRouter.signals("nil, low-score,SMALL_MARGIN,disagreement,unseen-concept"))
                .isEqualTo(EnumSet.allOf(UncertaintyReason.class));
        assertThat(UncertaintyRouter.signals("")).isEmpty();
        assertThat(UncertaintyReason.UNSEEN_CONCEPT.configName()).isEqualTo("unseen-concept");
        assertThatThrownBy(() -> UncertaintyRouter.signals("nil,typo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo");
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
        assertThatThrownBy(() -> new UncertaintyRouter(-0.1, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UncertaintyRouter(0.5, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingDecision(UncertaintyReason.NIL, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Retrieval's order of candidates with these ids, best first. */
    private static List<Candidate> retrieval(String... ids) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            out.add(new Candidate(ids[i], "MESH", "Concept " + ids[i], SemanticType.DISEASE, 0.9 - i * 0.1));
        }
        return out;
    }

    /** Candidates D000000, D000001, ... with these model scores, best first. */
    private static RankedMention ranked(boolean nil, double... scores) {
        Mention mention = new Mention(0, 3, "HTN", SemanticType.DISEASE, Assertion.PRESENT, null);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            candidates.add(new Candidate("D00000" + i, "MESH", "Concept " + i, SemanticType.DISEASE, scores[i]));
        }
        return new RankedMention(mention, candidates, nil);
    }
}
