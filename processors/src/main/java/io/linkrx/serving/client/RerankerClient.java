package io.linkrx.serving.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

import com.google.protobuf.ByteString;

import io.linkrx.link.CandidateScorer;
import io.linkrx.link.ModelVersionChangedException;
import io.linkrx.link.RerankerBundle;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferRequest.InferInputTensor;
import io.linkrx.serving.oip.ModelInferRequest.InferRequestedOutputTensor;

/**
 * The learned re-ranker served by the sidecar (an ONNX classifier, kind {@code onnx}): FP32 feature rows in,
 * class probabilities out; one request per note. It scores for one version's bundle (feature contract, output
 * column): an answer from another version raises {@link ModelVersionChangedException}.
 */
public final class RerankerClient implements CandidateScorer {
    private final InferenceClient client;
    private final RerankerBundle bundle;

    public RerankerClient(InferenceClient client, RerankerBundle bundle) {
        this.client = Objects.requireNonNull(client, "client");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    @Override
    public double[] score(float[][] rows) {
        if (rows.length == 0) {
            return new double[0];
        }
        int width = bundle.features().size();
        ByteBuffer buf = ByteBuffer.allocate(rows.length * width * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException("feature row has " + row.length + " columns, the model takes " + width);
            }
            for (float v : row) {
                buf.putFloat(v);
            }
        }
        buf.flip();
        ModelInferRequest request = ModelInferRequest.newBuilder()
                .setModelName(bundle.model())
                .addInputs(InferInputTensor.newBuilder().setName(bundle.input()).setDatatype("FP32")
                        .addShape(rows.length).addShape(width))
                .addOutputs(InferRequestedOutputTensor.newBuilder().setName(bundle.output()))
                .addRawInputContents(ByteString.copyFrom(buf))
                .build();
        // a successful call even when another version answered: the breaker counts it as such
        Answer answer = client.infer(request, response -> {
            String served = response.getModelVersion();
            if (!served.isEmpty() && !served.equals(bundle.version())) {
                return new Answer(served, null);
            }
            float[][] probabilities = Tensors.fp32Matrix(response, bundle.output(), rows.length);
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = probabilities[i][bundle.linkColumn()];
            }
            return new Answer(served, out);
        });
        if (answer.probabilities() == null) {
            throw new ModelVersionChangedException(bundle.model(), bundle.version(), answer.servedVersion());
        }
        return answer.probabilities();
    }

    /** Probabilities, or null when another version answered (its output column may differ). */
    private record Answer(String servedVersion, double[] probabilities) {
    }

    @Override
    public String modelVersion() {
        return bundle.model() + "@" + bundle.version();
    }
}
