package io.linkrx.serving.repository;

import io.linkrx.schema.ModelEvent;
import io.linkrx.serde.AvroDeserializer;
import io.linkrx.serde.WireFormatException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code mlops.model-events.v1}: PROMOTED pins the event's {@code modelVersion}, ROLLED_BACK pins its
 * {@code previousVersion}; other event types are for other readers. Every sidecar replica must act on every
 * event, so it reads all partitions without a consumer group: at start it replays the topic and applies only
 * the last pin per model (the current MLOps decision), then applies new events as they come. A pin whose version
 * directory has not arrived yet waits until it does.
 */
public final class ModelEventsFollower implements AutoCloseable {
    public static final String PROMOTED = "PROMOTED";
    public static final String ROLLED_BACK = "ROLLED_BACK";
    private static final Logger LOG = LoggerFactory.getLogger(ModelEventsFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long RETRY_MS = 2_000;

    private final ModelRepository repository;
    private final Consumer<String, ModelEvent> consumer;
    private final String topic;
    private final Thread thread;
    /** Pins waiting for their version directory, by model. */
    private final Map<String, String> pending = new LinkedHashMap<>();
    private volatile boolean running = true;
    private volatile boolean caughtUp;

    /** A pin an event asks for. */
    record Pin(String model, String version) {}

    public ModelEventsFollower(ModelRepository repository, Consumer<String, ModelEvent> consumer, String topic) {
        this.repository = repository;
        this.consumer = consumer;
        this.topic = topic;
        this.thread = new Thread(this::run, "linkrx-model-events");
        this.thread.setDaemon(true);
    }

    /**
     * @param kafka    consumer settings ({@code bootstrap.servers}, security, ...)
     * @param registry registry settings under Confluent's keys ({@code schema.registry.url}, ...)
     */
    public static ModelEventsFollower create(ModelRepository repository, String topic, Map<String, Object> kafka, Map<String, Object> registry) {
        Properties props = new Properties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "linkrx-sidecar-model-events");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putAll(kafka);
        AvroDeserializer<ModelEvent> values = new AvroDeserializer<>(ModelEvent.getClassSchema(), null);
        values.configure(registry, false);
        return new ModelEventsFollower(repository, new KafkaConsumer<>(props, new StringDeserializer(), values), topic);
    }

    public void start() {
        thread.start();
    }

    /** Replayed the topic up to where it ended at start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** What an event asks the sidecar to do, if anything. */
    static Optional<Pin> pinFor(ModelEvent event) {
        String type = event.getEventType();
        String version = PROMOTED.equals(type) ? event.getModelVersion()
                : ROLLED_BACK.equals(type) ? event.getPreviousVersion() : null;
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Pin(event.getModelName(), version.trim()));
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            if (partitions == null) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, String> latest = new LinkedHashMap<>();
            while (running && !reached(end)) {
                poll(pin -> latest.put(pin.model(), pin.version()));
            }
            LOG.info("Model events of {} replayed: {} model(s) with a pin decision", topic, latest.size());
            latest.forEach(this::apply);
            caughtUp = true;
            while (running) {
                poll(pin -> apply(pin.model(), pin.version()));
                retryPending();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Following {} stopped; pins by model events no longer apply until a restart", topic, e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private List<TopicPartition> awaitPartitions() throws WakeupException {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            LOG.warn("Topic {} not found yet; retrying", topic);
            sleep(RETRY_MS);
        }
        return null;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void poll(java.util.function.Consumer<Pin> action) {
        try {
            for (ConsumerRecord<String, ModelEvent> record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    pinFor(record.value()).ifPresent(action);
                }
            }
        } catch (RecordDeserializationException e) {
            TopicPartition tp = e.topicPartition();
            if (e.getCause() instanceof WireFormatException w && w.code() == WireFormatException.Code.REGISTRY_UNAVAILABLE) {
                // not the record's fault: read it again once the registry answers
                LOG.warn("Schema registry unavailable while reading {}@{}; retrying", tp, e.offset());
                consumer.seek(tp, e.offset());
                sleep(RETRY_MS);
            } else {
                LOG.error("Skipping unreadable model event at {}@{}: {}", tp, e.offset(),
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                consumer.seek(tp, e.offset() + 1);
            }
        }
    }

    private void apply(String model, String version) {
        if (!repository.contains(model)) {
            LOG.debug("Model event for '{}', which this sidecar does not serve", model);
            return;
        }
        try {
            String now = repository.pin(model, version);
            pending.remove(model);
            LOG.info("Model event: '{}' pinned to version {}", model, now);
        } catch (ModelNotFoundException e) {
            if (!version.equals(pending.put(model, version))) {
                LOG.warn("Model event pins '{}' to version {}, which is not in the repository yet; waiting for it", model, version);
            }
        } catch (RuntimeException e) {
            pending.remove(model);
            LOG.error("Model event could not pin '{}' to version {}: {}", model, version, e.getMessage());
        }
    }

    private void retryPending() {
        for (Map.Entry<String, String> e : new HashMap<>(pending).entrySet()) {
            apply(e.getKey(), e.getValue());
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
