package io.linkrx.serving.client;

import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferRequest.InferInputTensor;
import io.linkrx.serving.oip.ModelInferRequest.InferRequestedOutputTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Text encoder on the sidecar: input {@code TEXT} (BYTES, shape [N], UTF-8), output {@code EMBEDDING} (FP32,
 * shape [N, H]). Any OIP server with a model of that signature will do (the linkrx sidecar, Triton).
 */
public final class EncoderClient implements AutoCloseable {
    public static final String INPUT = "TEXT";
    public static final String OUTPUT = "EMBEDDING";

    private final InferenceClient client;
    private final String model;
    private final int maxBatch;

    /**
     * @param client   the sidecar client (closed with this one)
     * @param model    encoder model name, e.g. {@code encoder}
     * @param maxBatch most texts per request, for servers that cap the batch size (e.g. Triton's
     *                 {@code max_batch_size}); 0: all texts in one request
     */
    public EncoderClient(InferenceClient client, String model, int maxBatch) {
        this.client = Objects.requireNonNull(client, "client");
        this.model = Objects.requireNonNull(model, "model");
        if (maxBatch < 0) {
            throw new IllegalArgumentException("maxBatch must be 0 (no limit) or positive, was " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    /**
     * Embeds texts, in one request unless {@code maxBatch} splits them.
     *
     * @throws InferenceException when the sidecar gives no usable answer (or answers a split batch from two
     *                            model versions, a hot swap in between)
     */
    public Embeddings embed(List<String> texts) {
        if (texts.isEmpty()) {
            return new Embeddings(new float[0][], model, "");
        }
        int chunk = maxBatch == 0 ? texts.size() : maxBatch;
        List<float[]> rows = new ArrayList<>(texts.size());
        String version = null;
        for (int from = 0; from < texts.size(); from += chunk) {
            List<String> part = texts.subList(from, Math.min(texts.size(), from + chunk));
            Embeddings answer = client.infer(request(part), response -> new Embeddings(
                    finite(Tensors.fp32Matrix(response, OUTPUT, part.size())), model, response.getModelVersion()));
            if (version != null && (!version.equals(answer.modelVersion()) || answer.get(0).length != rows.get(0).length)) {
                throw InferenceException.badResponse(model, "model version or width changed between batches of one call");
            }
            version = answer.modelVersion();
            rows.addAll(List.of(answer.vectors()));
        }
        return new Embeddings(rows.toArray(float[][]::new), model, version);
    }

    /** A NaN or infinite embedding would poison every score computed from it: refuse the answer instead. */
    private static float[][] finite(float[][] rows) {
        for (float[] row : rows) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("output " + OUTPUT + " holds a non-finite value");
                }
            }
        }
        return rows;
    }

    private ModelInferRequest request(List<String> texts) {
        return ModelInferRequest.newBuilder()
                .setModelName(model)
                .addInputs(InferInputTensor.newBuilder().setName(INPUT).setDatatype("BYTES").addShape(texts.size()))
                .addOutputs(InferRequestedOutputTensor.newBuilder().setName(OUTPUT))
                .addRawInputContents(Tensors.bytesTensor(texts))
                .build();
    }

    /** Whether the sidecar has the encoder loaded (false when unreachable). */
    public boolean ready() {
        return client.modelReady(model, "");
    }

    public String model() {
        return model;
    }

    public InferenceClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
