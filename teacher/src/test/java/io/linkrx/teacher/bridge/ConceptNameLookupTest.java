package io.linkrx.teacher.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;

class ConceptNameLookupTest {
    static final KnowledgeBase KB = KnowledgeBase.of("test", List.of(
            new Concept("D003139", "MESH", SemanticType.DISEASE, "Common Cold", List.of("Coryza"), List.of(), List.of()),
            new Concept("D000001", "MESH", SemanticType.DISEASE, "Lead Poisoning", List.of("Plumbism"), List.of(),
                    List.of()),
            new Concept("D007854", "MESH", SemanticType.CHEMICAL, "Lead", List.of(), List.of(), List.of()),
            new Concept("D000002", "MESH", SemanticType.DISEASE, "Lead", List.of(), List.of(), List.of()),
            new Concept("D000003", "MESH", SemanticType.DISEASE, "Shared Name", List.of(), List.of(), List.of()),
            new Concept("D000004", "MESH", SemanticType.DISEASE, "Other", List.of("shared name"), List.of(),
                    List.of())));

    final ConceptNameLookup names = new ConceptNameLookup(KB);

    @Test
    void resolvesPreferredNamesAndSynonymsNormalised() {
        assertThat(names.resolve("common cold", "Disease")).map(Concept::id).hasValue("D003139");
        assertThat(names.resolve("  CORYZA ", null)).map(Concept::id).hasValue("D003139");
        assertThat(names.resolve("plumbism", "Disease")).map(Concept::id).hasValue("D000001");
    }

    @Test
    void aNameSharedAcrossTypesIsNarrowedByTheMentionsType() {
        assertThat(names.resolve("lead", "Chemical")).map(Concept::id).hasValue("D007854");
        assertThat(names.resolve("lead", "Disease")).map(Concept::id).hasValue("D000002");
        assertThat(names.resolve("lead", null)).isEmpty();
        assertThat(names.resolve("lead", "no such type")).isEmpty();
    }

    @Test
    void unknownBlankOrAmbiguousNamesResolveToNothing() {
        assertThat(names.resolve("rhinovirus infection", "Disease")).isEmpty();
        assertThat(names.resolve(" ", "Disease")).isEmpty();
        assertThat(names.resolve(null, "Disease")).isEmpty();
        assertThat(names.resolve("shared name", "Disease")).isEmpty();
    }

    @Test
    void onlyWhenTheSettingNamesKnowledgeBases() {
        assertThat(ConceptNameLookup.fromSettings(Map.of())).isEmpty();
        assertThat(ConceptNameLookup.fromSettings(Map.of(TeacherSetting.OUTSIDE_KB.key(), " "))).isEmpty();
    }
}
