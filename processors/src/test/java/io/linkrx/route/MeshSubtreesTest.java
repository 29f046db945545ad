package io.linkrx.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;

class MeshSubtreesTest {
    final KnowledgeBase kb = KnowledgeBase.of("test", List.of(
            new Concept("D009103", "MESH", SemanticType.DISEASE, "Multiple Sclerosis", List.of(), List.of("MS"), List.of(),
                    List.of("C10.114.375.600", "C20.111.258.580")),
            new Concept("C538288", "MESH", SemanticType.DISEASE, "Some Syndrome", List.of(), List.of(), List.of(),
                    List.of("C16.131.260/C538288")),
            new Concept("DB00331", "DRUGBANK", SemanticType.DRUG, "Metformin", List.of(), List.of(), List.of())));

    @Test
    void givenConceptsWithTreeNumbers_whenTheirSubtreeIsAsked_thenItIsTheTopLevelBranchOfTheFirst() {
        MeshSubtrees subtrees = new MeshSubtrees(kb);

        assertThat(subtrees.of("D009103")).isEqualTo("C10");
        assertThat(subtrees.of("MESH:D009103")).isEqualTo("C10");
        assertThat(subtrees.of("C538288")).isEqualTo("C16");
    }

    @Test
    void givenConceptsWithoutTreeNumbers_whenTheirSubtreeIsAsked_thenItIsNone() {
        MeshSubtrees subtrees = new MeshSubtrees(kb);

        assertThat(subtrees.of("DB00331")).isEqualTo(MeshSubtrees.NONE);
        assertThat(subtrees.of("D999999")).isEqualTo(MeshSubtrees.NONE);
        assertThat(subtrees.of(null)).isEqualTo(MeshSubtrees.NONE);
        assertThat(MeshSubtrees.branch("D03.383")).isEqualTo("D03");
    }

    @Test
    void givenCoverageCounts_whenScored_thenUnderCoveredSubtreesKeepMoreOfTheirPriority() {
        Map<String, Long> sent = Map.of("C04", 30L, "C10", 10L, "C14", 20L);

        double uncovered = SubtreeCoverage.score(0.6, "C23", sent);
        double atMean = SubtreeCoverage.score(0.6, "C14", sent);
        double over = SubtreeCoverage.score(0.6, "C04", sent);

        assertThat(uncovered).isEqualTo(0.6);
        assertThat(atMean).isCloseTo(0.6 / (1 + 20.0 / 21.0), within(1e-12));
        assertThat(uncovered).isGreaterThan(atMean).isGreaterThan(0.0);
        assertThat(atMean).isGreaterThan(over);
        // a slightly less uncertain mention in an untouched subtree beats a more uncertain one in a crowded subtree
        assertThat(SubtreeCoverage.score(0.5, "C23", sent)).isGreaterThan(SubtreeCoverage.score(0.9, "C04", sent));
        assertThat(SubtreeCoverage.score(0.7, "C04", Map.of())).isEqualTo(0.7);
    }
}
