package io.linkrx.serving.encoder;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import io.linkrx.serving.onnx.OnnxTensors;
import io.linkrx.serving.onnx.OrtModel;
import io.linkrx.serving.onnx.OrtSessions;
import io.linkrx.serving.onnx.Utf8;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text to L2-normalised embedding (kind {@code encoder}). Served signature: input {@code TEXT} BYTES [-1] (UTF-8,
 * one text per element; [-1, 1] accepted too), output {@code EMBEDDING} FP32 [-1, H]. The texts of a call are
 * tokenised here (Hugging Face tokenizer.json), truncated to {@code max_length} tokens, padded to the longest
 * sequence of the batch, run through the transformer ({@code input_ids}, {@code attention_mask},
 * {@code token_type_ids}: those the model declares), and the token states ({@code last_hidden_state} [B, T, H] or a
 * configured output) pooled ({@code mean} under the attention mask, or {@code cls}). An output that is already
 * [B, H] (an export with pooling inside) is only normalised. With {@code spans} pooling the signature is input
 * {@code TEXT} plus {@code SPANS} INT32 [-1, -1, 2] and output {@code SPAN_EMBEDDING} FP32 [-1, -1, H]: the
 * contextual vector of every given span of every text (see {@link SpanPooling}).
 */
public final class EncoderModel extends OrtModel {
    public static final String INPUT = "TEXT";
    public static final String OUTPUT = "EMBEDDING";
    /** With {@link Pooling#SPANS}: INT32 [-1, -1, 2], per text the UTF-16 [begin, end) char spans to pool. */
    public static final String SPANS = "SPANS";
    /** With {@link Pooling#SPANS}: FP32 [-1, -1, H], one vector per span (zeros for an empty or unmatched span). */
    public static final String SPAN_OUTPUT = "SPAN_EMBEDDING";
    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";

    /** Encoder settings (from config.pbtxt parameters). */
    public record Settings(Pooling pooling, int maxLength, String outputName, boolean normalize, String textPrefix,
                           int maxBatchSize) {}

    private final OrtEnvironment env;
    private final TextTokenizer tokenizer;
    private final Settings settings;
    private final String outputName;
    private final boolean feedsMask;
    private final boolean feedsTypeIds;
    private final boolean int32Ids;
    private final boolean pooledOutput;
    private final int hidden;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;

