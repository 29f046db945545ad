package io.linkrx.teacher.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.schema.TeacherLabelingRequest;

/** Synthesis requests for uncovered concepts, spread over MeSH subtrees, least covered first. */
class SynthesisRequestsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    static Concept disease(String id, String name, String tree, String... synonyms) {
        return new Concept(id, "MESH", SemanticType.DISEASE, name, List.of(synonyms), List.of(), List.of(),
                tree == null ? List.of() : List.of(tree));
    }

    /** Neoplasms C04.557 (4 concepts, 3 covered), nervous C10.228 (3, none covered), eye C11.270 (2, 1 covered). */
    static KnowledgeBase kb() {
        List<Concept> concepts = new ArrayList<>(List.of(
                disease("N1", "Neoplasm One", "C04.557.100"), disease("N2", "Neoplasm Two", "C04.557.200"),
                disease("N3", "Neoplasm Three", "C04.557.300"), disease("N4", "Neoplasm Four", "C04.557.400"),
                disease("B1", "Brain One", "C10.228.140", "first brain synonym"),
                disease("B2", "Brain Two", "C10.228.150"), disease("B3", "Brain Three", "C10.228.160/C538288"),
                disease("E1", "Eye One", "C11.270.100"), disease("E2", "Eye Two", "C11.270.200"),
                disease("X1", "No Tree", null)));
        concepts.add(new Concept("DB1", "DRUGBANK", SemanticType.DRUG, "Some Drug", List.of(), List.of(), List.of()));
        return KnowledgeBase.of("kb-test", concepts);
    }

    @Test
    void leastCoveredSubtreesComeFirstAndTurnsAreTakenRoundRobin() {
        SynthesisRequests planner = new SynthesisRequests(kb(), 2, CLOCK);
        List<TeacherLabelingRequest> plan = planner.plan(Set.of("N1", "N2", "N3", "E1"), Set.of(SemanticType.DISEASE),
                100);
        // C10.228 (0% covered), C11.270 (50%), C04.557 (75%), then concepts without a tree; round robin
        assertThat(plan).extracting(r -> r.getCandidates().get(0).getConceptId())
                .containsExactly("B1", "E2", "N4", "X1", "B2", "B3");
        assertThat(plan.get(0).getPriority()).isEqualTo(1.0);
        assertThat(plan.get(1).getPriority()).isEqualTo(0.5);
        assertThat(planner.plan(Set.of(), Set.of(), 3)).hasSize(3);
        assertThat(planner.plan(Set.of(), Set.of(SemanticType.DRUG), 10))
                .extracting(TeacherLabelingRequest::getRequestId).containsExactly("synthesize:DRUGBANK:DB1");
    }

    @Test
    void aRequestCarriesTheConceptOncePerNameAndReadsBackAsASynthesisQuestion() {
        TeacherLabelingRequest r = new SynthesisRequests(kb(), 2, CLOCK).plan(Set.of("N1", "N2", "N3", "E1"), Set.of(), 1)
                .get(0);
        assertThat(r.getReason()).isEqualTo("SYNTHESIZE");
        assertThat(r.getRequestId()).isEqualTo("synthesize:MESH:B1");
        assertThat(r.getPatientId()).isEqualTo("synthesis");
        assertThat(r.getProvenance().getKbVersion()).isEqualTo("kb-test");
        assertThat(r.getCandidates()).extracting(ScoredConcept::getPreferredName)
                .containsExactly("Brain One", "first brain synonym");
        var q = RequestAnswerer.synthesisQuestion(r, 3);
        assertThat(q.conceptId()).isEqualTo("B1");
        assertThat(q.names()).containsExactly("Brain One", "first brain synonym");
        assertThat(q.semanticType()).isEqualTo("Disease");
    }

    @Test
    void subtreeIsTheFirstTreeNumbersLeadingLevels() {
        assertThat(SynthesisRequests.subtree(disease("a", "a", "C16.131.260/C538288"), 2)).isEqualTo("C16.131");
        assertThat(SynthesisRequests.subtree(disease("a", "a", "C04"), 2)).isEqualTo("C04");
        assertThat(SynthesisRequests.subtree(disease("a", "a", "C04.557.100"), 1)).isEqualTo("C04");
    }
}
