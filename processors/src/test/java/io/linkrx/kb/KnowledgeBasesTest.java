package io.linkrx.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class KnowledgeBasesTest {

    @Test
    void givenAPluginFormat_whenLoaded_thenItsLoaderReadsTheLocation() {
        KnowledgeBase kb = KnowledgeBase.load("inline-test:D1=Fever;D2=Cough?type=chemical");

        assertThat(kb.concepts()).extracting(Concept::preferredName).containsExactly("Fever", "Cough");
        assertThat(kb.concept("D2").orElseThrow().type()).isEqualTo(SemanticType.CHEMICAL);
    }

    @Test
    void givenSeveralSpecs_whenLoaded_thenVersionsAreJoinedAndSameIdsMerged() {
        KnowledgeBase kb = KnowledgeBases.load(KbSpec.parseList(
                "classpath:kb-fixture.tsv,inline-test:D003920=Diabetes;D9=Other?type=chemical"));

        assertThat(kb.version()).isEqualTo("fixture-1+inline:2");
        assertThat(kb.size()).isEqualTo(49);
        Concept dm = kb.concept("D003920").orElseThrow();
        assertThat(dm.preferredName()).isEqualTo("Diabetes Mellitus");
        assertThat(dm.type()).isEqualTo(SemanticType.DISEASE);
        assertThat(dm.abbreviations()).containsExactly("DM");
        assertThat(kb.concepts()).last().extracting(Concept::id).isEqualTo("D9");
    }

    @Test
    void givenOneKnowledgeBase_whenCombined_thenItIsReturnedAsIs() {
        KnowledgeBase kb = KnowledgeBase.load("inline-test:D1=Fever");

        assertThat(KnowledgeBases.combine(List.of(kb), List.of("x"))).isSameAs(kb);
        assertThatThrownBy(() -> KnowledgeBases.combine(List.of(kb), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KnowledgeBases.load(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAMissingFileOfAnyFormat_whenLoaded_thenTheErrorNamesIt() {
        for (String format : List.of("medic", "dict", "mesh", "drugbank", "linkrx")) {
            assertThatThrownBy(() -> KnowledgeBase.load(format + ":/no/such/file.tsv"))
                    .as(format)
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining("/no/such/file.tsv");
        }
        assertThatThrownBy(() -> KnowledgeBase.load("umls:/no/such/META"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("/no/such/META");
    }

    @Test
    void givenAnUnknownFormat_whenLoaded_thenTheErrorListsTheFormats() {
        assertThatThrownBy(() -> KnowledgeBase.loadAll(List.of("classpath:kb-fixture.tsv", "owl:/x.owl")))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("owl:/x.owl")
                .hasMessageContaining("accepted formats: dict, drugbank");
    }
}
