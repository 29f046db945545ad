package io.linkrx.serving.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorType;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Pooling#SPANS}: the vector of a char span is the average of the token states of the word pieces that overlap
 * it. A caller's words rarely match the model's word pieces ("hydrochloride" is four pieces; "5-HT" three), so the
 * caller names its words by char offsets and gets one vector per word. A span that is empty (end &le; begin: the
 * batch's padding) or that no piece overlaps (cut off by {@code max_length}) gets zeros.
 */
final class SpanPooling {
    private SpanPooling() {}

    /** The checked SPANS input: INT32 [batch, spans, 2]. */
    static Tensor checkSpans(Tensor spans, int batch, String model) throws ModelException {
        long[] s = spans.shape();
        if (spans.type() != TensorType.INT32 || s.length != 3 || s[0] != batch || s[2] != 2) {
            throw new ModelException("model " + model + ": input '" + EncoderModel.SPANS + "' must be INT32 ["
                    + batch + ", spans, 2], got " + spans.type() + " " + Arrays.toString(s), true);
        }
        return spans;
    }

    /**
     * @param states       token states [batch, tokens, hidden]
     * @param tokens       the tokenised texts (char spans of their pieces)
     * @param spans        INT32 [batch, width, 2]
     * @param prefixLength chars of the configured text prefix, which the tokenised texts start with
     * @return [batch, width, hidden], row-major, not normalised
     */
    static float[] pool(OnnxTensor states, List<TextTokenizer.Tokens> tokens, Tensor spans, int prefixLength,
                        int hidden) throws OrtException {
        long[] shape = states.getInfo().getShape();
        int n = tokens.size();
        if (shape.length != 3 || shape[0] != n || shape[2] != hidden) {
            throw new OrtException("token states have shape " + Arrays.toString(shape) + ", expected [" + n
                    + ", tokens, " + hidden + "]");
        }
        int length = (int) shape[1];
        int width = (int) spans.shape()[1];
        int[] offsets = (int[]) spans.data();
        FloatBuffer f = states.getFloatBuffer();
        float[] out = new float[n * width * hidden];
        float[] row = new float[hidden];
        for (int i = 0; i < n; i++) {
            TextTokenizer.Tokens t = tokens.get(i);
            for (int w = 0; w < width; w++) {
                int begin = offsets[(i * width + w) * 2] + prefixLength;
                int end = offsets[(i * width + w) * 2 + 1] + prefixLength;
                int o = (i * width + w) * hidden;
                int count = 0;
                for (int j = 0; j < t.length() && j < length && end > begin; j++) {
                    if (t.begins()[j] >= 0 && t.begins()[j] < end && t.ends()[j] > begin) {
                        f.get((i * length + j) * hidden, row, 0, hidden);
                        for (int k = 0; k < hidden; k++) {
                            out[o + k] += row[k];
                        }
                        count++;
                    }
                }
                if (count > 1) {
                    float inv = 1f / count;
                    for (int k = 0; k < hidden; k++) {
                        out[o + k] *= inv;
                    }
                }
            }
        }
        return out;
    }
}
