package io.linkrx.extract.tagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.sequence.SequenceExample;
import org.tribuo.sequence.SequenceModel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A trained CRF with its metadata. Saved as Tribuo's protobuf model file plus a {@code .json} metadata sidecar
 * of the same name. Thread-safe: prediction only reads the model.
 */
public final class CrfTaggerModel {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CRFModel crf;
    private final ModelMetadata metadata;

    CrfTaggerModel(CRFModel crf, ModelMetadata metadata) {
        this.crf = Objects.requireNonNull(crf, "crf");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The encoder whose token vectors the model was trained with (the tagger needs them too); null for none. */
    public String vectorEncoder() {
        return metadata.vectors() == null ? null : metadata.vectors().encoder();
    }

    /** The sidecar of a model file: {@code model.crf} has {@code model.crf.json}. */
    public static Path metadataPath(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName() + ".json");
    }

    /** Writes the model and its metadata sidecar, replacing existing files. */
    public void save(Path modelFile) {
        try {
            Path dir = modelFile.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            crf.serializeToFile(modelFile);
            JSON.writeValue(metadataPath(modelFile).toFile(), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(modelFile + ": cannot save tagger model: " + e.getMessage(), e);
        }
    }

    /** Reads a model saved by {@link #save}. */
    public static CrfTaggerModel load(Path modelFile) {
        try {
            SequenceModel<?> model = SequenceModel.deserializeFromFile(modelFile);
            if (!(model instanceof CRFModel crf)) {
                throw new IllegalArgumentException(modelFile + ": not a CRF model but " + model.getClass().getName());
            }
            ModelMetadata metadata = JSON.readValue(metadataPath(modelFile).toFile(), ModelMetadata.class);
            if (!TokenFeatures.VERSION.equals(metadata.featureSetVersion())) {
                throw new IllegalArgumentException(modelFile + ": feature set version " + metadata.featureSetVersion()
                        + " but this code extracts version " + TokenFeatures.VERSION + "; retrain the model");
            }
            return new CrfTaggerModel(crf, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(modelFile + ": cannot load tagger model: " + e.getMessage(), e);
        }
    }

    /** The label of every token of the sentence. */
    List<String> tag(EncodedSentence sentence) {
        if (sentence.vectors() != null && sentence.vectors().length > 0 && metadata.vectors() != null
                && sentence.vectors()[0].length != metadata.vectors().dimension()) {
            throw new IllegalStateException("token vectors have " + sentence.vectors()[0].length
                    + " dimensions but the tagger model was trained on " + metadata.vectors().dimension());
        }
        int window = metadata.vectors() == null ? 0 : metadata.vectors().window();
        List<Example<Label>> tokens = new ArrayList<>(sentence.features().size());
        for (int i = 0; i < sentence.features().size(); i++) {
            tokens.add(example(sentence.features().get(i), sentence.vectors(), i, window, LabelFactory.UNKNOWN_LABEL));
        }
        List<Prediction<Label>> predictions = crf.predict(new SequenceExample<>(tokens));
        return predictions.stream().map(p -> p.getOutput().getLabel()).toList();
    }

    /**
     * Token {@code i} of a sentence as a Tribuo example: its features, each with value 1, then (when the sentence has
     * vectors) the components of its own vector and of the vectors of the {@code window} tokens on each side, each
     * position its own features (a neighbour past the sentence's edge has none).
     */
    static Example<Label> example(List<String> features, float[][] vectors, int i, int window, Label label) {
        int n = features.size();
        int d = vectors == null || vectors.length == 0 ? 0 : vectors[0].length;
        int from = Math.max(0, i - window);
        int to = d == 0 ? from - 1 : Math.min(vectors.length - 1, i + window);
        String[] names = new String[n + d * Math.max(0, to - from + 1)];
        double[] values = new double[names.length];
        for (int f = 0; f < n; f++) {
            names[f] = features.get(f);
            values[f] = 1.0;
        }
        int at = n;
        for (int t = from; t <= to; t++) {
            for (int k = 0; k < d; k++, at++) {
                names[at] = vectorFeature(t - i, k);
                values[at] = vectors[t][k];
            }
        }
        return new ArrayExample<>(label, names, values);
    }

    /** Names of vector components: "v0012" for the token's own, "v-1:0012" / "v+1:0012" for its neighbours'. */
    private static final Map<Integer, String[]> VECTOR_FEATURES = new ConcurrentHashMap<>();

    private static String vectorFeature(int offset, int k) {
        String[] names = VECTOR_FEATURES.computeIfAbsent(offset, o -> {
            String[] out = new String[4096];
            for (int j = 0; j < out.length; j++) {
                out[j] = o == 0 ? String.format("v%04d", j) : String.format("v%+d:%04d", o, j);
            }
            return out;
        });
        return k < names.length ? names[k] : (offset == 0 ? "v" + k : "v" + offset + ":" + k);
    }
}
