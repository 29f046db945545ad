package io.linkrx.serde;

import io.linkrx.registry.SchemaRegistryClient;
import io.linkrx.registry.SchemaRegistryClients;
import io.linkrx.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in the Confluent wire format, under the TopicNameStrategy subject
 * ({@code <topic>-key} / {@code <topic>-value}). Byte-for-byte what Confluent's KafkaAvroSerializer writes.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    public AvroSerializer() {}

    /** For direct use: the registry is given, not configured. */
    public AvroSerializer(SchemaRegistryClient registry, AvroSerdeConfig config, boolean isKey) {
        this.registry = registry;
        this.config = config;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SchemaRegistryClients.fromConfig(configs);
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        Schema schema = value.getSchema();
        int id = ids.computeIfAbsent(new SubjectSchema(Subjects.topicName(topic, isKey), schema), this::schemaId);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ByteBuffer header = ByteBuffer.allocate(ConfluentWireFormat.HEADER_SIZE);
        ConfluentWireFormat.writeHeader(header, id);
        out.writeBytes(header.array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writers.computeIfAbsent(schema, s -> writerFor(value, s)).write(value, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException(WireFormatException.Code.MALFORMED_AVRO,
                    "Cannot encode a " + schema.getFullName() + " for topic " + topic + ": " + e.getClass().getSimpleName(), e);
        }
        return out.toByteArray();
    }

    private int schemaId(SubjectSchema key) {
        try {
            if (config.autoRegisterSchemas()) {
                return registry.register(key.subject(), key.schema());
            }
            if (config.useLatestVersion()) {
                return registry.latest(key.subject()).id();
            }
            return registry.lookup(key.subject(), key.schema());
        } catch (SchemaRegistryException e) {
            if (e.notFound()) {
                throw new WireFormatException(WireFormatException.Code.SCHEMA_NOT_REGISTERED, "Schema "
                        + key.schema().getFullName() + " is not registered under subject '" + key.subject()
                        + "' and auto.register.schemas is false: register it first (see README, 'Schemas')", e);
            }
            throw new WireFormatException(e.retryable() ? WireFormatException.Code.REGISTRY_UNAVAILABLE
                    : WireFormatException.Code.SCHEMA_NOT_REGISTERED, "Schema registry refused subject '" + key.subject()
                    + "': " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(GenericContainer value, Schema schema) {
        if (value instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
        }
        return new GenericDatumWriter<>(schema);
    }

    private record SubjectSchema(String subject, Schema schema) {}
}
