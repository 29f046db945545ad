package io.linkrx.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary
 * encoding of the value.
 */
public final class ConfluentWireFormat {
    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {}

    /** Reads and validates the header, leaving the buffer positioned at the Avro payload. */
    public static int readSchemaId(ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_SIZE) {
            throw new WireFormatException(WireFormatException.Code.TOO_SHORT,
                    "Value of " + buffer.remaining() + " bytes is shorter than the 5-byte Confluent wire-format header");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new WireFormatException(WireFormatException.Code.UNKNOWN_MAGIC_BYTE,
                    String.format("Unknown magic byte 0x%02x (expected 0x00: Confluent wire format)", magic));
        }
        return buffer.getInt();
    }

    /** Writes the header for the schema id. */
    public static void writeHeader(ByteBuffer buffer, int schemaId) {
        buffer.put(MAGIC_BYTE).putInt(schemaId);
    }
}
