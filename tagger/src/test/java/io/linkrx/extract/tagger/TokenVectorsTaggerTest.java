package io.linkrx.extract.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;

/** A tagger trained with contextual token vectors as features (here a transparent 2-d stand-in for an encoder's). */
class TokenVectorsTaggerTest {
    private static final TaggerDictionary DICTIONARY = TaggerDictionary.empty();
    /** Words of every training disease, and one the corpus never has. */
    private static final Set<String> DISEASE_WORDS = TinyCorpus.DISEASES.stream()
            .flatMap(d -> Arrays.stream(d.toLowerCase(Locale.ROOT).split(" "))).collect(Collectors.toSet());

    private static CrfTaggerModel model;

    /** [1, 0] for a disease word, [0, 1] for any other: what an encoder's vectors would say about the word. */
    private record DiseaseWordVectors(Set<String> words) implements TokenVectors {
        @Override
        public List<float[][]> of(String text, List<Sentence> sentences) {
            List<float[][]> out = new ArrayList<>();
            for (Sentence s : sentences) {
                float[][] v = new float[s.tokens().size()][];
                for (int i = 0; i < v.length; i++) {
                    boolean disease = words.contains(s.tokens().get(i).text().toLowerCase(Locale.ROOT));
                    v[i] = disease ? new float[] {1, 0} : new float[] {0, 1};
                }
                out.add(v);
            }
            return out;
        }

        @Override
        public String name() {
            return "disease-words";
        }
    }

    @BeforeAll
    static void train() {
        model = new CrfTaggerTrainer(DICTIONARY, List.of("test"), CrfTaggerTrainer.Options.defaults(),
                new DiseaseWordVectors(DISEASE_WORDS)).train(TinyCorpus.documents(), List.of());
    }

    @Test
    void givenVectors_whenTrained_thenTheMetadataNamesTheEncoderAndDimension(@TempDir Path dir) {
        assertThat(model.metadata().vectors()).isEqualTo(new ModelMetadata.VectorsInfo("disease-words", 2, CrfTaggerTrainer.VECTOR_WINDOW));
        model.save(dir.resolve("t.crf"));
        assertThat(CrfTaggerModel.load(dir.resolve("t.crf")).metadata().vectors()).isEqualTo(model.metadata().vectors());
    }

    @Test
    void givenUnseenWords_whenOnlyTheirVectorsSayDisease_thenTheyAreTaggedAsOne() {
        // every training disease has two or three words: the model also learnt what a disease's neighbours look like
        String text = "Patients with zorblitis quexosis were treated with cisplatin.";
        Set<String> known = new java.util.HashSet<>(DISEASE_WORDS);
        known.addAll(List.of("zorblitis", "quexosis"));

        List<Mention> withVector = tagger(new DiseaseWordVectors(known)).extract(text);
        List<Mention> without = tagger(new DiseaseWordVectors(DISEASE_WORDS)).extract(text);

        assertThat(withVector).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("zorblitis quexosis");
            assertThat(m.type()).isEqualTo(SemanticType.DISEASE);
        });
        assertThat(without).noneSatisfy(m -> assertThat(m.text()).contains("zorblitis"));
    }

    @Test
    void givenTheVectorsUnavailable_whenTagging_thenTheNoteIsStillTaggedFromTheOtherFeatures() {
        CrfMentionTagger tagger = tagger(new TokenVectors() {
            @Override
            public List<float[][]> of(String text, List<Sentence> sentences) {
                return null;
            }

            @Override
            public String name() {
                return "disease-words";
            }
        });

        assertThat(tagger.extract("Children with cystic fibrosis were treated with cisplatin."))
                .extracting(Mention::text).contains("cisplatin");
    }

    @Test
    void givenAModelTrainedWithVectors_whenGivenNoneOrTheWrongWidth_thenItRefusesClearly() {
        assertThatThrownBy(() -> new CrfMentionTagger(model, DICTIONARY, new ContextAssertionDetector()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disease-words");
        CrfMentionTagger wide = tagger(new TokenVectors() {
            @Override
            public List<float[][]> of(String text, List<Sentence> sentences) {
                return sentences.stream().map(s -> new float[s.tokens().size()][3]).toList();
            }

            @Override
            public String name() {
                return "disease-words";
            }
        });
        assertThatThrownBy(() -> wide.extract("Cisplatin was given."))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 dimensions");
    }

    private static CrfMentionTagger tagger(TokenVectors vectors) {
        return new CrfMentionTagger(model, DICTIONARY, new ContextAssertionDetector(), vectors);
    }
}
