package io.linkrx.extract.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.assertion.Assertion;
import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;

class CrfMentionTaggerTest {
    private static final TaggerDictionary DICTIONARY = TaggerDictionary.of(List.of(
            new DictionaryEntry("D1", "muscular dystrophy", SemanticType.DISEASE),
            new DictionaryEntry("C1", "valproic acid", SemanticType.CHEMICAL)));
    private static final List<String> UNSEEN_CONTEXTS = List.of(
            "A boy with cystic fibrosis received cisplatin yesterday.",
            "Children with breast cancer were treated with valproic acid.",
            "We found no cystic fibrosis in these patients.",
            "Haloperidol was given to children with Huntington disease.");

    private static CrfTaggerModel model;
    private static CrfMentionTagger tagger;

    @BeforeAll
    static void train() {
        CrfTaggerTrainer trainer = new CrfTaggerTrainer(DICTIONARY, List.of("test"),
                CrfTaggerTrainer.Options.defaults().withEpochs(15));
        model = trainer.train(TinyCorpus.documents(), List.of());
        tagger = new CrfMentionTagger(model, DICTIONARY, new ContextAssertionDetector());
    }

    @Test
    void givenATrainedTagger_whenASeenDiseaseAppearsInANewContext_thenItIsFoundWithExactOffsets() {
        String text = "Background. A boy with cystic fibrosis received cisplatin yesterday.";

        List<Mention> mentions = tagger.extract(text);

        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.begin()).isEqualTo(text.indexOf("cystic"));
            assertThat(m.end()).isEqualTo(text.indexOf(" received"));
            assertThat(m.text()).isEqualTo("cystic fibrosis");
            assertThat(m.type()).isEqualTo(SemanticType.DISEASE);
            assertThat(m.assertion()).isEqualTo(Assertion.PRESENT);
        });
        assertThat(mentions).allSatisfy(m -> assertThat(text.substring(m.begin(), m.end())).isEqualTo(m.text()));
        assertThat(mentions).extracting(Mention::text).doesNotContain("boy", "yesterday", "Background");
    }

    @Test
    void givenANegatedMention_whenTagged_thenTheAssertionIsDetectedAsForDictionaryMentions() {
        List<Mention> mentions = tagger.extract("We found no cystic fibrosis in these patients.");

        assertThat(mentions).filteredOn(m -> m.text().equals("cystic fibrosis")).singleElement()
                .satisfies(m -> assertThat(m.assertion()).isEqualTo(Assertion.NEGATED));
    }

    @Test
    void givenTheModelSavedAndLoaded_whenTagging_thenTheTagsAreIdentical(@TempDir Path dir) {
        Path file = dir.resolve("models/tiny.crf");
        model.save(file);

        CrfTaggerModel loaded = CrfTaggerModel.load(file);
        CrfMentionTagger reloaded = new CrfMentionTagger(loaded, DICTIONARY, new ContextAssertionDetector());

        assertThat(CrfTaggerModel.metadataPath(file)).exists();
        assertThat(loaded.metadata()).isEqualTo(model.metadata());
        for (String text : UNSEEN_CONTEXTS) {
            assertThat(reloaded.extract(text)).isEqualTo(tagger.extract(text));
        }
    }

    @Test
    void givenTheTrainingRun_whenInspectingTheMetadata_thenItDescribesLabelsDictionaryAndEpochs() {
        ModelMetadata m = model.metadata();

        assertThat(m.labels()).containsExactly("B-CHEMICAL", "B-DISEASE", "I-CHEMICAL", "I-DISEASE", "O");
        assertThat(m.epochSeconds()).hasSize(15);
        assertThat(m.sentences()).isEqualTo(40);
        assertThat(m.skippedSpans()).isZero();
        assertThat(m.dictionary().fingerprint()).isEqualTo(DICTIONARY.fingerprint());
        assertThat(m.featureSetVersion()).isEqualTo(TokenFeatures.VERSION);
    }

    @Test
    void givenConcurrentCallers_whenTagging_thenResultsEqualSequentialOnes() throws Exception {
        List<List<Mention>> expected = UNSEEN_CONTEXTS.stream().map(tagger::extract).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Mention>>> futures = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (String text : UNSEEN_CONTEXTS) {
                    futures.add(pool.submit(() -> tagger.extract(text)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % UNSEEN_CONTEXTS.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
