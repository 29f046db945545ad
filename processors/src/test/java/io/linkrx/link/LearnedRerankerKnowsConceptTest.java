package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.linkrx.rerank.Reranker;
import io.linkrx.rerank.ScoreOrderedReranker;

/** The "unseen concept" routing signal: a learned model knows the concepts its training labels linked. */
class LearnedRerankerKnowsConceptTest {
    private static final CandidateScorer ANY = new CandidateScorer() {
        @Override
        public double[] score(float[][] rows) {
            return new double[rows.length];
        }

        @Override
        public String modelVersion() {
            return "reranker@1";
        }
    };

    @Test
    void givenAModelTrainedOnSomeLabels_whenAskedAboutConcepts_thenOnlyTheLabelledOnesAreKnown() {
        MentionDictionary dictionary = new MentionDictionary();
        dictionary.add("train-doc-1", "t2dm", "D003924");

        Reranker reranker = new LearnedReranker(LinkingTestKb.KB, dictionary, ANY, 0.3);

        assertThat(reranker.knowsConcept("D003924")).isTrue();
        assertThat(reranker.knowsConcept("D007676")).isFalse();
    }

    @Test
    void givenAModelNotTrainedPerConcept_whenAskedAboutConcepts_thenEveryConceptCountsAsKnown() {
        assertThat(new ScoreOrderedReranker(0.5).knowsConcept("D007676")).isTrue();
    }
}
