package io.linkrx.kb.load;

import static io.linkrx.kb.load.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.SemanticType;

class DictLoaderTest {
    static final String DICT = """
            C538288||10p Deletion Syndrome (Partial)
            C538288||Monosomy 10p
            OMIM:400045||46,XX SEX REVERSAL 1
            MESH:D003920||Diabetes Mellitus
            D003920||diabetes mellitus
            D003920||Diabetes||mellitus, unspecified
            D001|D002||Composite name
            """;

    @TempDir
    Path dir;

    @Test
    void givenADictionary_whenLoaded_thenTheFirstNameOfAnIdIsPreferred() {
        Path file = write(dir.resolve("medic_dictionary.txt"), DICT);

        KnowledgeBase kb = KnowledgeBase.load("dict:" + file);

        assertThat(kb.concepts()).extracting(Concept::id)
                .containsExactly("C538288", "OMIM:400045", "D003920", "D001", "D002");
        Concept deletion = kb.concept("C538288").orElseThrow();
        assertThat(deletion.vocabulary()).isEqualTo("MESH");
        assertThat(deletion.type()).isEqualTo(SemanticType.DISEASE);
        assertThat(deletion.preferredName()).isEqualTo("10p Deletion Syndrome (Partial)");
        assertThat(deletion.synonyms()).containsExactly("Monosomy 10p");
        assertThat(kb.concept("OMIM:400045").orElseThrow().vocabulary()).isEqualTo("OMIM");
        assertThat(kb.concept("D003920").orElseThrow().synonyms()).containsExactly("Diabetes||mellitus, unspecified");
        assertThat(kb.concept("D002").orElseThrow().preferredName()).isEqualTo("Composite name");
        assertThat(kb.version()).matches("dict:medic_dictionary.txt@[0-9a-f]{12}");
    }

    @Test
    void givenTypeVocabularyAndAltIdOptions_whenLoaded_thenTheyApply() {
        Path file = write(dir.resolve("chem.txt"), "CHEBI:6801||metformin\nX42||aspirin\n");
        write(dir.resolve("alt.tsv"), "CHEBI:6801\tMESH:D008687\n");

        KnowledgeBase kb = KnowledgeBase.load("dict:" + file + "?type=chemical&vocabulary=LOCAL&altids=alt.tsv");

        assertThat(kb.concepts()).allMatch(c -> c.type() == SemanticType.CHEMICAL);
        assertThat(kb.concept("CHEBI:6801").orElseThrow().vocabulary()).isEqualTo("CHEBI");
        assertThat(kb.concept("X42").orElseThrow().vocabulary()).isEqualTo("LOCAL");
        assertThat(kb.resolve("D008687").orElseThrow().id()).isEqualTo("CHEBI:6801");
    }

    @Test
    void givenKeep_whenLoaded_thenIdsOfOtherVocabulariesAreLeftOut() {
        Path file = write(dir.resolve("medic_dictionary.txt"), DICT);

        KnowledgeBase kb = KnowledgeBase.load("dict:" + file + "?keep=mesh");

        assertThat(kb.concepts()).extracting(Concept::id).containsExactly("C538288", "D003920");
    }

    @Test
    void givenALineWithoutSeparator_whenLoaded_thenTheErrorNamesFileAndLine() {
        Path file = write(dir.resolve("bad.txt"), "D1||Fever\nD2|Cough\n");

        assertThatThrownBy(() -> KnowledgeBase.load("dict:" + file))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage(file + ":2: expected ID||name");
    }

    @Test
    void givenAMalformedAltIdFile_whenLoaded_thenTheErrorNamesItsLine() {
        Path file = write(dir.resolve("d.txt"), "D1||Fever\n");
        Path alt = write(dir.resolve("alt.tsv"), "D1\tOMIM:1\nD1 OMIM:2\n");

        assertThatThrownBy(() -> KnowledgeBase.load("dict:" + file + "?altids=" + alt))
                .hasMessageStartingWith(alt + ":2: expected 2 tab-separated columns");
    }

    @Test
    void givenABadTypeOption_whenLoaded_thenTheErrorNamesTheSpec() {
        Path file = write(dir.resolve("d.txt"), "D1||Fever\n");

        assertThatThrownBy(() -> KnowledgeBase.load("dict:" + file + "?type=gene"))
                .hasMessageContaining("dict:" + file + "?type=gene: option type=gene");
    }
}
