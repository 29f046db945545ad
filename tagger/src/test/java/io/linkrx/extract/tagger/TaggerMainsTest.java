package io.linkrx.extract.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.extract.MentionExtractor;

class TaggerMainsTest {

    @Test
    void givenTrainArguments_whenTrainRuns_thenAModelAndItsMetadataAreWritten(@TempDir Path dir) throws IOException {
        Path corpus = TinyCorpus.write(dir);
        Path dict = Files.writeString(dir.resolve("dict.txt"), "D1||cystic fibrosis\nD2||breast cancer\n");
        Path model = dir.resolve("tiny.crf");

        TaggerTrain.main(new String[] {"--train", corpus.toString(), "--out", model.toString(),
            "--kb", "disease=" + dict, "--epochs", "3", "--min-feature-count", "2"});

        ModelMetadata m = CrfTaggerModel.load(model).metadata();
        assertThat(m.trainingFiles()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(corpus.toString());
            assertThat(f.documents()).isEqualTo(20);
            assertThat(f.sha256()).isEqualTo(Sha256.ofFile(corpus));
        });
        assertThat(m.training().epochs()).isEqualTo(3);
        assertThat(m.training().minFeatureCount()).isEqualTo(2);
        assertThat(m.dictionary().sources()).containsExactly("disease=" + dict);
        assertThat(m.dictionary().names()).isEqualTo(2);
    }

    @Test
    void givenSystems_whenEvaluated_thenScoresAreStrictPerTypeAndPerfectForAnOracle() {
        List<PubTatorDocument> docs = TinyCorpus.documents();
        MentionExtractor oracle = text -> docs.stream().filter(d -> d.text().equals(text)).findFirst().orElseThrow()
                .mentions().stream().map(g -> new io.linkrx.extract.Mention(g.begin(), g.end(), g.text(), g.type(),
                        io.linkrx.assertion.Assertion.PRESENT, null)).toList();
        TaggerDictionary dictionary = TaggerDictionary.of(List.of(
                new DictionaryEntry("D1", "cystic fibrosis", io.linkrx.kb.SemanticType.DISEASE)));
        MentionExtractor dictionaryOnly = new io.linkrx.extract.DictionaryMentionExtractor(
                dictionary.toKnowledgeBase(), new ContextAssertionDetector());
        Map<String, MentionExtractor> systems = new LinkedHashMap<>();
        systems.put("oracle", oracle);
        systems.put("dictionary", dictionaryOnly);

        Map<String, Object> scores = TaggerEval.evaluate(docs, systems);

        assertThat(scores).extractingByKey("oracle").satisfies(s -> {
            @SuppressWarnings("unchecked") Map<String, Map<String, Object>> m = (Map<String, Map<String, Object>>) s;
            assertThat(m.get("micro")).containsEntry("f1", 1.0).containsEntry("fn", 0);
            assertThat(m.get("CHEMICAL")).containsEntry("tp", 40);
        });
        assertThat(scores).extractingByKey("dictionary").satisfies(s -> {
            @SuppressWarnings("unchecked") Map<String, Map<String, Object>> m = (Map<String, Map<String, Object>>) s;
            // "cystic fibrosis" occurs in 4 documents, twice each; every other mention is missed
            assertThat(m.get("DISEASE")).containsEntry("tp", 8).containsEntry("fp", 0).containsEntry("precision", 1.0);
            assertThat(m.get("CHEMICAL")).containsEntry("tp", 0).containsEntry("fn", 40);
        });
    }
}
