package io.linkrx.app.teacher;

import io.linkrx.schema.TeacherLabelingRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A teacher request waiting for budget.
 *
 * @param key        the record key to send it with (the patient id)
 * @param enqueuedAt wall-clock time it started waiting, epoch ms (it expires a dedupe TTL later)
 * @param subtree    MeSH subtree of the student's top candidate
 * @param request    the request
 */
record PendingRequest(String key, long enqueuedAt, String subtree, TeacherLabelingRequest request) {
    private static final byte VERSION = 1;

    PendingRequest {
        Objects.requireNonNull(subtree, "subtree");
        Objects.requireNonNull(request, "request");
    }

    /** Store format: version, enqueue time, key (empty for none), subtree, request in single-object encoding. */
    static final class StoreSerde implements Serde<PendingRequest> {
        @Override
        public Serializer<PendingRequest> serializer() {
            return (topic, p) -> {
                if (p == null) {
                    return null;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeByte(VERSION);
                    out.writeLong(p.enqueuedAt());
                    out.writeBoolean(p.key() != null);
                    out.writeUTF(p.key() == null ? "" : p.key());
                    out.writeUTF(p.subtree());
                    out.write(TeacherRequestSerde.encode(p.request()));
                } catch (IOException e) {
                    throw new SerializationException("Cannot encode a pending teacher request", e);
                }
                return bytes.toByteArray();
            };
        }

        @Override
        public Deserializer<PendingRequest> deserializer() {
            return (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                    byte version = in.readByte();
                    if (version != VERSION) {
                        throw new SerializationException("Unknown pending-request format version " + version);
                    }
                    long enqueuedAt = in.readLong();
                    boolean hasKey = in.readBoolean();
                    String key = in.readUTF();
                    String subtree = in.readUTF();
                    return new PendingRequest(hasKey ? key : null, enqueuedAt, subtree,
                            TeacherRequestSerde.decode(in.readAllBytes()));
                } catch (IOException e) {
                    throw new SerializationException("Unreadable pending teacher request", e);
                }
            };
        }
    }
}
