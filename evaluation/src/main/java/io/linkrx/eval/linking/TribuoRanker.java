package io.linkrx.eval.linking;

import java.io.IOException;
import java.nio.file.Path;

import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import io.linkrx.link.CandidateScorer;

/** A Tribuo classifier as re-ranker, exported by Tribuo's own ONNX exporter. */
record TribuoRanker(Model<Label> model) implements TrainedRanker {
    TribuoRanker {
        if (!(model instanceof ONNXExportable)) {
            throw new IllegalArgumentException("model " + model.getClass().getSimpleName() + " cannot be exported to ONNX");
        }
    }

    @Override
    public CandidateScorer inProcess(String version) {
        String[] names = RerankerTrainer.tribuoNames();
        return CandidateScorer.perRow(version, row -> model.predict(new ArrayExample<>(new Label(RerankerTrainer.OTHER),
                names, RerankerTrainer.toDoubles(row))).getOutputScores().get(RerankerTrainer.LINK).getScore());
    }

    @Override
    public void writeOnnx(Path file, long version) throws IOException {
        ((ONNXExportable) model).saveONNXModel("io.linkrx", version, file);
    }

    @Override
    public int linkColumn() {
        return model.getOutputIDInfo().getID(new Label(RerankerTrainer.LINK));
    }

    @Override
    public int features() {
        return model.getFeatureIDMap().size();
    }
}
