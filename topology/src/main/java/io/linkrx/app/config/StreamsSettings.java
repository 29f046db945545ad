package io.linkrx.app.config;

import io.linkrx.app.errors.DeadLetterDeserializationHandler;
import io.linkrx.app.errors.DeadLetterProcessingHandler;
import io.linkrx.app.errors.DeadLetterProductionHandler;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams properties for linkrx: exactly-once, DLQ handlers, and the pass-through client settings. */
public final class StreamsSettings {
    private StreamsSettings() {}

    public static Properties from(LinkrxConfig config) {
        Properties props = new Properties();
        // registry settings first: the DLQ handlers read them from the Streams configuration they receive
        props.putAll(config.serdeConfig());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(Setting.APPLICATION_ID));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(Setting.BOOTSTRAP_SERVERS));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(Setting.STREAM_THREADS));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getInt(Setting.COMMIT_INTERVAL_MS));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(Setting.TOPICS_REPLICATION_FACTOR));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(config));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.put("processing.exception.handler.global.enabled", true); // the default from Kafka 5.0 on
        props.putAll(config.withPrefix(Setting.KAFKA_PASSTHROUGH));
        return props;
    }

    private static String stateDir(LinkrxConfig config) {
        String dir = config.get(Setting.STATE_DIR);
        return dir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "linkrx-streams").toString() : dir;
    }
}
