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

class NamesLoaderTest {
    /** DRKG's named_compounds.tsv as published: CRLF, MeSH supplementary records, other vocabularies, lookups
     * that found no name. */
    static final String NAMED_COMPOUNDS = "CHEBI:10057\t9H-xanthene\r\n"
            + "MESH:C013592\tmangiferin\r\n"
            + "MESH:C069541\t\r\n"
            + "brenda:226924\tvaldecoxib\r\n"
            + "MESH:D008687\tmetformin\r\n"
            + "MESH:C013592\tMangiferin (xanthone)\r\n";

    @TempDir
    Path dir;

    @Test
    void givenDrkgNamedCompounds_whenLoadedKeepingMesh_thenOnlyNamedMeshIdsAreConcepts() {
        Path file = write(dir.resolve("named_compounds.tsv"), NAMED_COMPOUNDS);

        KnowledgeBase kb = KnowledgeBase.load("names:" + file + "?type=chemical&keep=MESH");

        assertThat(kb.concepts()).extracting(Concept::id).containsExactly("C013592", "D008687");
        Concept mangiferin = kb.concept("C013592").orElseThrow();
        assertThat(mangiferin.vocabulary()).isEqualTo("MESH");
        assertThat(mangiferin.type()).isEqualTo(SemanticType.CHEMICAL);
        assertThat(mangiferin.preferredName()).isEqualTo("mangiferin");
        assertThat(mangiferin.synonyms()).containsExactly("Mangiferin (xanthone)");
        assertThat(kb.version()).matches("names:named_compounds.tsv@[0-9a-f]{12}");
    }

    @Test
    void givenNoKeepOption_whenLoaded_thenEveryVocabularyIsKept() {
        Path file = write(dir.resolve("named_compounds.tsv"), NAMED_COMPOUNDS);

        KnowledgeBase kb = KnowledgeBase.load("names:" + file + "?type=chemical");

        assertThat(kb.concepts()).extracting(Concept::id)
                .containsExactly("CHEBI:10057", "C013592", "brenda:226924", "D008687");
        assertThat(kb.concept("brenda:226924").orElseThrow().vocabulary()).isEqualTo("brenda");
    }

    @Test
    void givenALineWithoutTab_whenLoaded_thenTheErrorNamesFileAndLine() {
        Path file = write(dir.resolve("bad.tsv"), "MESH:C1\tx\nMESH:C2 y\n");

        assertThatThrownBy(() -> KnowledgeBase.load("names:" + file))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage(file + ":2: expected id<TAB>name");
    }

    @Test
    void givenNoIdOfAKeptVocabulary_whenLoaded_thenTheErrorSaysSo() {
        Path file = write(dir.resolve("chebi.tsv"), "CHEBI:1\tx\n");

        assertThatThrownBy(() -> KnowledgeBase.load("names:" + file + "?keep=MESH"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage(file + ": no concepts found of the vocabularies [MESH]");
    }
}
