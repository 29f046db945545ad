package io.linkrx.app.rx;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link PatientDrugs} in the state store and its changelog as small JSON:
 * {@code {"v":1,"drugs":{"DB00331":1759479300000}}} (drug → event time of the last PRESENT mention, epoch ms).
 * JSON rather than Avro: the value never leaves linkrx, and an operator can read the changelog as it is.
 */
public final class PatientDrugsSerde implements Serde<PatientDrugs> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    record Json(int v, Map<String, Long> drugs) {}

    @Override
    public Serializer<PatientDrugs> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return JSON.writeValueAsBytes(new Json(VERSION, new TreeMap<>(value.lastSeen())));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write patient drugs", e);
            }
        };
    }

    @Override
    public Deserializer<PatientDrugs> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                Json json = JSON.readValue(bytes, new TypeReference<Json>() {});
                if (json.v() != VERSION) {
                    throw new SerializationException("Unknown patient-drugs format version " + json.v());
                }
                return new PatientDrugs(json.drugs() == null ? Map.of() : json.drugs());
            } catch (IOException e) {
                throw new SerializationException("Unreadable patient-drugs value", e);
            }
        };
    }
}
