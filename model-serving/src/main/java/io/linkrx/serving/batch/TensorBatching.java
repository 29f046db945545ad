package io.linkrx.serving.batch;

import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Concatenates requests along dimension 0 and splits the model's outputs back. Variable inner dimensions are
 * padded to the batch's longest; an output's variable dimension that matches a padded input dimension is
 * trimmed back per request, so a request gets the same shapes whether or not it shared a batch.
 */
final class TensorBatching {
    private static final byte[] EMPTY = new byte[0];

    private TensorBatching() {}

    /** The batched inputs, and for each input name the padded (batch) shape. */
    record Batched(List<Tensor> inputs, Map<String, long[]> shapes) {}

    static Batched concat(List<InferenceCall> calls, BatchPolicy policy) {
        InferenceCall first = calls.get(0);
        List<Tensor> out = new ArrayList<>(first.inputs.size());
        Map<String, long[]> shapes = new HashMap<>();
        for (int i = 0; i < first.inputs.size(); i++) {
            Tensor proto = first.inputs.get(i);
            long[] target = proto.shape().clone();
            target[0] = 0;
            boolean padded = false;
            for (InferenceCall call : calls) {
                long[] s = call.inputs.get(i).shape();
                target[0] += s[0];
                for (int d = 1; d < s.length; d++) {
                    if (s[d] != target[d]) {
                        padded = true;
                        target[d] = Math.max(target[d], s[d]);
                    }
                }
            }
            Object data = newArray(proto.type(), checkedSize(target));
            if (padded) {
                fill(data, proto.type(), policy.padValue(proto.name()));
            }
            long row = 0;
            for (InferenceCall call : calls) {
                Tensor t = call.inputs.get(i);
                long[] dstOrigin = new long[target.length];
                dstOrigin[0] = row;
                copyBlock(t.data(), t.shape(), new long[target.length], data, target, dstOrigin, t.shape());
                row += t.shape()[0];
            }
            out.add(new Tensor(proto.name(), proto.type(), target, data));
            shapes.put(proto.name(), target);
        }
        return new Batched(out, shapes);
    }

    /** One list of outputs per call, in call order. */
    static List<List<Tensor>> split(List<Tensor> outputs, List<InferenceCall> calls, Batched batched, List<TensorSpec> outputSpecs)
            throws ModelException {
        int totalRows = calls.stream().mapToInt(c -> c.rows).sum();
        List<List<Tensor>> perCall = new ArrayList<>(calls.size());
        for (int c = 0; c < calls.size(); c++) {
            perCall.add(new ArrayList<>(outputs.size()));
        }
        for (Tensor out : outputs) {
            long[] shape = out.shape();
            if (shape.length == 0 || shape[0] != totalRows) {
                throw new ModelException("model returned output '" + out.name() + "' with shape " + Arrays.toString(shape)
                        + " for a batch of " + totalRows + " rows", false);
            }
            long[] spec = specShape(outputSpecs, out.name());
            long row = 0;
            for (int c = 0; c < calls.size(); c++) {
                InferenceCall call = calls.get(c);
                long[] block = shape.clone();
                block[0] = call.rows;
                for (int d = 1; d < block.length; d++) {
                    if (spec != null && spec.length == shape.length && spec[d] < 0) {
                        block[d] = unpaddedLength(call, batched, d, shape[d]);
                    }
                }
                Object data = newArray(out.type(), checkedSize(block));
                long[] srcOrigin = new long[shape.length];
                srcOrigin[0] = row;
                copyBlock(out.data(), shape, srcOrigin, data, block, new long[block.length], block);
                perCall.get(c).add(new Tensor(out.name(), out.type(), block, data));
                row += call.rows;
            }
        }
        return perCall;
    }

    /** The call's own length of the first input padded on dimension d to exactly this output length, if any. */
    private static long unpaddedLength(InferenceCall call, Batched batched, int d, long outputLength) {
        for (Tensor in : call.inputs) {
            long[] padded = batched.shapes().get(in.name());
            if (padded != null && padded.length > d && padded[d] == outputLength && in.shape()[d] < outputLength) {
                return in.shape()[d];
            }
        }
        return outputLength;
    }

    private static long[] specShape(List<TensorSpec> specs, String name) {
        for (TensorSpec s : specs) {
            if (s.name().equals(name)) {
                return s.shape();
            }
        }
        return null;
    }

    /** Copies a block of {@code block} shape from src (at srcOrigin) into dst (at dstOrigin); row-major arrays. */
    static void copyBlock(Object src, long[] srcShape, long[] srcOrigin, Object dst, long[] dstShape, long[] dstOrigin, long[] block) {
        int k = block.length;
        if (k == 0) {
            System.arraycopy(src, 0, dst, 0, 1);
            return;
        }
        for (long b : block) {
            if (b == 0) {
                return;
            }
        }
        long[] srcStrides = strides(srcShape);
        long[] dstStrides = strides(dstShape);
        int run = (int) block[k - 1];
        long[] c = new long[k - 1];
        while (true) {
            long s = srcOrigin[k - 1];
            long d = dstOrigin[k - 1];
            for (int i = 0; i < k - 1; i++) {
                s += (srcOrigin[i] + c[i]) * srcStrides[i];
                d += (dstOrigin[i] + c[i]) * dstStrides[i];
            }
            System.arraycopy(src, (int) s, dst, (int) d, run);
            int i = k - 2;
            while (i >= 0) {
                if (++c[i] < block[i]) {
                    break;
                }
                c[i] = 0;
                i--;
            }
            if (i < 0) {
                return;
            }
        }
    }

    private static long[] strides(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }

    private static int checkedSize(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("batched tensor of " + n + " elements is too large");
        }
        return (int) n;
    }

    static Object newArray(TensorType type, int n) {
        return switch (type) {
            case BOOL -> new boolean[n];
            case INT32 -> new int[n];
            case INT64 -> new long[n];
            case FP32 -> new float[n];
            case FP64 -> new double[n];
            case BYTES -> new byte[n][];
        };
    }

    private static void fill(Object array, TensorType type, double pad) {
        switch (type) {
            case BOOL -> Arrays.fill((boolean[]) array, pad != 0);
            case INT32 -> Arrays.fill((int[]) array, (int) pad);
            case INT64 -> Arrays.fill((long[]) array, (long) pad);
            case FP32 -> Arrays.fill((float[]) array, (float) pad);
            case FP64 -> Arrays.fill((double[]) array, pad);
            case BYTES -> Arrays.fill((byte[][]) array, EMPTY);
        }
    }
}
