package io.linkrx.serving.grpc;

import com.google.protobuf.ByteString;
import io.linkrx.serving.oip.InferTensorContents;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds Open Inference Protocol requests the way a Triton client would, and reads answers. */
public final class OipRequests {
    private OipRequests() {}

    /** An FP32 {@code x} input of the given rows (all the same length), raw or typed. */
    public static ModelInferRequest rows(String model, boolean raw, float[]... rows) {
        int cols = rows[0].length;
        ModelInferRequest.InferInputTensor.Builder in = ModelInferRequest.InferInputTensor.newBuilder()
                .setName("x").setDatatype("FP32").addShape(rows.length).addShape(cols);
        ModelInferRequest.Builder b = ModelInferRequest.newBuilder().setModelName(model).setId("req-1");
        if (raw) {
            ByteBuffer buf = ByteBuffer.allocate(rows.length * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] r : rows) {
                for (float v : r) {
                    buf.putFloat(v);
                }
            }
            b.addInputs(in).addRawInputContents(ByteString.copyFrom(buf.array()));
        } else {
            InferTensorContents.Builder c = InferTensorContents.newBuilder();
            for (float[] r : rows) {
                for (float v : r) {
                    c.addFp32Contents(v);
                }
            }
            b.addInputs(in.setContents(c));
        }
        return b.build();
    }

    /** A BYTES {@code text} input [n, 1]; raw uses Triton's 4-byte little-endian length prefixes. */
    public static ModelInferRequest texts(String model, boolean raw, String... texts) {
        ModelInferRequest.InferInputTensor.Builder in = ModelInferRequest.InferInputTensor.newBuilder()
                .setName("text").setDatatype("BYTES").addShape(texts.length).addShape(1);
        ModelInferRequest.Builder b = ModelInferRequest.newBuilder().setModelName(model);
        if (raw) {
            b.addInputs(in).addRawInputContents(ByteString.copyFrom(lengthPrefixed(texts)));
        } else {
            InferTensorContents.Builder c = InferTensorContents.newBuilder();
            for (String t : texts) {
                c.addBytesContents(ByteString.copyFromUtf8(t));
            }
            b.addInputs(in.setContents(c));
        }
        return b.build();
    }

    public static byte[] lengthPrefixed(String... texts) {
        int total = 0;
        for (String t : texts) {
            total += 4 + t.getBytes(StandardCharsets.UTF_8).length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        for (String t : texts) {
            byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
            buf.putInt(bytes.length).put(bytes);
        }
        return buf.array();
    }

    /** The FP32 values of an output, whether the answer came raw or typed. */
    public static float[] floats(ModelInferResponse r, String name) {
        int i = index(r, name);
        if (r.getRawOutputContentsCount() > 0) {
            ByteBuffer buf = r.getRawOutputContents(i).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[buf.remaining() / 4];
            buf.asFloatBuffer().get(out);
            return out;
        }
        InferTensorContents c = r.getOutputs(i).getContents();
        float[] out = new float[c.getFp32ContentsCount()];
        for (int k = 0; k < out.length; k++) {
            out[k] = c.getFp32Contents(k);
        }
        return out;
    }

    public static long[] longs(ModelInferResponse r, String name) {
        int i = index(r, name);
        if (r.getRawOutputContentsCount() > 0) {
            ByteBuffer buf = r.getRawOutputContents(i).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long[] out = new long[buf.remaining() / 8];
            buf.asLongBuffer().get(out);
            return out;
        }
        return r.getOutputs(i).getContents().getInt64ContentsList().stream().mapToLong(Long::longValue).toArray();
    }

    private static int index(ModelInferResponse r, String name) {
        for (int i = 0; i < r.getOutputsCount(); i++) {
            if (r.getOutputs(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no output " + name + " in " + r.getOutputsList());
    }
}
