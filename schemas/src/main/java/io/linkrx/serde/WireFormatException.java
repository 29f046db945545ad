package io.linkrx.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record whose bytes cannot be turned into (or from) a value. {@link #code()} is a stable code for dead-letter
 * records and metrics; messages never contain record contents.
 */
public class WireFormatException extends SerializationException {
    /** Stable reasons, used as DLQ error codes and metric tags. */
    public enum Code {
        /** The value is shorter than the 5-byte header. */
        TOO_SHORT,
        /** The first byte is not the Confluent magic byte 0. */
        UNKNOWN_MAGIC_BYTE,
        /** The registry does not know the schema id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The writer schema cannot be read with the reader schema. */
        INCOMPATIBLE_SCHEMA,
        /** The Avro payload is corrupt or does not match its schema. */
        MALFORMED_AVRO,
        /** The schema to write with is not registered and auto-registration is off. */
        SCHEMA_NOT_REGISTERED,
        /** The registry could not be reached; retrying later may succeed. */
        REGISTRY_UNAVAILABLE
    }

    private final Code code;

    public WireFormatException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public WireFormatException(Code code, String message) {
        this(code, message, null);
    }

    public Code code() {
        return code;
    }

    /** Transient failures must not dead-letter a good record: the caller should retry instead. */
    public boolean retryable() {
        return code == Code.REGISTRY_UNAVAILABLE;
    }
}
