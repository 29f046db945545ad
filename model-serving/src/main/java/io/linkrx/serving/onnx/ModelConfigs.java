package io.linkrx.serving.onnx;

import io.linkrx.serving.config.DataType;
import io.linkrx.serving.model.TensorType;

/** Mapping between Triton's config data types and the protocol's tensor types. */
public final class ModelConfigs {
    private ModelConfigs() {}

    public static TensorType tensorType(DataType t) {
        return switch (t) {
            case TYPE_BOOL -> TensorType.BOOL;
            case TYPE_INT32 -> TensorType.INT32;
            case TYPE_INT64 -> TensorType.INT64;
            case TYPE_FP32 -> TensorType.FP32;
            case TYPE_FP64 -> TensorType.FP64;
            case TYPE_STRING -> TensorType.BYTES;
            default -> throw new IllegalArgumentException("config data_type " + t + " is not supported by the sidecar"
                    + " (BOOL, INT32, INT64, FP32, FP64, STRING are)");
        };
    }

    public static DataType dataType(TensorType t) {
        return switch (t) {
            case BOOL -> DataType.TYPE_BOOL;
            case INT32 -> DataType.TYPE_INT32;
            case INT64 -> DataType.TYPE_INT64;
            case FP32 -> DataType.TYPE_FP32;
            case FP64 -> DataType.TYPE_FP64;
            case BYTES -> DataType.TYPE_STRING;
        };
    }
}
