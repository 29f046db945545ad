package io.linkrx.app.errors;

import io.linkrx.serde.WireFormatException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output that cannot be written because of the record itself (too large, not encodable) dead-letters the
 * source record. A problem of the deployment (schema not registered, registry down) fails instead: dead-lettering
 * every record until someone notices would be worse than stopping with a clear error.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private final DeadLetters deadLetters = new DeadLetters();

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            return Response.resume(List.of(deadLetter(context, "produce:" + record.topic(), exception)));
        }
        LOG.error("Cannot write to {}: {}", record.topic(), exception.getClass().getName());
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (exception instanceof WireFormatException wire && wire.code() == WireFormatException.Code.MALFORMED_AVRO) {
            return Response.resume(List.of(deadLetter(context, "serialize:" + record.topic(), exception)));
        }
        LOG.error("Cannot serialize output for {}: {}", record.topic(), DeadLetters.reasonOf(exception));
        return Response.fail();
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, String stage, Exception exception) {
        var failed = new DeadLetters.FailedRecord(context.topic(), context.partition(), context.offset(), context.timestamp(),
                context.sourceRawKey(), context.sourceRawValue(), context.headers());
        return deadLetters.deadLetter(failed, stage, exception);
    }
}
