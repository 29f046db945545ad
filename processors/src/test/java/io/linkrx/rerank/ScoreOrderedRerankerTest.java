package io.linkrx.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.assertion.Assertion;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import io.linkrx.retrieve.Candidate;

class ScoreOrderedRerankerTest {
    private static final String NOTE = "Hypertenson and fevr, no xyzzy.";
    private static final Mention HTN = mention(0, 11, "Hypertenson");
    private static final Mention FEVER = mention(16, 20, "fevr");
    private static final Mention UNKNOWN = mention(25, 30, "xyzzy");
    private static final Candidate HYPERTENSION = candidate("D006973", "Hypertension", 0.74);
    private static final Candidate HYPOTENSION = candidate("D007022", "Hypotension", 0.40);
    private static final Candidate FEVER_WEAK = candidate("D005334", "Fever", 0.45);

    @Test
    void givenMentionsWithCandidates_whenReranked_thenRetrievalOrderIsKeptAndWeakOrEmptyOnesAreNil() {
        RerankResult result = new ScoreOrderedReranker(0.5).rerank(NOTE, List.of(
                new MentionCandidates(HTN, List.of(HYPERTENSION, HYPOTENSION)),
                new MentionCandidates(FEVER, List.of(FEVER_WEAK)),
                new MentionCandidates(UNKNOWN, List.of())));

        assertThat(result.modelVersion()).isEqualTo("lexical-1");
        assertThat(result.degraded()).isFalse();
        assertThat(result.mentions()).extracting(RankedMention::mention).containsExactly(HTN, FEVER, UNKNOWN);
        assertThat(result.mentions()).extracting(RankedMention::nil).containsExactly(false, true, true);
        assertThat(result.mentions().get(0).ranked()).containsExactly(HYPERTENSION, HYPOTENSION);
    }

    @Test
    void givenTheDefaultThreshold_whenAScoreIsExactlyHalf_thenItIsNotNil() {
        ScoreOrderedReranker reranker = new ScoreOrderedReranker();
        Candidate half = candidate("D005334", "Fever", 0.5);

        RerankResult result = reranker.rerank(NOTE, List.of(new MentionCandidates(FEVER, List.of(half)),
                new MentionCandidates(FEVER, List.of(candidate("D005334", "Fever", 0.4999)))));

        assertThat(result.mentions()).extracting(RankedMention::nil).containsExactly(false, true);
        assertThat(reranker.modelVersion()).isEqualTo("lexical-1");
    }

    @Test
    void givenNoMentions_whenReranked_thenTheResultIsEmpty() {
        try (Reranker reranker = new ScoreOrderedReranker()) {
            assertThat(reranker.rerank(NOTE, List.of()).mentions()).isEmpty();
        }
    }

    @Test
    void givenRankedMentions_whenBestAndMarginAreAsked_thenTheyFollowTheRankedList() {
        RankedMention two = new RankedMention(HTN, List.of(HYPERTENSION, HYPOTENSION), false);
        RankedMention one = new RankedMention(FEVER, List.of(FEVER_WEAK), true);
        RankedMention none = new RankedMention(UNKNOWN, List.of(), true);

        assertThat(two.best()).contains(HYPERTENSION);
        assertThat(two.margin()).isCloseTo(0.34, within(1e-9));
        assertThat(one.best()).contains(FEVER_WEAK);
        assertThat(one.margin()).isEqualTo(0.45);
        assertThat(none.best()).isEmpty();
        assertThat(none.margin()).isZero();
    }

    @Test
    void givenAThresholdOutsideZeroToOne_whenConstructed_thenItIsRejected() {
        assertThatThrownBy(() -> new ScoreOrderedReranker(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoreOrderedReranker(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    static Mention mention(int begin, int end, String text) {
        return new Mention(begin, end, text, SemanticType.DISEASE, Assertion.PRESENT, null);
    }

    static Candidate candidate(String id, String name, double score) {
        return new Candidate(id, "MESH", name, SemanticType.DISEASE, score);
    }
}
