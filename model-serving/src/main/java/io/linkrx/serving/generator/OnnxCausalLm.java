package io.linkrx.serving.generator;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.linkrx.serving.model.ModelException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A causal LM in ONNX: input {@code input_ids} INT64 {@code [B, T]}, output {@code logits} FP32 {@code [B, T, V]}
 * (or {@code [B, V]}, the last position only). When the graph also has an {@code attention_mask} input (Hugging
 * Face exports), it is fed with ones: sequences of one call always have the same length, so there is no padding.
 * Only the last position's logits are read, straight from ONNX Runtime's output buffer. Thread-safe.
 */
public final class OnnxCausalLm implements ConstrainedBeamSearch.LanguageModel {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputIds;
    private final String logits;
    private final String attentionMask;

    public OnnxCausalLm(OrtEnvironment env, OrtSession session, String inputIds, String logits) throws OrtException {
        this.env = env;
        this.session = session;
        this.inputIds = inputIds;
        this.logits = logits;
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (!inputs.containsKey(inputIds)) {
            throw new IllegalArgumentException("the decoder has no input '" + inputIds + "' (inputs: " + inputs.keySet() + ")");
        }
        if (!session.getOutputInfo().containsKey(logits)) {
            throw new IllegalArgumentException("the decoder has no output '" + logits + "' (outputs: "
                + session.getOutputInfo().keySet() + ")");
        }
        for (String name : inputs.keySet()) {
            if (!name.equals(inputIds) && !name.equals("attention_mask")) {
                throw new IllegalArgumentException("the decoder needs input '" + name
                    + "', which the generator cannot feed (it feeds " + inputIds + " and attention_mask)");
            }
        }
        this.attentionMask = inputs.containsKey("attention_mask") ? "attention_mask" : null;
    }

    /** The vocabulary size the model declares in its logits output, or -1 when that dimension is dynamic. */
    public long declaredVocabularySize() throws OrtException {
        NodeInfo info = session.getOutputInfo().get(logits);
        if (info.getInfo() instanceof TensorInfo t) {
            long[] shape = t.getShape();
            return shape.length == 0 ? -1 : shape[shape.length - 1];
        }
        return -1;
    }

    @Override
    public float[][] nextTokenLogits(long[][] sequences) throws ModelException {
        int b = sequences.length;
        if (b == 0) {
            return new float[0][];
        }
        int t = sequences[0].length;
        long[] flat = new long[b * t];
        for (int i = 0; i < b; i++) {
            if (sequences[i].length != t) {
                throw new IllegalArgumentException("sequences of one call must have the same length");
            }
            System.arraycopy(sequences[i], 0, flat, i * t, t);
        }
        long[] shape = {b, t};
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put(inputIds, OnnxTensor.createTensor(env, LongBuffer.wrap(flat), shape));
            if (attentionMask != null) {
                long[] ones = new long[b * t];
                Arrays.fill(ones, 1L);
                feed.put(attentionMask, OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape));
            }
            try (OrtSession.Result r = session.run(feed, java.util.Set.of(logits))) {
                OnnxValue v = r.get(logits).orElseThrow();
                if (!(v instanceof OnnxTensor out)) {
                    throw new ModelException("decoder output '" + logits + "' is not a tensor", false);
                }
                long[] os = out.getInfo().getShape();
                FloatBuffer buf = out.getFloatBuffer();
                if (buf == null) {
                    throw new ModelException("decoder output '" + logits + "' is not FP32", false);
                }
                int vocab = (int) os[os.length - 1];
                int rows;
                int stride;
                if (os.length == 3 && os[0] == b && os[1] == t) {
                    rows = t;
                    stride = t * vocab;
                } else if (os.length == 2 && os[0] == b) {
                    rows = 1;
                    stride = vocab;
                } else {
                    throw new ModelException("decoder output '" + logits + "' has shape " + Arrays.toString(os)
                        + ", expected [" + b + ", " + t + ", V] or [" + b + ", V]", false);
                }
                float[][] last = new float[b][vocab];
                for (int i = 0; i < b; i++) {
                    buf.position(i * stride + (rows - 1) * vocab);
                    buf.get(last[i]);
                }
                return last;
            }
        } catch (OrtException e) {
            throw new ModelException("decoder run failed: " + e.getMessage(), false, e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }
}
