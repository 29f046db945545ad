package io.linkrx.app.rx;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.schema.Assertion;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.ScoredConcept;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteConceptsTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void givenACompositeLinkWhenReadThenEachOfItsConceptsIsACondition() {
        LinkedMention coordinated = composite(RecommendationTopologyTest.mention("breast and ovarian cancer", "Disease",
                Assertion.PRESENT, "D001943", "MESH"), concept("D001943", "Disease"), concept("D010051", ""));
        LinkedMention asthma = RecommendationTopologyTest.mention("asthma", "Disease", Assertion.PRESENT, "D001249",
                "MESH");

        NoteConcepts concepts = NoteConcepts.of(RecommendationTopologyTest.note("n1", "p1", T, coordinated, asthma));

        assertThat(concepts.conditionMeshIds()).containsExactly("D001943", "D010051", "D001249");
    }

    @Test
    void givenANegatedCompositeWhenReadThenNoneOfItsConceptsIsACondition() {
        LinkedMention negated = composite(RecommendationTopologyTest.mention("breast and ovarian cancer", "Disease",
                Assertion.NEGATED, "D001943", "MESH"), concept("D001943", "Disease"), concept("D010051", "Disease"));

        assertThat(NoteConcepts.of(RecommendationTopologyTest.note("n1", "p1", T, negated)).conditionMeshIds())
                .isEmpty();
    }

    private static LinkedMention composite(LinkedMention mention, ScoredConcept... concepts) {
        mention.setComposite(List.of(concepts));
        return mention;
    }

    /** A composite concept; a blank semantic type is the mention's. */
    private static ScoredConcept concept(String id, String semanticType) {
        return ScoredConcept.newBuilder().setConceptId(id).setVocabulary("MESH").setPreferredName(id)
                .setSemanticType(semanticType).setScore(0.8).setSource("reranker").build();
    }
}
