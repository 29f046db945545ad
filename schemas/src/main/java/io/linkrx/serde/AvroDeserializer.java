package io.linkrx.serde;

import io.linkrx.registry.SchemaRegistryClient;
import io.linkrx.registry.SchemaRegistryClients;
import io.linkrx.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro. The writer schema comes from the registry by the id in the header; the
 * reader schema is the generated class's schema (specific) or the writer's own (generic), so a consumer built
 * against an older schema reads records written with a newer compatible one.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
    private final Schema readerSchema;
    private SchemaRegistryClient registry;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** Generic records, read with the writer's schema. */
    public AvroDeserializer() {
        this(null, null);
    }

    /** @param readerSchema the schema to resolve into (a generated class's schema reads SpecificRecords), or null for generic */
    public AvroDeserializer(Schema readerSchema, SchemaRegistryClient registry) {
        this.readerSchema = readerSchema;
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SchemaRegistryClients.fromConfig(configs);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = ConfluentWireFormat.readSchemaId(buffer);
        DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, buffer.position(), buffer.remaining(), null);
        try {
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new WireFormatException(WireFormatException.Code.MALFORMED_AVRO,
                        "Trailing bytes after the Avro record with schema id " + id + " on topic " + topic);
            }
            return value;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new WireFormatException(WireFormatException.Code.MALFORMED_AVRO,
                    "Corrupt Avro payload with schema id " + id + " on topic " + topic + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.notFound()) {
                throw new WireFormatException(WireFormatException.Code.UNKNOWN_SCHEMA_ID,
                        "Schema id " + id + " is not known to the schema registry", e);
            }
            throw new WireFormatException(WireFormatException.Code.REGISTRY_UNAVAILABLE,
                    "Cannot fetch schema id " + id + " from the schema registry: " + e.getMessage(), e);
        }
        if (readerSchema == null) {
            return new GenericDatumReader<>(writer);
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new WireFormatException(WireFormatException.Code.INCOMPATIBLE_SCHEMA, "Writer schema id " + id
                    + " cannot be read as " + readerSchema.getFullName() + ": " + compatibility.getDescription());
        }
        return new SpecificDatumReader<>(writer, readerSchema, SpecificData.getForSchema(readerSchema));
    }
}
