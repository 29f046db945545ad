package io.linkrx.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;

class LexicalCandidateRetrieverTest {
    private static final KnowledgeBase KB = KnowledgeBase.load("classpath:kb-fixture.tsv");
    private static final CandidateRetriever RETRIEVER = new LexicalCandidateRetriever(KB);

    @Test
    void givenATypo_whenRetrieved_thenTheIntendedConceptIsFirstWithAScoreBelowOne() {
        List<Candidate> candidates = RETRIEVER.retrieve("hypertenson", SemanticType.DISEASE, 5);

        assertThat(candidates).first().satisfies(c -> {
            assertThat(c.conceptId()).isEqualTo("D006973");
            assertThat(c.preferredName()).isEqualTo("Hypertension");
            assertThat(c.score()).isBetween(0.5, 0.99);
        });
        assertThat(RETRIEVER.retrieve("metfromin", null, 1)).extracting(Candidate::conceptId).containsExactly("DB00331");
        assertThat(RETRIEVER.retrieve("pnuemonia", null, 1)).extracting(Candidate::conceptId).containsExactly("D011014");
    }

    @Test
    void givenAnExactNameSynonymOrPlural_whenRetrieved_thenTheConceptScoresOne() {
        assertThat(RETRIEVER.retrieve("Hypertension", null, 1).get(0))
                .isEqualTo(new Candidate("D006973", "MESH", "Hypertension", SemanticType.DISEASE, 1.0));
        assertThat(RETRIEVER.retrieve("High Blood Pressure", null, 1).get(0).conceptId()).isEqualTo("D006973");
        assertThat(RETRIEVER.retrieve("urinary tract infections", null, 1).get(0).score()).isEqualTo(1.0);
        assertThat(RETRIEVER.retrieve("Glucophage", SemanticType.DRUG, 1).get(0).conceptId()).isEqualTo("DB00331");
    }

    @Test
    void givenAnAbbreviation_whenRetrieved_thenItMatchesCaseSensitively() {
        assertThat(RETRIEVER.retrieve("HTN", SemanticType.DISEASE, 3).get(0))
                .extracting(Candidate::conceptId, Candidate::score).containsExactly("D006973", 1.0);
        assertThat(RETRIEVER.retrieve("CKD", null, 1).get(0).conceptId()).isEqualTo("D051436");
        assertThat(RETRIEVER.retrieve("htn", null, 3)).allSatisfy(c -> assertThat(c.score()).isLessThan(1.0));
    }

    @Test
    void givenARequestedType_whenConceptsOfOtherTypesMatch_thenTheyArePenalised() {
        List<Candidate> asChemical = RETRIEVER.retrieve("aspirin", SemanticType.CHEMICAL, 2);
        List<Candidate> asDrug = RETRIEVER.retrieve("aspirin", SemanticType.DRUG, 2);
        List<Candidate> anyType = RETRIEVER.retrieve("aspirin", null, 2);

        assertThat(asChemical).extracting(Candidate::conceptId).containsExactly("D001241", "DB00945");
        assertThat(asChemical.get(1).score()).isCloseTo(0.8, within(1e-9));
        assertThat(asDrug).extracting(Candidate::conceptId).containsExactly("DB00945", "D001241");
        assertThat(anyType).extracting(Candidate::score).containsExactly(1.0, 1.0);
        assertThat(anyType).extracting(Candidate::conceptId).containsExactly("D001241", "DB00945");
    }

    @Test
    void givenK_whenRetrieved_thenAtMostKDistinctConceptsComeBackSortedByScoreThenId() {
        List<Candidate> candidates = RETRIEVER.retrieve("diabetes mellitus", null, 4);

        assertThat(candidates).hasSize(4);
        assertThat(candidates.get(0).conceptId()).isEqualTo("D003920");
        assertThat(candidates).extracting(Candidate::conceptId).doesNotHaveDuplicates()
                .contains("D003924", "D003922");
        assertThat(candidates).isSortedAccordingTo(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(Candidate::conceptId));
        assertThat(candidates).allSatisfy(c -> assertThat(c.score()).isBetween(0.0, 1.0));
        assertThat(RETRIEVER.retrieve("diabetes mellitus", null, 1)).hasSize(1);
    }

    @Test
    void givenAReorderedName_whenRetrieved_thenCharacterGramsStillFindIt() {
        assertThat(RETRIEVER.retrieve("failure of the heart", null, 1).get(0).conceptId()).isEqualTo("D006333");
    }

    @Test
    void givenDegenerateRequests_whenRetrieved_thenTheyReturnNothingOrAreRejected() {
        assertThat(RETRIEVER.retrieve("fever", null, 0)).isEmpty();
        assertThat(RETRIEVER.retrieve("   ", null, 5)).isEmpty();
        assertThat(RETRIEVER.retrieve("%%%", null, 5)).isEmpty();
        assertThat(RETRIEVER.retrieve("qqqqxx", null, 5)).isEmpty();
        assertThatThrownBy(() -> RETRIEVER.retrieve("fever", null, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenConcurrentCallers_whenRetrieved_thenResultsMatchSequentialOnes() throws Exception {
        List<String> queries = List.of("hypertenson", "chest pian", "HTN", "aspirin", "heart failure", "sepsis",
                "type 2 diabetes", "shortness of breath");
        List<List<Candidate>> expected = queries.stream().map(q -> RETRIEVER.retrieve(q, null, 5)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = IntStream.range(0, 200).mapToObj(i -> pool.submit(() -> {
                int q = i % queries.size();
                return RETRIEVER.retrieve(queries.get(q), null, 5).equals(expected.get(q));
            })).toList();
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
