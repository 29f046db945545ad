package io.linkrx.eval.linking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.extract.MentionExtractor;
import io.linkrx.extract.tagger.CrfMentionTagger;
import io.linkrx.extract.tagger.CrfTaggerModel;
import io.linkrx.extract.tagger.CrfTaggerTrainer;
import io.linkrx.extract.tagger.SidecarTokenVectors;
import io.linkrx.extract.tagger.TaggerDictionary;
import io.linkrx.extract.tagger.TokenVectors;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.link.RerankerBundle;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.encoder.Pooling;
import io.linkrx.serving.encoder.ShippedEncoders;

/**
 * The mention tagger of an end-to-end evaluation: the CRF model given by {@code --tagger}, one trained now on
 * the {@code --train} corpora (the default with them, or {@code --train-tagger}; saved as a new version under
 * {@code <model-repo>/tagger/}), or the newest saved one; none ({@code --dictionary-extractor}, or nothing saved)
 * means the dictionary extractor. Its dictionary
 * features come from the evaluation's KB, as in the app.
 */
final class Taggers {
    static final String MODEL_DIR = "tagger";
    static final String MODEL_FILE = "model.crf";
    /** The sidecar model serving the tagger's token vectors (a shipped encoder with spans pooling). */
    static final String ENCODER_MODEL = "tagger-encoder";

    record Loaded(MentionExtractor extractor, Map<String, Object> description) {
    }

    private Taggers() {
    }

    /** @param training the documents of {@code --train}; null without */
    static Loaded prepare(LinkingEvalOptions o, KnowledgeBase kb, Path repository, SidecarSession sidecar,
                          TrainingCorpora training) throws java.io.IOException {
        TaggerDictionary dictionary = TaggerDictionary.of(kb);
        Map<String, Object> info = new LinkedHashMap<>();
        Path model = o.tagger();
        if (o.trainTagger()) {
            if (training == null) {
                throw new IllegalArgumentException("--train-tagger needs --train corpora");
            }
            long t0 = System.nanoTime();
            Path dir = repository.resolve(MODEL_DIR);
            long version = Files.isDirectory(dir)
                    ? Long.parseLong(RerankerBundle.latestVersion(dir).getFileName().toString()) + 1 : 1;
            model = Files.createDirectories(dir.resolve(Long.toString(version))).resolve(MODEL_FILE);
            CrfTaggerModel trained = new CrfTaggerTrainer(dictionary, java.util.List.of(kb.version()),
                    CrfTaggerTrainer.Options.defaults().withSeed(o.taggerSeed()), vectors(o.taggerEncoder(), repository, sidecar))
                    .train(training.documents(), training.files());
            trained.save(model);
            info.put("trained_seconds", LinkingMetrics.round((System.nanoTime() - t0) / 1e9));
        } else if (model == null && !o.dictionaryExtractor() && Files.isDirectory(repository.resolve(MODEL_DIR))) {
            model = RerankerBundle.latestVersion(repository.resolve(MODEL_DIR)).resolve(MODEL_FILE);
        }
        if (model == null) {
            return null;
        }
        CrfTaggerModel loaded = CrfTaggerModel.load(model);
        String encoder = loaded.vectorEncoder();
        info.put("model", model.toString());
        info.put("extractor", "CRF tagger (Tribuo), dictionary features from the evaluation KB"
                + (encoder == null ? "" : ", token vectors of " + encoder + " through the sidecar"));
        return new Loaded(new CrfMentionTagger(loaded, dictionary, new ContextAssertionDetector(),
                vectors(encoder, repository, sidecar)), info);
    }

    /** The shipped encoder {@code id} served with spans pooling by the sidecar; null for none. */
    private static TokenVectors vectors(String id, Path repository, SidecarSession sidecar) throws java.io.IOException {
        if (id == null) {
            return null;
        }
        ShippedEncoders.install(id, repository, ENCODER_MODEL, "1", Pooling.SPANS);
        sidecar.awaitModel(ENCODER_MODEL, "");
        return new SidecarTokenVectors(new EncoderClient(sidecar.client, ENCODER_MODEL, ShippedEncoders.MAX_BATCH_SIZE),
                id);
    }
}
