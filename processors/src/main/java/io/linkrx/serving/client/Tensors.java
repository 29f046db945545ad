package io.linkrx.serving.client;

import com.google.protobuf.ByteString;
import io.linkrx.serving.oip.ModelInferResponse;
import io.linkrx.serving.oip.ModelInferResponse.InferOutputTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Tensor encodings of the Open Inference Protocol: BYTES elements as a 4-byte little-endian length followed by
 * the bytes, numbers little-endian row-major. Errors name shapes and types only, never contents.
 */
public final class Tensors {
    private Tensors() {
    }

    /** UTF-8 strings as one raw BYTES tensor (for {@code raw_input_contents}). */
    public static ByteString bytesTensor(List<String> texts) {
        byte[][] encoded = new byte[texts.size()][];
        int size = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
            size += 4 + encoded[i].length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] element : encoded) {
            buffer.putInt(element.length).put(element);
        }
        return ByteString.copyFrom(buffer.flip());
    }

    /**
     * The FP32 output {@code name} of shape [rows, width] as rows, from {@code raw_output_contents} when the
     * server used it (Triton does) or from the typed {@code fp32_contents} otherwise.
     *
     * @throws IllegalArgumentException when the output is missing or has another type or shape
     */
    public static float[][] fp32Matrix(ModelInferResponse response, String name, int rows) {
        int index = outputIndex(response, name);
        InferOutputTensor output = response.getOutputs(index);
        if (!"FP32".equals(output.getDatatype())) {
            throw new IllegalArgumentException("output " + name + " is " + output.getDatatype() + ", expected FP32");
        }
        if (output.getShapeCount() != 2 || output.getShape(0) != rows || output.getShape(1) < 1
                || output.getShape(1) > Integer.MAX_VALUE / Math.max(rows, 1)) {
            throw new IllegalArgumentException("output " + name + " has shape " + output.getShapeList() + ", expected [" + rows + ", H]");
        }
        int width = (int) output.getShape(1);
        float[] flat = floats(response, index, name, rows * width);
        float[][] matrix = new float[rows][];
        for (int r = 0; r < rows; r++) {
            matrix[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return matrix;
    }

    /** Little-endian INT32 values as one raw tensor (for {@code raw_input_contents}). */
    public static ByteString int32Tensor(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return ByteString.copyFrom(buffer);
    }

    /**
     * The FP32 output {@code name} of shape [rows, columns, width], as [rows][columns][width].
     *
     * @throws IllegalArgumentException when the output is missing or has another type or shape
     */
    public static float[][][] fp32Cube(ModelInferResponse response, String name, int rows, int columns) {
        int index = outputIndex(response, name);
        InferOutputTensor output = response.getOutputs(index);
        if (!"FP32".equals(output.getDatatype())) {
            throw new IllegalArgumentException("output " + name + " is " + output.getDatatype() + ", expected FP32");
        }
        if (output.getShapeCount() != 3 || output.getShape(0) != rows || output.getShape(1) != columns
                || output.getShape(2) < 1 || output.getShape(2) > Integer.MAX_VALUE / Math.max(1L, (long) rows * columns)) {
            throw new IllegalArgumentException("output " + name + " has shape " + output.getShapeList() + ", expected ["
                    + rows + ", " + columns + ", H]");
        }
        int width = (int) output.getShape(2);
        float[] flat = floats(response, index, name, rows * columns * width);
        float[][][] cube = new float[rows][columns][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int from = (r * columns + c) * width;
                cube[r][c] = Arrays.copyOfRange(flat, from, from + width);
            }
        }
        return cube;
    }

    private static float[] floats(ModelInferResponse response, int index, String name, int count) {
        return response.getRawOutputContentsCount() > 0 ? rawFloats(response, index, name, count)
                : typedFloats(response.getOutputs(index), name, count);
    }

    private static int outputIndex(ModelInferResponse response, String name) {
        for (int i = 0; i < response.getOutputsCount(); i++) {
            if (name.equals(response.getOutputs(i).getName())) {
                return i;
            }
        }
        throw new IllegalArgumentException("output " + name + " is missing");
    }

    private static float[] rawFloats(ModelInferResponse response, int index, String name, int count) {
        if (index >= response.getRawOutputContentsCount()) {
            throw new IllegalArgumentException("raw contents of output " + name + " are missing");
        }
        ByteString raw = response.getRawOutputContents(index);
        if (raw.size() != (long) count * Float.BYTES) {
            throw new IllegalArgumentException("output " + name + " has " + raw.size() + " raw bytes, expected " + (long) count * Float.BYTES);
        }
        FloatBuffer floats = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] out = new float[count];
        floats.get(out);
        return out;
    }

    private static float[] typedFloats(InferOutputTensor output, String name, int count) {
        if (output.getContents().getFp32ContentsCount() != count) {
            throw new IllegalArgumentException("output " + name + " has " + output.getContents().getFp32ContentsCount()
                    + " FP32 values, expected " + count);
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = output.getContents().getFp32Contents(i);
        }
        return out;
    }
}
