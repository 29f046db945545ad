package io.linkrx.serving.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

import com.google.protobuf.ByteString;

import io.linkrx.link.CandidateScorer;
import io.linkrx.link.RerankerBundle;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferRequest.InferInputTensor;
import io.linkrx.serving.oip.ModelInferRequest.InferRequestedOutputTensor;

/**
 * The learned re-ranker served by the sidecar (an ONNX classifier, kind {@code onnx}): FP32 feature rows in,
 * class probabilities out; one request per note.
 */
public final class RerankerClient implements CandidateScorer {
    private final InferenceClient client;
    private final RerankerBundle bundle;
    private volatile String servedVersion;

    public RerankerClient(InferenceClient client, RerankerBundle bundle) {
        this.client = Objects.requireNonNull(client, "client");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.servedVersion = bundle.version();
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
        return client.infer(request, response -> {
            servedVersion = response.getModelVersion();
            float[][] probabilities = Tensors.fp32Matrix(response, bundle.output(), rows.length);
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = probabilities[i][bundle.linkColumn()];
            }
            return out;
        });
    }

    @Override
    public String modelVersion() {
        return bundle.model() + "@" + servedVersion;
    }
}