    /** Takes ownership of the session and the tokenizer (both closed when construction fails). */
    public EncoderModel(String name, String version, OrtSessions.Opened opened, TextTokenizer tokenizer,
                        Settings settings) {
        super(name, version, opened);
        this.tokenizer = tokenizer;
        this.settings = settings;
        try {
            this.env = OrtSessions.environment();
            Map<String, NodeInfo> in = session.getInputInfo();
            if (!in.containsKey(INPUT_IDS)) {
                throw new IllegalArgumentException("model " + label() + ": the ONNX model has no '" + INPUT_IDS
                        + "' input (its inputs are " + in.keySet() + "); it is not a Hugging Face encoder export");
            }
            for (String n : in.keySet()) {
                if (!Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(n)) {
                    throw new IllegalArgumentException("model " + label() + ": the ONNX model has input '" + n
                            + "', which an encoder cannot feed (it feeds input_ids, attention_mask, token_type_ids)");
                }
                TensorInfo.OnnxTensorType t = OnnxTensors.tensorInfo(in.get(n)).onnxType;
                if (t != TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64
                        && t != TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32) {
                    throw new IllegalArgumentException("model " + label() + ": input '" + n + "' has type " + t
                            + ", expected int64 or int32");
                }
            }
            this.feedsMask = in.containsKey(ATTENTION_MASK);
            this.feedsTypeIds = in.containsKey(TOKEN_TYPE_IDS);
            this.int32Ids = OnnxTensors.tensorInfo(in.get(INPUT_IDS)).onnxType
                    == TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32;

            Map<String, NodeInfo> out = session.getOutputInfo();
            String wanted = settings.outputName();
            if (wanted == null) {
                wanted = out.containsKey("last_hidden_state") ? "last_hidden_state"
                        : out.size() == 1 ? out.keySet().iterator().next() : null;
                if (wanted == null) {
                    throw new IllegalArgumentException("model " + label() + ": the ONNX model has no"
                            + " 'last_hidden_state' output; name the token-state output with the config parameter"
                            + " 'output' (its outputs are " + out.keySet() + ")");
                }
            } else if (!out.containsKey(wanted)) {
                throw new IllegalArgumentException("model " + label() + ": configured output '" + wanted
                        + "' is not an output of the ONNX model (its outputs are " + out.keySet() + ")");
            }
            this.outputName = wanted;
            TensorInfo outInfo = OnnxTensors.tensorInfo(out.get(wanted));
            if (outInfo.onnxType != TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT
                    && outInfo.onnxType != TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16) {
                throw new IllegalArgumentException("model " + label() + ": output '" + wanted + "' has type "
                        + outInfo.onnxType + ", expected float");
            }
            long[] shape = outInfo.getShape();
            if (shape.length != 3 && shape.length != 2) {
                throw new IllegalArgumentException("model " + label() + ": output '" + wanted + "' has rank "
                        + shape.length + ", expected [batch, tokens, hidden] or [batch, hidden]");
            }
            this.pooledOutput = shape.length == 2;
            if (pooledOutput && settings.pooling() == Pooling.SPANS) {
                throw new IllegalArgumentException("model " + label() + ": pooling 'spans' needs token states"
                        + " [batch, tokens, hidden], but output '" + wanted + "' is already pooled");
            }
            long h = shape[shape.length - 1];
            if (h <= 0) {
                // symbolic hidden size: find it by running one text
                h = probeHiddenSize();
            }
            this.hidden = Math.toIntExact(h);
            TensorSpec textInput = new TensorSpec(INPUT, TensorType.BYTES, new long[] {-1});
            if (spanPooling()) {
                this.inputs = List.of(textInput, new TensorSpec(SPANS, TensorType.INT32, new long[] {-1, -1, 2}));
                this.outputs = List.of(new TensorSpec(SPAN_OUTPUT, TensorType.FP32, new long[] {-1, -1, hidden}));
            } else {
                this.inputs = List.of(textInput);
                this.outputs = List.of(new TensorSpec(OUTPUT, TensorType.FP32, new long[] {-1, hidden}));
            }
        } catch (RuntimeException | OrtException e) {
            close();
            throw e instanceof IllegalArgumentException iae ? iae
                    : new IllegalArgumentException("model " + label() + ": " + e.getMessage(), e);
        }
    }

    private long probeHiddenSize() throws OrtException {
        Batch b = tokenize(List.of("hidden size probe"));
        try (Feed feed = feed(b); OrtSession.Result r = session.run(feed.tensors, Set.of(outputName))) {
            long[] s = ((OnnxTensor) r.get(0)).getInfo().getShape();
            return s[s.length - 1];
        }
    }

    @Override
    public List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public List<TensorSpec> outputs() {
        return outputs;
    }

    @Override
    public int maxBatchSize() {
        return settings.maxBatchSize();
    }

    /** Embedding dimension H. */
    public int dimension() {
        return hidden;
    }

    public Settings settings() {
        return settings;
    }

    private boolean spanPooling() {
        return settings.pooling() == Pooling.SPANS;
    }

    /** Convenience for in-process callers: one L2-normalised (unless configured otherwise) vector per text. */
    public float[][] embed(List<String> texts) throws ModelException {
        byte[][] raw = new byte[texts.size()][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
        }
        Tensor out = infer(List.of(Tensor.bytes(INPUT, new long[] {raw.length}, raw))).get(0);
        float[] flat = (float[]) out.data();
        float[][] rows = new float[raw.length][hidden];
        for (int i = 0; i < raw.length; i++) {
            System.arraycopy(flat, i * hidden, rows[i], 0, hidden);
        }
        return rows;
    }

