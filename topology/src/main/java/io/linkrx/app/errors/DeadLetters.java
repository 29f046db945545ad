package io.linkrx.app.errors;

import io.linkrx.app.topics.Topics;
import io.linkrx.error.InvalidRecordException;
import io.linkrx.schema.DeadLetter;
import io.linkrx.schema.DeadLetterHeader;
import io.linkrx.serde.AvroSerializer;
import io.linkrx.serde.WireFormatException;
import io.micrometer.core.instrument.Metrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed record into a {@link DeadLetter} on {@code <topic>.dlq.v1}: original key, value and headers
 * unchanged, plus stage, code and a reason. Reasons come only from exceptions whose messages are known to be
 * free of record contents; for anything else only the exception class is kept, because notes are PHI.
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    public static final String CODE_HEADER = "linkrx.dlq.code";
    public static final String STAGE_HEADER = "linkrx.dlq.stage";

    private final AvroSerializer<DeadLetter> serializer = new AvroSerializer<>();
    private String applicationId = "";

    /** Reads the registry settings and application id from the Streams configuration the handler receives. */
    public void configure(Map<String, ?> configs) {
        serializer.configure(configs, false);
        Object appId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        applicationId = appId == null ? "" : appId.toString();
    }

    /** The record that was read from {@code topic} and failed, as a DLQ record. */
    public ProducerRecord<byte[], byte[]> deadLetter(FailedRecord failed, String stage, Exception exception) {
        String code = codeOf(exception);
        String reason = reasonOf(exception);
        String dlqTopic = Topics.deadLetterTopicOf(failed.topic());
        DeadLetter letter = DeadLetter.newBuilder()
                .setOriginalTopic(failed.topic())
                .setOriginalPartition(failed.partition())
                .setOriginalOffset(failed.offset())
                .setOriginalTimestamp(failed.timestamp())
                .setOriginalKey(wrap(failed.key()))
                .setOriginalValue(wrap(failed.value()))
                .setOriginalHeaders(headersOf(failed.headers()))
                .setStage(stage)
                .setErrorCode(code)
                .setReason(reason)
                .setExceptionClass(exception == null ? null : exception.getClass().getName())
                .setApplicationId(applicationId)
                .setFailedAt(Instant.now())
                .build();
        Headers headers = new RecordHeaders()
                .add(CODE_HEADER, code.getBytes(StandardCharsets.UTF_8))
                .add(STAGE_HEADER, stage.getBytes(StandardCharsets.UTF_8));
        Metrics.counter("linkrx.dlq.records", "topic", failed.topic(), "stage", stage, "code", code).increment();
        LOG.warn("Dead-lettered record {}-{}@{} at stage {}: {} ({})", failed.topic(), failed.partition(), failed.offset(),
                stage, code, reason);
        return new ProducerRecord<>(dlqTopic, null, failed.key(), serializer.serialize(dlqTopic, letter), headers);
    }

    static String codeOf(Exception e) {
        if (e instanceof InvalidRecordException invalid) {
            return invalid.code();
        }
        if (e instanceof WireFormatException wire) {
            return wire.code().name();
        }
        return e == null ? "UNKNOWN" : "UNEXPECTED_" + e.getClass().getSimpleName();
    }

    static String reasonOf(Exception e) {
        if (e instanceof InvalidRecordException || e instanceof WireFormatException) {
            return e.getMessage();
        }
        // Messages of other exceptions may quote the data that broke them, so they are not kept.
        return e == null ? "unknown failure" : "Unexpected " + e.getClass().getName() + " (message withheld: may contain PHI)";
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }

    private static List<DeadLetterHeader> headersOf(Headers headers) {
        List<DeadLetterHeader> out = new ArrayList<>();
        if (headers != null) {
            for (Header h : headers) {
                out.add(new DeadLetterHeader(h.key(), wrap(h.value())));
            }
        }
        return out;
    }

    /** Where the failed record came from and its original bytes. */
    public record FailedRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, Headers headers) {}
}
