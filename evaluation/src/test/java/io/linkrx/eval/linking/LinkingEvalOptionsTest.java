package io.linkrx.eval.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkingEvalOptionsTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Path model;

    @BeforeAll
    static void files() throws IOException {
        corpus = Files.writeString(dir.resolve("corpus.PubTator"), "1|t|x\n1|a|y\n\n");
        model = Files.writeString(dir.resolve("model.crf"), "");
    }

    private static LinkingEvalOptions parse(String... extra) {
        List<String> args = new ArrayList<>(List.of("--corpus", corpus.toString(), "--kb", "medic:kb.tsv"));
        args.addAll(List.of(extra));
        return LinkingEvalOptions.parse(args.toArray(String[]::new));
    }

    @Test
    void givenNoModelKind_thenGoldMentionsTrainTreesAndEndToEndAFactorizationMachine() {
        assertThat(parse("--train", corpus.toString()).modelKind()).isEqualTo(RerankerTrainer.Kind.BOOSTED_TREES);
        assertThat(parse("--train", corpus.toString(), "--end-to-end").modelKind())
                .isEqualTo(RerankerTrainer.Kind.FACTORIZATION_MACHINE);
        assertThat(parse("--train", corpus.toString(), "--end-to-end", "--model", "logistic").modelKind())
                .isEqualTo(RerankerTrainer.Kind.LOGISTIC);
    }

    @Test
    void givenNoEncoder_thenGoldMentionsGetDenseCandidatesFromMiniLmAndEndToEndNone() {
        assertThat(parse("--train", corpus.toString()).encoder()).isEqualTo("all-minilm-l6-v2");
        assertThat(parse("--train", corpus.toString(), "--encoder", "none").encoder()).isNull();
        assertThat(parse("--train", corpus.toString(), "--end-to-end").encoder()).isNull();
        assertThat(parse("--train", corpus.toString(), "--index", "lexical-index").encoder())
                .as("an index given alone is used as built").isNull();
        assertThat(parse("--train", corpus.toString(), "--end-to-end", "--encoder", "bge-small-en-v15").encoder())
                .isEqualTo("bge-small-en-v15");
    }

    @Test
    void givenTrainingCorporaEndToEnd_thenTheTaggerIsTrainedUnlessOneIsGivenOrTheDictionaryAskedFor() {
        assertThat(parse("--train", corpus.toString(), "--end-to-end").trainTagger()).isTrue();
        assertThat(parse("--train", corpus.toString()).trainTagger()).as("gold mentions need no tagger").isFalse();
        assertThat(parse("--model-repo", "r", "--end-to-end").trainTagger()).as("nothing to train on").isFalse();
        assertThat(parse("--train", corpus.toString(), "--end-to-end", "--tagger", model.toString()).trainTagger())
                .isFalse();
        LinkingEvalOptions dictionary = parse("--train", corpus.toString(), "--end-to-end", "--dictionary-extractor");
        assertThat(dictionary.trainTagger()).isFalse();
        assertThat(dictionary.dictionaryExtractor()).isTrue();
    }

    @Test
    void givenATaggerToTrain_thenItLearnsFromMiniLmTokenVectorsUnlessToldOtherwise() {
        assertThat(parse("--train", corpus.toString(), "--end-to-end").taggerEncoder()).isEqualTo("all-minilm-l6-v2");
        assertThat(parse("--train", corpus.toString(), "--end-to-end", "--tagger-encoder", "none").taggerEncoder())
                .isNull();
        assertThat(parse("--train", corpus.toString(), "--end-to-end", "--tagger-encoder", "bge-small-en-v15")
                .taggerEncoder()).isEqualTo("bge-small-en-v15");
        assertThat(parse("--train", corpus.toString(), "--end-to-end", "--tagger", model.toString()).taggerEncoder())
                .as("a given tagger names its own").isNull();
    }

    @Test
    void givenTheDictionaryExtractorWithATagger_thenTheOptionsAreRefused() {
        assertThatThrownBy(() -> parse("--end-to-end", "--model-repo", "r", "--dictionary-extractor", "--tagger",
                model.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--dictionary-extractor excludes --tagger");
        assertThatThrownBy(() -> parse("--model-repo", "r", "--tagger-encoder", "all-minilm-l6-v2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tagger-encoder goes with");
    }
}
