package io.linkrx.app.errors;

import io.linkrx.serde.WireFormatException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unreadable records (not Avro, unknown schema id, corrupt payload) go to the DLQ and the stream goes on.
 * A registry outage is not the record's fault: the thread fails and is replaced, so the record is read again
 * once the registry is back instead of being dead-lettered.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private final DeadLetters deadLetters = new DeadLetters();

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof WireFormatException wire && wire.retryable()) {
            LOG.error("Schema registry unavailable while reading {}-{}@{}; failing the thread so the record is retried",
                    record.topic(), record.partition(), record.offset());
            return Response.fail();
        }
        var failed = new DeadLetters.FailedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), record.headers());
        return Response.resume(List.of(deadLetters.deadLetter(failed, "deserialization", exception)));
    }
}
