package io.linkrx.app.teacher;

import io.linkrx.schema.TeacherLabelingRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Teacher requests inside the application (the gate's repartition topic and pending store) in Avro's single-object
 * encoding: a schema fingerprint and the binary record. No schema registry: these bytes never leave linkrx, and a
 * registry with auto-registration off would refuse subjects for internal topics.
 */
public final class TeacherRequestSerde implements Serde<TeacherLabelingRequest> {
    @Override
    public Serializer<TeacherLabelingRequest> serializer() {
        return (topic, request) -> request == null ? null : encode(request);
    }

    @Override
    public Deserializer<TeacherLabelingRequest> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(TeacherLabelingRequest request) {
        try {
            ByteBuffer buffer = TeacherLabelingRequest.getEncoder().encode(request);
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (IOException e) {
            throw new SerializationException("Cannot encode a teacher request", e);
        }
    }

    static TeacherLabelingRequest decode(byte[] bytes) {
        try {
            return TeacherLabelingRequest.getDecoder().decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Unreadable teacher request (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
