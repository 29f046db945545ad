package io.linkrx.serving.client;

import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferRequest.InferInputTensor;
import io.linkrx.serving.oip.ModelInferRequest.InferRequestedOutputTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

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
        List<Embeddings> answers = perChunk(texts.size(), (from, to) -> {
            List<String> part = texts.subList(from, to);
            return client.infer(request(part), response -> new Embeddings(
                    finite(Tensors.fp32Matrix(response, OUTPUT, part.size())), model, response.getModelVersion()));
        }, Embeddings::modelVersion);
        List<float[]> rows = new ArrayList<>(texts.size());
        for (Embeddings answer : answers) {
            if (answer.get(0).length != answers.get(0).get(0).length) {
                throw InferenceException.badResponse(model, "embedding width changed between batches of one call");
            }
            rows.addAll(List.of(answer.vectors()));
        }
        return new Embeddings(rows.toArray(float[][]::new), model, answers.get(0).modelVersion());
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
        List<float[][]> rows = new ArrayList<>(texts.size());
        String version = "";
        for (SpanEmbeddings answer : perChunk(texts.size(), (from, to) -> {
            List<int[][]> part = spans.subList(from, to);
            int width = part.stream().mapToInt(s -> s.length).max().orElse(0);
            SpanEmbeddings padded = client.infer(spanRequest(texts.subList(from, to), part, width), response ->
                    new SpanEmbeddings(finite(Tensors.fp32Cube(response, SPAN_OUTPUT, part.size(), width)),
                            response.getModelVersion()));
            float[][][] trimmed = new float[part.size()][][];
            for (int i = 0; i < trimmed.length; i++) {
                trimmed[i] = Arrays.copyOf(padded.vectors()[i], part.get(i).length); // the padding spans' rows go
            }
            return new SpanEmbeddings(trimmed, padded.modelVersion());
        }, SpanEmbeddings::modelVersion)) {
            rows.addAll(List.of(answer.vectors()));
            version = answer.modelVersion();
        }
        return new SpanEmbeddings(rows.toArray(float[][][]::new), version);
    }

    /**
     * Calls {@code call(from, to)} on consecutive chunks of [0, size), each at most {@code maxBatch} long (one chunk
     * when it is 0); the answers in order.
     *
     * @throws InferenceException when two chunks were answered by different model versions (a hot swap in between)
     */
    private <A> List<A> perChunk(int size, BiFunction<Integer, Integer, A> call, Function<A, String> version) {
        int chunk = maxBatch == 0 ? Math.max(1, size) : maxBatch;
        List<A> answers = new ArrayList<>();
        for (int from = 0; from < size; from += chunk) {
            A answer = call.apply(from, Math.min(size, from + chunk));
            if (!answers.isEmpty() && !version.apply(answers.get(0)).equals(version.apply(answer))) {
                throw InferenceException.badResponse(model, "model version changed between batches of one call");
            }
            answers.add(answer);
        }
        return answers;
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
