package io.linkrx.extract.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.extract.DictionaryMentionExtractor;
import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;

class DictionarySourcesTest {
    @TempDir
    Path dir;

    @Test
    void givenPipeDictionaryAndMeshTrees_whenLoaded_thenNamesGetTheSpecsTypeAndOnlyTheTypesTree() throws IOException {
        Path medic = write("medic.txt", "C538288||10p Deletion Syndrome\nD003920||Diabetes Mellitus\nD003920||DM2\n");
        Path mesh = write("trees.tsv", "mesh_id\tmesh_name\tmesh_tree_number\n"
                + "D002945\tCisplatin\tD01.210.375\nD002945\tCisplatin\tD01.625.350\n"
                + "D003920\tDiabetes Mellitus\tC18.452.394.750\n");

        TaggerDictionary d = DictionarySources.load(List.of("disease=" + medic, "Chemical=" + mesh));

        assertThat(d.entries()).containsExactly(
                new DictionaryEntry("C538288", "10p Deletion Syndrome", SemanticType.DISEASE),
                new DictionaryEntry("D003920", "Diabetes Mellitus", SemanticType.DISEASE),
                new DictionaryEntry("D003920", "DM2", SemanticType.DISEASE),
                new DictionaryEntry("D002945", "Cisplatin", SemanticType.CHEMICAL));
        assertThat(d.types()).containsExactlyInAnyOrder(SemanticType.DISEASE, SemanticType.CHEMICAL);
    }

    @Test
    void givenTheDrugBankVocabulary_whenLoaded_thenCommonNamesAndQuotedSynonymsAreNames() throws IOException {
        Path drugbank = write("drugbank.csv", "DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard InChI Key\n"
                + "DB00331,APRD01099,Metformin,657-24-9,9100L32L2N,\"1,1-Dimethylbiguanide | Metformin | \"\"Glucophage\"\"\",XZW\n"
                + "DB00002,BIOD00071,Cetuximab,205923-56-4,PQX0D8J21J,,\n");

        TaggerDictionary d = DictionarySources.load(List.of("chemical=" + drugbank));

        assertThat(d.entries()).extracting(DictionaryEntry::id, DictionaryEntry::name).containsExactly(
                tuple("DB00331", "Metformin"),
                tuple("DB00331", "1,1-Dimethylbiguanide"),
                tuple("DB00331", "\"Glucophage\""),
                tuple("DB00002", "Cetuximab"));
    }

    @Test
    void givenALinkrxKnowledgeBase_whenLoaded_thenTypesComeFromTheFile() throws IOException {
        Path kb = write("kb.tsv", "concept_id\tvocabulary\tsemantic_type\tpreferred_name\tsynonyms\n"
                + "D006973\tMESH\tDisease\tHypertension\thigh blood pressure\n");

        TaggerDictionary d = DictionarySources.load(List.of(kb.toString()));

        assertThat(d.entries()).extracting(DictionaryEntry::name).containsExactly("Hypertension", "high blood pressure");
        assertThat(d.types()).containsExactly(SemanticType.DISEASE);
    }

    @Test
    void givenAnUnknownFormat_whenLoaded_thenTheErrorNamesTheFile() throws IOException {
        Path odd = write("odd.txt", "just some words\n");

        assertThatThrownBy(() -> DictionarySources.entries("disease=" + odd)).hasMessageContaining("odd.txt");
    }

    @Test
    void givenTheDictionary_whenUsedAsAKnowledgeBase_thenTheDictionaryExtractorFindsItsNames() throws IOException {
        TaggerDictionary d = TaggerDictionary.of(List.of(
                new DictionaryEntry("D1", "breast cancer", SemanticType.DISEASE),
                new DictionaryEntry("D1", "breast carcinoma", SemanticType.DISEASE),
                new DictionaryEntry("D1", "a|b", SemanticType.CHEMICAL)));

        List<Mention> found = new DictionaryMentionExtractor(d.toKnowledgeBase(), new ContextAssertionDetector())
                .extract("Breast carcinoma and breast cancers.");

        assertThat(found).extracting(Mention::text).containsExactly("Breast carcinoma", "breast cancers");
        assertThat(d.fingerprint()).isEqualTo(TaggerDictionary.of(d.entries()).fingerprint()).hasSize(64);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
