package io.linkrx.serving.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorType;
import io.linkrx.serving.oip.InferTensorContents;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Open Inference Protocol tensors to and from {@link Tensor}s. Inputs come either all in
 * {@code raw_input_contents} (little-endian; each BYTES element prefixed by its 4-byte little-endian length, as
 * Triton writes them) or all as typed {@code contents}; answers use the same form the request used. Errors name
 * the tensor and its shape, never its contents (they may be patient text).
 */
public final class TensorCodec {
    private static final int MAX_NAME = 128;

    private TensorCodec() {}

    /** @param raw whether the request used {@code raw_input_contents} */
    public record DecodedInputs(List<Tensor> tensors, boolean raw) {}

    public static DecodedInputs decodeInputs(ModelInferRequest request) throws InvalidRequestException {
        int n = request.getInputsCount();
        if (n == 0) {
            throw new InvalidRequestException("request has no inputs");
        }
        boolean raw = request.getRawInputContentsCount() > 0;
        if (raw && request.getRawInputContentsCount() != n) {
            throw new InvalidRequestException("request has " + n + " inputs but " + request.getRawInputContentsCount()
                    + " raw_input_contents entries (one per input, in the same order)");
        }
        List<Tensor> tensors = new ArrayList<>(n);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ModelInferRequest.InferInputTensor in = request.getInputs(i);
            String name = in.getName();
            if (!names.add(name)) {
                throw new InvalidRequestException("input '" + safe(name) + "' appears twice");
            }
            TensorType type = type(name, in.getDatatype());
            long[] shape = in.getShapeList().stream().mapToLong(Long::longValue).toArray();
            int count = elementCount(name, shape);
            if (raw) {
                if (hasTypedContents(in.getContents())) {
                    throw new InvalidRequestException("input '" + safe(name)
                            + "' has typed contents although the request uses raw_input_contents; use one form for all inputs");
                }
                tensors.add(decodeRaw(name, type, shape, count, request.getRawInputContents(i)));
            } else {
                tensors.add(decodeTyped(name, type, shape, count, in.getContents()));
            }
        }
        return new DecodedInputs(tensors, raw);
    }

    static TensorType type(String name, String datatype) throws InvalidRequestException {
        try {
            return TensorType.fromProtocolName(datatype);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("input '" + safe(name) + "' has unsupported datatype '" + safe(datatype)
                    + "' (supported: " + Arrays.toString(TensorType.values()) + ")");
        }
    }

    static int elementCount(String name, long[] shape) throws InvalidRequestException {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new InvalidRequestException("input '" + safe(name) + "' has shape " + Arrays.toString(shape)
                        + " with a negative dimension");
            }
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                count = Long.MAX_VALUE;
            }
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new InvalidRequestException("input '" + safe(name) + "' has shape " + Arrays.toString(shape) + ": too many elements");
        }
        return (int) count;
    }

    // ------------------------------------------------------------------ raw

    public static Tensor decodeRaw(String name, TensorType type, long[] shape, int count, ByteString raw) throws InvalidRequestException {
        ByteBuffer buf = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (type == TensorType.BYTES) {
            return new Tensor(name, type, shape, decodeRawBytes(name, shape, count, buf));
        }
        int width = width(type);
        if (raw.size() != (long) count * width) {
            throw new InvalidRequestException("input '" + safe(name) + "': shape " + Arrays.toString(shape) + " of " + type
                    + " needs " + ((long) count * width) + " bytes of raw contents but " + raw.size() + " were sent");
        }
        Object data = switch (type) {
            case BOOL -> {
                boolean[] a = new boolean[count];
                for (int i = 0; i < count; i++) {
                    a[i] = buf.get() != 0;
                }
                yield a;
            }
            case INT32 -> {
                int[] a = new int[count];
                buf.asIntBuffer().get(a);
                yield a;
            }
            case INT64 -> {
                long[] a = new long[count];
                buf.asLongBuffer().get(a);
                yield a;
            }
            case FP32 -> {
                float[] a = new float[count];
                buf.asFloatBuffer().get(a);
                yield a;
            }
            case FP64 -> {
                double[] a = new double[count];
                buf.asDoubleBuffer().get(a);
                yield a;
            }
            case BYTES -> throw new IllegalStateException();
        };
        return new Tensor(name, type, shape, data);
    }

    private static byte[][] decodeRawBytes(String name, long[] shape, int count, ByteBuffer buf) throws InvalidRequestException {
        byte[][] out = new byte[count][];
        try {
            for (int i = 0; i < count; i++) {
                int len = buf.getInt();
                if (len < 0 || len > buf.remaining()) {
                    throw new InvalidRequestException("input '" + safe(name) + "': BYTES element " + i + " declares length "
                            + Integer.toUnsignedString(len) + " but only " + buf.remaining() + " bytes follow");
                }
                out[i] = new byte[len];
                buf.get(out[i]);
            }
        } catch (BufferUnderflowException e) {
            throw new InvalidRequestException("input '" + safe(name) + "': shape " + Arrays.toString(shape) + " needs " + count
                    + " length-prefixed BYTES elements but the raw contents end early");
        }
        if (buf.hasRemaining()) {
            throw new InvalidRequestException("input '" + safe(name) + "': shape " + Arrays.toString(shape) + " needs " + count
                    + " length-prefixed BYTES elements but " + buf.remaining() + " bytes are left over");
        }
        return out;
    }

    /** Little-endian raw form of a tensor; BYTES elements each get a 4-byte little-endian length prefix. */
    public static ByteString toRaw(Tensor t) {
        int count = Math.toIntExact(t.elementCount());
        if (t.type() == TensorType.BYTES) {
            byte[][] data = (byte[][]) t.data();
            long total = 0;
            for (byte[] e : data) {
                total += 4 + e.length;
            }
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
            for (byte[] e : data) {
                buf.putInt(e.length).put(e);
            }
            return UnsafeByteOperations.unsafeWrap(buf.array());
        }
        ByteBuffer buf = ByteBuffer.allocate(count * width(t.type())).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.type()) {
            case BOOL -> {
                for (boolean b : (boolean[]) t.data()) {
                    buf.put((byte) (b ? 1 : 0));
                }
            }
            case INT32 -> buf.asIntBuffer().put((int[]) t.data());
            case INT64 -> buf.asLongBuffer().put((long[]) t.data());
            case FP32 -> buf.asFloatBuffer().put((float[]) t.data());
            case FP64 -> buf.asDoubleBuffer().put((double[]) t.data());
            case BYTES -> throw new IllegalStateException();
        }
        return UnsafeByteOperations.unsafeWrap(buf.array());
    }

    private static int width(TensorType type) {
        return switch (type) {
            case BOOL -> 1;
            case INT32, FP32 -> 4;
            case INT64, FP64 -> 8;
            case BYTES -> throw new IllegalArgumentException("BYTES has no fixed width");
        };
    }

    // ------------------------------------------------------------------ typed

    public static Tensor decodeTyped(String name, TensorType type, long[] shape, int count, InferTensorContents c)
            throws InvalidRequestException {
        int sent = switch (type) {
            case BOOL -> c.getBoolContentsCount();
            case INT32 -> c.getIntContentsCount();
            case INT64 -> c.getInt64ContentsCount();
            case FP32 -> c.getFp32ContentsCount();
            case FP64 -> c.getFp64ContentsCount();
            case BYTES -> c.getBytesContentsCount();
        };
        if (sent != count) {
            throw new InvalidRequestException("input '" + safe(name) + "': shape " + Arrays.toString(shape) + " holds " + count
                    + " elements but " + sent + " " + type + " contents were sent");
        }
        Object data = switch (type) {
            case BOOL -> {
                boolean[] a = new boolean[count];
                for (int i = 0; i < count; i++) {
                    a[i] = c.getBoolContents(i);
                }
                yield a;
            }
            case INT32 -> {
                int[] a = new int[count];
                for (int i = 0; i < count; i++) {
                    a[i] = c.getIntContents(i);
                }
                yield a;
            }
            case INT64 -> {
                long[] a = new long[count];
                for (int i = 0; i < count; i++) {
                    a[i] = c.getInt64Contents(i);
                }
                yield a;
            }
            case FP32 -> {
                float[] a = new float[count];
                for (int i = 0; i < count; i++) {
                    a[i] = c.getFp32Contents(i);
                }
                yield a;
            }
            case FP64 -> {
                double[] a = new double[count];
                for (int i = 0; i < count; i++) {
                    a[i] = c.getFp64Contents(i);
                }
                yield a;
            }
            case BYTES -> {
                byte[][] a = new byte[count][];
                for (int i = 0; i < count; i++) {
                    a[i] = c.getBytesContents(i).toByteArray();
                }
                yield a;
            }
        };
        return new Tensor(name, type, shape, data);
    }

    public static InferTensorContents toContents(Tensor t) {
        InferTensorContents.Builder b = InferTensorContents.newBuilder();
        switch (t.type()) {
            case BOOL -> {
                for (boolean v : (boolean[]) t.data()) {
                    b.addBoolContents(v);
                }
            }
            case INT32 -> {
                for (int v : (int[]) t.data()) {
                    b.addIntContents(v);
                }
            }
            case INT64 -> {
                for (long v : (long[]) t.data()) {
                    b.addInt64Contents(v);
                }
            }
            case FP32 -> {
                for (float v : (float[]) t.data()) {
                    b.addFp32Contents(v);
                }
            }
            case FP64 -> {
                for (double v : (double[]) t.data()) {
                    b.addFp64Contents(v);
                }
            }
            case BYTES -> {
                for (byte[] v : (byte[][]) t.data()) {
                    b.addBytesContents(UnsafeByteOperations.unsafeWrap(v));
                }
            }
        }
        return b.build();
    }

    private static boolean hasTypedContents(InferTensorContents c) {
        return c.getBoolContentsCount() + c.getIntContentsCount() + c.getInt64ContentsCount() + c.getUintContentsCount()
                + c.getUint64ContentsCount() + c.getFp32ContentsCount() + c.getFp64ContentsCount() + c.getBytesContentsCount() > 0;
    }

    // ------------------------------------------------------------------ responses

    /** Adds the outputs to a response, raw when the request was raw, typed otherwise. */
    public static void encodeOutputs(ModelInferResponse.Builder response, List<Tensor> outputs, boolean raw) {
        for (Tensor t : outputs) {
            ModelInferResponse.InferOutputTensor.Builder out = ModelInferResponse.InferOutputTensor.newBuilder()
                    .setName(t.name())
                    .setDatatype(t.type().protocolName());
            for (long d : t.shape()) {
                out.addShape(d);
            }
            if (raw) {
                response.addRawOutputContents(toRaw(t));
            } else {
                out.setContents(toContents(t));
            }
            response.addOutputs(out);
        }
    }

    static String safe(String clientText) {
        return clientText.length() <= MAX_NAME ? clientText : clientText.substring(0, MAX_NAME) + "...";
    }
}
