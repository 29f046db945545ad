package io.linkrx.extract.tagger;

import java.nio.file.Path;
import java.util.List;

/**
 * What a tagger model was trained on and how: written next to the model as JSON, so a model file can be
 * traced to its data and checked against the dictionary it is used with. Contains no document text.
 *
 * @param featureSetVersion    {@link TokenFeatures#VERSION} at training time
 * @param labels               the BIO labels the model predicts
 * @param trainingFiles        corpus files with their SHA-256 and document counts
 * @param dictionary           the dictionary used for the dictionary features
 * @param training             optimiser settings
 * @param sentences            training sentences
 * @param tokens               training tokens
 * @param features             distinct features kept
 * @param skippedSpans         gold spans that overlap another or cross a sentence boundary
 * @param epochSeconds         wall time of each epoch
 * @param trainingSeconds      wall time of the whole training, encoding included
 * @param created              ISO-8601 instant
 * @param tribuoVersion        the Tribuo version that wrote the model
 * @param vectors              the contextual token vectors the model was trained with; null for none
 */
public record ModelMetadata(String featureSetVersion, List<String> labels, List<TrainingFile> trainingFiles,
                            DictionaryInfo dictionary, CrfTaggerTrainer.Options training, int sentences,
                            long tokens, int features, int skippedSpans, List<Double> epochSeconds,
                            double trainingSeconds, String created, String tribuoVersion,
                            VectorsInfo vectors) {

    /** A corpus file used for training. */
    public record TrainingFile(String path, String sha256, int documents) {
        /** The file with its SHA-256; {@code documents} = how many of its documents were trained on. */
        public static TrainingFile of(Path file, int documents) {
            return new TrainingFile(file.toString(), Sha256.ofFile(file), documents);
        }
    }

    /**
     * Contextual token vectors: the encoder that gave them, their dimension, and how many neighbours on each side
     * a token also sees the vectors of (0 in models trained before neighbours were added).
     */
    public record VectorsInfo(String encoder, int dimension, int window) {
    }

    /** The dictionary given to the trainer. */
    public record DictionaryInfo(List<String> sources, int names, String fingerprint) {
    }
}
