package io.linkrx.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka Streams serde for a generated Avro class in the Confluent wire format. */
public final class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final Class<T> type;
    private final AvroSerializer<T> serializer = new AvroSerializer<>();
    private AvroDeserializer<T> deserializer;

    public SpecificAvroSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer = new AvroDeserializer<>(SpecificData.get().getSchema(type), null);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        if (deserializer == null) {
            throw new IllegalStateException("configure() the serde of " + type.getSimpleName() + " before use");
        }
        return deserializer;
    }
}
