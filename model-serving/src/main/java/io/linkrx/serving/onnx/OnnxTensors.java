package io.linkrx.serving.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Conversions between the sidecar's {@link Tensor}s and ONNX Runtime tensors. */
public final class OnnxTensors {
    private OnnxTensors() {}

    /**
     * The protocol type an ONNX input of this element type is fed with, or {@code null} when the sidecar cannot
     * feed it.
     */
    public static TensorType inputType(TensorInfo.OnnxTensorType t) {
        return switch (t) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> TensorType.FP32;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> TensorType.FP64;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> TensorType.INT64;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> TensorType.INT32;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> TensorType.BOOL;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> TensorType.BYTES;
            default -> null;
        };
    }

    /**
     * The protocol type an ONNX output of this element type is returned as (narrow integers widen to INT32,
     * half-precision floats to FP32), or {@code null} when the sidecar cannot return it.
     */
    public static TensorType outputType(TensorInfo.OnnxTensorType t) {
        return switch (t) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8, ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8,
                 ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16 -> TensorType.INT32;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16, ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16 -> TensorType.FP32;
            default -> inputType(t);
        };
    }

    /** The tensor info of a session input or output; fails for maps and sequences. */
    public static TensorInfo tensorInfo(NodeInfo node) {
        if (node.getInfo() instanceof TensorInfo info) {
            return info;
        }
        throw new IllegalArgumentException("'" + node.getName() + "' is not a tensor (" + node.getInfo() + ")");
    }

    /** The spec of a session input ({@code input=true}) or output, shape as ONNX declares it (-1: symbolic). */
    public static TensorSpec spec(NodeInfo node, boolean input) {
        TensorInfo info = tensorInfo(node);
        TensorType type = input ? inputType(info.onnxType) : outputType(info.onnxType);
        if (type == null) {
            throw new IllegalArgumentException((input ? "input" : "output") + " '" + node.getName()
                    + "' has ONNX element type " + info.onnxType + ", which the sidecar does not support");
        }
        long[] shape = info.getShape().clone();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                shape[i] = -1;
            }
        }
        return new TensorSpec(node.getName(), type, shape);
    }

    /**
     * Checks that a request tensor's data matches its declared type and shape; the message names the tensor, never
     * its contents.
     */
    public static void checkWellFormed(Tensor t) throws ModelException {
        if (t.shape() == null || t.data() == null || t.type() == null) {
            throw new ModelException("input '" + t.name() + "' has no shape, type or data", true);
        }
        for (long d : t.shape()) {
            if (d < 0) {
                throw new ModelException("input '" + t.name() + "' has a negative dimension in shape "
                        + Arrays.toString(t.shape()), true);
            }
        }
        Class<?> expected = switch (t.type()) {
            case BOOL -> boolean[].class;
            case INT32 -> int[].class;
            case INT64 -> long[].class;
            case FP32 -> float[].class;
            case FP64 -> double[].class;
            case BYTES -> byte[][].class;
        };
        if (t.data().getClass() != expected) {
            throw new ModelException("input '" + t.name() + "' is declared " + t.type() + " but carries "
                    + t.data().getClass().getSimpleName(), true);
        }
        long n = Array.getLength(t.data());
        if (n != t.elementCount()) {
            throw new ModelException("input '" + t.name() + "' has shape " + Arrays.toString(t.shape()) + " ("
                    + t.elementCount() + " elements) but " + n + " values", true);
        }
    }

    /** A new ONNX Runtime tensor holding {@code t}'s data (the caller closes it). */
    public static OnnxTensor toOnnx(OrtEnvironment env, Tensor t) throws OrtException, ModelException {
        long[] shape = t.shape();
        return switch (t.type()) {
            case FP32 -> OnnxTensor.createTensor(env, FloatBuffer.wrap((float[]) t.data()), shape);
            case FP64 -> OnnxTensor.createTensor(env, DoubleBuffer.wrap((double[]) t.data()), shape);
            case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap((long[]) t.data()), shape);
            case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap((int[]) t.data()), shape);
            case BOOL -> {
                boolean[] b = (boolean[]) t.data();
                ByteBuffer buf = ByteBuffer.allocateDirect(b.length).order(ByteOrder.nativeOrder());
                for (boolean v : b) {
                    buf.put((byte) (v ? 1 : 0));
                }
                buf.rewind();
                yield OnnxTensor.createTensor(env, buf, shape, OnnxJavaType.BOOL);
            }
            case BYTES -> {
                byte[][] raw = (byte[][]) t.data();
                String[] s = new String[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    s[i] = Utf8.decode(raw[i], t.name(), i);
                }
                yield OnnxTensor.createTensor(env, s, shape);
            }
        };
    }

    /** Copies an ONNX Runtime output into a {@link Tensor} named {@code name}. */
    public static Tensor fromOnnx(String name, OnnxValue value) throws OrtException {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new OrtException("output '" + name + "' is a " + value.getType() + ", not a tensor");
        }
        TensorInfo info = tensor.getInfo();
        long[] shape = info.getShape();
        int n = Math.toIntExact(info.getNumElements());
        switch (info.onnxType) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16,
                 ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16 -> {
                float[] a = new float[n];
                tensor.getFloatBuffer().get(a);
                return new Tensor(name, TensorType.FP32, shape, a);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> {
                double[] a = new double[n];
                tensor.getDoubleBuffer().get(a);
                return new Tensor(name, TensorType.FP64, shape, a);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> {
                long[] a = new long[n];
                tensor.getLongBuffer().get(a);
                return new Tensor(name, TensorType.INT64, shape, a);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> {
                int[] a = new int[n];
                tensor.getIntBuffer().get(a);
                return new Tensor(name, TensorType.INT32, shape, a);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16 -> {
                ShortBuffer b = tensor.getShortBuffer();
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = b.get(i);
                }
                return new Tensor(name, TensorType.INT32, shape, a);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8, ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8 -> {
                ByteBuffer b = tensor.getByteBuffer();
                boolean unsigned = info.onnxType == TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8;
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = unsigned ? Byte.toUnsignedInt(b.get(i)) : b.get(i);
                }
                return new Tensor(name, TensorType.INT32, shape, a);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> {
                ByteBuffer b = tensor.getByteBuffer();
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = b.get(i) != 0;
                }
                return new Tensor(name, TensorType.BOOL, shape, a);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> {
                List<String> flat = new ArrayList<>(n);
                flatten(tensor.getValue(), flat);
                byte[][] a = new byte[flat.size()][];
                for (int i = 0; i < a.length; i++) {
                    a[i] = flat.get(i).getBytes(StandardCharsets.UTF_8);
                }
                return new Tensor(name, TensorType.BYTES, shape, a);
            }
            default -> throw new OrtException("output '" + name + "' has ONNX element type " + info.onnxType
                    + ", which the sidecar does not support");
        }
    }

    private static void flatten(Object o, List<String> out) {
        if (o instanceof String s) {
            out.add(s);
        } else if (o != null && o.getClass().isArray()) {
            int len = Array.getLength(o);
            for (int i = 0; i < len; i++) {
                flatten(Array.get(o, i), out);
            }
        }
    }
}
