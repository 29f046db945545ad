package io.linkrx.serving.model;

import java.util.Arrays;

/**
 * A named tensor: row-major flattened data with its shape. {@code data} is a {@code boolean[]}, {@code int[]},
 * {@code long[]}, {@code float[]}, {@code double[]} or, for BYTES, a {@code byte[][]} (one array per element).
 */
public record Tensor(String name, TensorType type, long[] shape, Object data) {

    public long elementCount() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    public static Tensor fp32(String name, long[] shape, float[] data) {
        return new Tensor(name, TensorType.FP32, shape, data);
    }

    public static Tensor int64(String name, long[] shape, long[] data) {
        return new Tensor(name, TensorType.INT64, shape, data);
    }

    public static Tensor bytes(String name, long[] shape, byte[][] data) {
        return new Tensor(name, TensorType.BYTES, shape, data);
    }
}
