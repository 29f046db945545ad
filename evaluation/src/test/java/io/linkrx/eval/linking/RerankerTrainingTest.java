package io.linkrx.eval.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.link.MentionDictionary;

class RerankerTrainingTest {
    private static final KnowledgeBase KB = KnowledgeBase.of("test", List.of(
            concept("D006470", "Hemorrhage"), concept("D003556", "Cystitis")));

    @Test
    void givenACompositeAnnotation_whenTheDictionaryIsBuilt_thenTheMentionTeachesEachOfItsConcepts() {
        // Given "hemorrhagic cystitis" annotated as Hemorrhage + Cystitis (BC5CDR's composite annotation)
        GoldMention composite = new GoldMention(0, 20, "hemorrhagic cystitis", "Disease", SemanticType.DISEASE,
                List.of("MESH:D006470", "MESH:D003556"), true);
        PubTatorDocument doc = new PubTatorDocument("1", "hemorrhagic cystitis after cyclophosphamide", "",
                List.of(composite));

        // When the mention dictionary is built from it
        MentionDictionary dictionary = RerankerTraining.dictionary(List.of(doc), new GoldResolver(KB));

        // Then both concepts are candidates of the mention, each with half of its links
        assertThat(dictionary.candidates("hemorrhagic cystitis", null)).containsExactlyInAnyOrder("D006470", "D003556");
        assertThat(dictionary.probability("hemorrhagic cystitis", "D003556", null)).isEqualTo(0.5);
        assertThat(dictionary.candidates("hemorrhagic cystitis", "1")).as("its own document left out").isEmpty();
    }

    private static Concept concept(String id, String name) {
        return new Concept(id, "MESH", SemanticType.DISEASE, name, List.of(), List.of(), List.of());
    }
}