    /**
     * Convenience for in-process callers of a {@code spans} encoder: per text, one vector per [begin, end) span.
     */
    public float[][][] embedSpans(List<String> texts, List<int[][]> spans) throws ModelException {
        int width = spans.stream().mapToInt(s -> s.length).max().orElse(0);
        byte[][] raw = new byte[texts.size()][];
        int[] flatSpans = new int[texts.size() * width * 2];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
            for (int w = 0; w < spans.get(i).length; w++) {
                flatSpans[(i * width + w) * 2] = spans.get(i)[w][0];
                flatSpans[(i * width + w) * 2 + 1] = spans.get(i)[w][1];
            }
        }
        Tensor out = infer(List.of(Tensor.bytes(INPUT, new long[] {raw.length}, raw),
                new Tensor(SPANS, TensorType.INT32, new long[] {raw.length, width, 2}, flatSpans))).get(0);
        float[] flat = (float[]) out.data();
        float[][][] vectors = new float[raw.length][][];
        for (int i = 0; i < raw.length; i++) {
            vectors[i] = new float[spans.get(i).length][hidden];
            for (int w = 0; w < vectors[i].length; w++) {
                System.arraycopy(flat, (i * width + w) * hidden, vectors[i][w], 0, hidden);
            }
        }
        return vectors;
    }

    @Override
    protected List<Tensor> run(List<Tensor> request) throws ModelException, OrtException {
        List<String> names = request.stream().map(Tensor::name).toList();
        List<String> expected = inputs.stream().map(TensorSpec::name).toList();
        if (names.size() != expected.size() || !names.containsAll(expected)) {
            throw new ModelException("model " + label() + " takes the inputs " + expected + " ('" + INPUT
                    + "': BYTES, UTF-8 texts" + (spanPooling() ? "; '" + SPANS + "': INT32 [texts, spans, 2]" : "")
                    + "); got " + names, true);
        }
        Tensor text = request.get(names.indexOf(INPUT));
        if (text.type() != TensorType.BYTES) {
            throw new ModelException("model " + label() + ": input '" + INPUT + "' must be BYTES, got "
                    + text.type(), true);
        }
        OnnxTensors.checkWellFormed(text);
        long[] shape = text.shape();
        if (shape.length == 0 || shape.length > 2 || (shape.length == 2 && shape[1] != 1)) {
            throw new ModelException("model " + label() + ": input '" + INPUT + "' must have shape [batch] or"
                    + " [batch, 1], got " + java.util.Arrays.toString(shape), true);
        }
        byte[][] raw = (byte[][]) text.data();
        int batch = raw.length;
        if (batch > settings.maxBatchSize()) {
            throw new ModelException("model " + label() + ": batch size " + batch + " exceeds max_batch_size "
                    + settings.maxBatchSize(), true);
        }
        Tensor spans = spanPooling() ? SpanPooling.checkSpans(request.get(names.indexOf(SPANS)), batch, label())
                : null;
        if (batch == 0) {
            return List.of(spans != null ? Tensor.fp32(SPAN_OUTPUT, new long[] {0, spans.shape()[1], hidden},
                    new float[0]) : Tensor.fp32(OUTPUT, new long[] {0, hidden}, new float[0]));
        }
        List<String> texts = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            texts.add(settings.textPrefix() + Utf8.decode(raw[i], INPUT, i));
        }
        Batch b;
        try {
            b = tokenize(texts);
        } catch (RuntimeException e) {
            // the tokenizer's message may quote the text: not passed on
            throw new ModelException("model " + label() + ": tokenisation failed (" + e.getClass().getSimpleName()
                    + ")", false);
        }
        float[] embeddings;
        try (Feed feed = feed(b); OrtSession.Result r = session.run(feed.tensors, Set.of(outputName))) {
            OnnxValue v = r.get(0);
            if (!(v instanceof OnnxTensor states)) {
                throw new OrtException("output '" + outputName + "' is not a tensor");
            }
            embeddings = spans == null ? pool(states, b)
                    : SpanPooling.pool(states, b.tokens(), spans, settings.textPrefix().length(), hidden);
        }
        int rows = spans == null ? batch : batch * (int) spans.shape()[1];
        if (settings.normalize()) {
            normalize(embeddings, rows, hidden);
        }
        return List.of(spans == null ? Tensor.fp32(OUTPUT, new long[] {batch, hidden}, embeddings)
                : Tensor.fp32(SPAN_OUTPUT, new long[] {batch, spans.shape()[1], hidden}, embeddings));
    }

    /** Token ids, type ids and mask of a batch, padded to its longest sequence, row-major [batch, length]. */
    record Batch(int size, int length, long[] ids, long[] typeIds, long[] mask, List<TextTokenizer.Tokens> tokens) {}

    private Batch tokenize(List<String> texts) {
        List<TextTokenizer.Tokens> tokens = new ArrayList<>(texts.size());
        int longest = 1;
        for (String t : texts) {
            TextTokenizer.Tokens tk = tokenizer.encode(t);
            tokens.add(tk);
            longest = Math.max(longest, tk.length());
        }
        int n = texts.size();
        long[] ids = new long[n * longest];
        long[] types = new long[n * longest];
        long[] mask = new long[n * longest];
        for (int i = 0; i < n; i++) {
            TextTokenizer.Tokens tk = tokens.get(i);
            System.arraycopy(tk.ids(), 0, ids, i * longest, tk.length());
            System.arraycopy(tk.typeIds(), 0, types, i * longest, tk.length());
            System.arraycopy(tk.mask(), 0, mask, i * longest, tk.length());
        }
        return new Batch(n, longest, ids, types, mask, tokens);
    }

    /** The ONNX inputs of a batch; closes them all. */
    private final class Feed implements AutoCloseable {
        final Map<String, OnnxTensor> tensors = new LinkedHashMap<>();

        Feed(Batch b) throws OrtException {
            try {
                long[] shape = {b.size(), b.length()};
                tensors.put(INPUT_IDS, ids(b.ids(), shape));
                if (feedsMask) {
                    tensors.put(ATTENTION_MASK, ids(b.mask(), shape));
                }
                if (feedsTypeIds) {
                    tensors.put(TOKEN_TYPE_IDS, ids(b.typeIds(), shape));
                }
            } catch (OrtException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private OnnxTensor ids(long[] values, long[] shape) throws OrtException {
            if (!int32Ids) {
                return OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
            }
            int[] narrow = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                narrow[i] = (int) values[i];
            }
            return OnnxTensor.createTensor(env, IntBuffer.wrap(narrow), shape);
        }

        @Override
        public void close() {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private Feed feed(Batch b) throws OrtException {
        return new Feed(b);
    }

    private float[] pool(OnnxTensor states, Batch b) throws OrtException {
        long[] shape = states.getInfo().getShape();
        int n = b.size();
        FloatBuffer f = states.getFloatBuffer();
        float[] out = new float[n * hidden];
        if (pooledOutput) {
            if (shape.length != 2 || shape[0] != n || shape[1] != hidden) {
                throw new OrtException("output '" + outputName + "' has shape " + java.util.Arrays.toString(shape)
                        + ", expected [" + n + ", " + hidden + "]");
            }
            f.get(out);
            return out;
        }
        if (shape.length != 3 || shape[0] != n || shape[2] != hidden) {
            throw new OrtException("output '" + outputName + "' has shape " + java.util.Arrays.toString(shape)
                    + ", expected [" + n + ", tokens, " + hidden + "]");
        }
        int t = (int) shape[1];
        if (settings.pooling() == Pooling.CLS) {
            for (int i = 0; i < n; i++) {
                f.position(i * t * hidden);
                f.get(out, i * hidden, hidden);
            }
            return out;
        }
        // mean under the attention mask, read token by token (no second copy of [B, T, H])
        float[] row = new float[hidden];
        for (int i = 0; i < n; i++) {
            int count = 0;
            int o = i * hidden;
            for (int j = 0; j < t && j < b.length(); j++) {
                if (b.mask()[i * b.length() + j] == 0) {
                    continue;
                }
                count++;
                f.get((i * t + j) * hidden, row, 0, hidden);
                for (int k = 0; k < hidden; k++) {
                    out[o + k] += row[k];
                }
            }
            float inv = 1f / Math.max(count, 1);
            for (int k = 0; k < hidden; k++) {
                out[o + k] *= inv;
            }
        }
        return out;
    }

    private static void normalize(float[] v, int rows, int dim) {
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int k = 0; k < dim; k++) {
                float x = v[i * dim + k];
                sum += (double) x * x;
            }
            double norm = Math.sqrt(sum);
            float inv = (float) (1.0 / Math.max(norm, 1e-12));
            for (int k = 0; k < dim; k++) {
                v[i * dim + k] *= inv;
            }
        }
    }

    @Override
    protected void closeResources() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }
}
