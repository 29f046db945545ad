package io.linkrx.extract.tagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        List<Example<Label>> tokens = new ArrayList<>(sentence.features().size());
        for (int i = 0; i < sentence.features().size(); i++) {
            tokens.add(example(sentence.features().get(i), sentence.vectors() == null ? null : sentence.vectors()[i],
                    LabelFactory.UNKNOWN_LABEL));
        }
        List<Prediction<Label>> predictions = crf.predict(new SequenceExample<>(tokens));
        return predictions.stream().map(p -> p.getOutput().getLabel()).toList();
    }

    /** A token as a Tribuo example: its features, each with value 1, then its vector's components (if any). */
    static Example<Label> example(List<String> features, float[] vector, Label label) {
        int n = features.size();
        int d = vector == null ? 0 : vector.length;
        String[] names = new String[n + d];
        double[] values = new double[n + d];
        for (int i = 0; i < n; i++) {
            names[i] = features.get(i);
            values[i] = 1.0;
        }
        for (int k = 0; k < d; k++) {
            names[n + k] = VECTOR_FEATURES[k];
            values[n + k] = vector[k];
        }
        return new ArrayExample<>(label, names, values);
    }

    private static final String[] VECTOR_FEATURES = new String[4096];

    static {
        for (int k = 0; k < VECTOR_FEATURES.length; k++) {
            VECTOR_FEATURES[k] = String.format("v%04d", k);
        }
    }
}
