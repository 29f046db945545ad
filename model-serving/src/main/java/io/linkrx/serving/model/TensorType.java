package io.linkrx.serving.model;

import java.util.Locale;

/** Tensor element types, named as the Open Inference Protocol names them ("FP32", "BYTES", ...). */
public enum TensorType {
    BOOL, INT32, INT64, FP32, FP64, BYTES;

    /** The protocol's datatype string, e.g. "FP32". */
    public String protocolName() {
        return name();
    }

    public static TensorType fromProtocolName(String datatype) {
        try {
            return valueOf(datatype.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unsupported tensor datatype '" + datatype + "'");
        }
    }
}
