package io.linkrx.app.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record a stage rejects (validation) or fails on goes to the DLQ of the topic it was read from, with its
 * original bytes, and the stream goes on with the next record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private final DeadLetters deadLetters = new DeadLetters();

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        var failed = new DeadLetters.FailedRecord(context.topic(), context.partition(), context.offset(), context.timestamp(),
                context.sourceRawKey(), context.sourceRawValue(), context.headers());
        return Response.resume(List.of(deadLetters.deadLetter(failed, "processor:" + context.processorNodeId(), exception)));
    }
}
