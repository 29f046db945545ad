package io.linkrx.serving.client;

import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferRequest.InferInputTensor;
import io.linkrx.serving.oip.ModelInferRequest.InferRequestedOutputTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Text encoder on the sidecar: input {@code TEXT} (BYTES, shape [N], UTF-8), output {@code EMBEDDING} (FP32,
 * shape [N, H]). Any OIP server with a model of that signature will do (the linkrx sidecar, Triton). An encoder
 * served with {@code spans} pooling takes {@code SPANS} (INT32 [N, W, 2]) as well and answers
 * {@code SPAN_EMBEDDING} (FP32 [N, W, H]): {@link #embedSpans}.
 */
public final class EncoderClient implements AutoCloseable {
    public static final String INPUT = "TEXT";
    public static final String OUTPUT = "EMBEDDING";
    public static final String SPANS = "SPANS";
    public static final String SPAN_OUTPUT = "SPAN_EMBEDDING";

    /** Per text, one vector per requested span; the model version that answered. */
    public record SpanEmbeddings(float[][][] vectors, String modelVersion) {}

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

    /**
     * Contextual vectors of char spans (UTF-16 [begin, end) offsets into each text), from an encoder served with
     * {@code spans} pooling; in one request unless {@code maxBatch} splits the texts.
     *
     * @throws InferenceException as {@link #embed}
     */
    public SpanEmbeddings embedSpans(List<String> texts, List<int[][]> spans) {
        if (texts.size() != spans.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + spans.size() + " span lists");
        }
        int chunk = maxBatch == 0 || texts.isEmpty() ? Math.max(1, texts.size()) : maxBatch;
        List<float[][]> rows = new ArrayList<>(texts.size());
        String version = null;
        for (int from = 0; from < texts.size(); from += chunk) {
            List<String> part = texts.subList(from, Math.min(texts.size(), from + chunk));
            List<int[][]> partSpans = spans.subList(from, from + part.size());
            int width = partSpans.stream().mapToInt(s -> s.length).max().orElse(0);
            SpanEmbeddings answer = client.infer(spanRequest(part, partSpans, width), response -> new SpanEmbeddings(
                    finite(Tensors.fp32Cube(response, SPAN_OUTPUT, part.size(), width)), response.getModelVersion()));
            if (version != null && !version.equals(answer.modelVersion())) {
                throw InferenceException.badResponse(model, "model version changed between batches of one call");
            }
            version = answer.modelVersion();
            for (int i = 0; i < part.size(); i++) {
                rows.add(Arrays.copyOf(answer.vectors()[i], partSpans.get(i).length));
            }
        }
        return new SpanEmbeddings(rows.toArray(float[][][]::new), version == null ? "" : version);
    }

    private ModelInferRequest spanRequest(List<String> texts, List<int[][]> spans, int width) {
        int[] flat = new int[texts.size() * width * 2];
        for (int i = 0; i < spans.size(); i++) {
            for (int w = 0; w < spans.get(i).length; w++) {
                flat[(i * width + w) * 2] = spans.get(i)[w][0];
                flat[(i * width + w) * 2 + 1] = spans.get(i)[w][1];
            }
        }
        return ModelInferRequest.newBuilder()
                .setModelName(model)
                .addInputs(InferInputTensor.newBuilder().setName(INPUT).setDatatype("BYTES").addShape(texts.size()))
                .addInputs(InferInputTensor.newBuilder().setName(SPANS).setDatatype("INT32")
                        .addShape(texts.size()).addShape(width).addShape(2))
                .addOutputs(InferRequestedOutputTensor.newBuilder().setName(SPAN_OUTPUT))
                .addRawInputContents(Tensors.bytesTensor(texts))
                .addRawInputContents(Tensors.int32Tensor(flat))
                .build();
    }

    private static float[][][] finite(float[][][] cube) {
        for (float[][] rows : cube) {
            finite(rows);
        }
        return cube;
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
