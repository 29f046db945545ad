package io.linkrx.teacher.train;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.app.errors.DeadLetters;
import io.linkrx.app.topics.Topics;
import io.linkrx.eval.linking.RerankerRetraining;
import io.linkrx.schema.ModelEvent;
import io.linkrx.serde.WireFormatException;

/**
 * The trainer runnable ({@code ./linkrx trainer}): keeps {@code teacher.labels.v1} in the label store (offsets
 * committed only after the labels are on disk), and runs a {@link RetrainCycle} when
 * {@code mlops.model-events.v1} asks for one for its model (RETRAIN_REQUESTED), or when
 * {@code linkrx.trainer.retrain.after.labels} new labels have arrived. It answers with PUBLISHED, then PROMOTED or
 * REJECTED, keyed by the model name. One thread does everything, so cycles never overlap. Unreadable label
 * records go to {@code teacher.labels.v1.dlq.v1}.
 */
public final class TrainerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainerService.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final TrainerSettings settings;
    private final String model;
    private final LabelStore store;
    private final RetrainCycle cycle;
    private final Topics topics;
    private final Consumer<byte[], byte[]> labels;
    private final LabelIntake intake;
    private final DeadLetters deadLetters;
    private final Producer<byte[], byte[]> deadLetterProducer;
    private final Consumer<String, ModelEvent> events;
    private final Producer<String, ModelEvent> producer;
    private final RetrainTrigger trigger;
    private final Thread thread;
    private final AtomicInteger cycles = new AtomicInteger();
    private volatile boolean running = true;

    /** Loads the KB and corpora and connects to Kafka; {@link #start()} begins consuming. */
    public TrainerService(TrainerSettings settings) {
        this.settings = settings;
        this.model = settings.get(TrainerSetting.MODEL);
        if (settings.get(TrainerSetting.DEV_CORPUS).isBlank()) {
            throw new IllegalArgumentException(TrainerSetting.DEV_CORPUS.key() + " is required: candidates are scored on it");
        }
        this.store = new LabelStore(settings.path(TrainerSetting.LABEL_STORE_DIR));
        RerankerRetraining retraining = new RerankerRetraining(
                RerankerRetraining.loadKnowledgeBase(settings.kbSpecs(TrainerSetting.KB_PATHS),
                        settings.kbSpecs(TrainerSetting.KB_SYNONYMS_FROM)),
                settings.retrainingSettings());
        this.cycle = new RetrainCycle(retraining, settings.paths(TrainerSetting.HUMAN_CORPORA),
                settings.path(TrainerSetting.DEV_CORPUS), settings.path(TrainerSetting.REPOSITORY), model);
        this.trigger = new RetrainTrigger(model, settings.getInt(TrainerSetting.RETRAIN_AFTER_LABELS));
        this.topics = new Topics(settings.serdeConfig());
        this.labels = consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(), "labels");
        DeadLetters deadLetters = new DeadLetters();
        Map<String, Object> dlqConfig = new HashMap<>(settings.serdeConfig());
        dlqConfig.put("application.id", settings.get(TrainerSetting.GROUP_ID));
        deadLetters.configure(dlqConfig);
        this.deadLetters = deadLetters;
        this.intake = new LabelIntake(topics.teacherLabels.valueSerde().deserializer());
        this.deadLetterProducer = new KafkaProducer<>(producerProps("linkrx-trainer-dlq"), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.events = consumer(topics.modelEvents.keySerde().deserializer(), topics.modelEvents.valueSerde().deserializer(),
                "model-events");
        this.producer = producer();
        this.thread = new Thread(this::run, "linkrx-trainer");
    }

    public void start() {
        labels.subscribe(List.of(topics.teacherLabels.name()));
        events.subscribe(List.of(topics.modelEvents.name()));
        thread.start();
    }

    /** Retrain cycles finished since start (for tests and health checks). */
    public int cyclesCompleted() {
        return cycles.get();
    }

    /** False once the trainer stopped, after {@link #close()} or a failure it could not survive. */
    public boolean alive() {
        return thread.isAlive();
    }

    public LabelStore labelStore() {
        return store;
    }

    private void run() {
        LOG.info("Trainer for model '{}' started: {} labels in the store", model, store.readAll().size());
        try {
            while (running) {
                storeLabels(POLL);
                ConsumerRecords<String, ModelEvent> polled = pollEvents();
                polled.forEach(r -> trigger.event(r.value()));
                Optional<String> why = trigger.due();
                if (why.isPresent()) {
                    // labels that arrived before the request belong to the cycle it asks for
                    while (storeLabels(Duration.ofMillis(200)) > 0) {
                        // drain
                    }
                    runCycle(why.get());
                }
                if (!polled.isEmpty()) {
                    events.commitSync();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Trainer stopped", e);
        } finally {
            labels.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            events.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            producer.close(Duration.ofSeconds(5));
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Stores a batch of labels (forced to disk), dead-letters unreadable records, then commits; returns how many
     * records were read.
     */
    private int storeLabels(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = labels.poll(timeout);
        if (records.isEmpty()) {
            return 0;
        }
        LabelIntake.Batch batch = intake.read(records);
        List<ProducerRecord<byte[], byte[]>> letters = new java.util.ArrayList<>();
        try {
            for (LabelIntake.Unreadable u : batch.unreadable()) {
                letters.add(deadLetters.deadLetter(u.record(), "trainer-deserialization", u.error()));
            }
        } catch (WireFormatException e) {
            // the dead-letter schema could not be registered or looked up: read the whole batch again later
            LOG.warn("Cannot dead-letter unreadable labels ({}); reading the batch again", e.code());
            batch.firstOffsets().forEach(labels::seek);
            sleep(2_000);
            return 0;
        }
        store.append(batch.labels());
        if (!letters.isEmpty()) {
            letters.forEach(deadLetterProducer::send);
            deadLetterProducer.flush();
        }
        if (!batch.commit().isEmpty()) {
            labels.commitSync(batch.commit());
        }
        if (!batch.retryFrom().isEmpty()) {
            LOG.warn("Schema registry unavailable while reading labels; reading {} partition(s) again", batch.retryFrom().size());
            batch.retryFrom().forEach(labels::seek);
            sleep(2_000);
        }
        trigger.labelsArrived(batch.labels().size());
        // while the registry is down nothing was read for good: draining must not spin on it
        return batch.retryFrom().isEmpty() ? records.count() : 0;
    }

    /** Model events; an unreadable one is skipped (logged), a registry outage waits and reads it again. */
    private ConsumerRecords<String, ModelEvent> pollEvents() {
        try {
            return events.poll(Duration.ofMillis(10));
        } catch (RecordDeserializationException e) {
            TopicPartition tp = e.topicPartition();
            if (e.getCause() instanceof WireFormatException w && w.retryable()) {
                LOG.warn("Schema registry unavailable while reading {}@{}; retrying", tp, e.offset());
                events.seek(tp, e.offset());
                sleep(2_000);
            } else {
                LOG.error("Skipping unreadable model event at {}@{}: {}", tp, e.offset(),
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                events.seek(tp, e.offset() + 1);
            }
            return ConsumerRecords.empty();
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

    private void runCycle(String why) {
        long t0 = System.nanoTime();
        List<StoredLabel> all = store.readAll();
        LOG.info("Retraining '{}' ({}): {} stored labels", model, why, all.size());
        RetrainCycle.Outcome o;
        try {
            o = cycle.run(all, store.digest());
        } catch (RuntimeException e) {
            LOG.error("Retrain of '{}' failed; nothing was published", model, e);
            return;
        } finally {
            trigger.cycleRan();
        }
        send(ModelEvents.published(o));
        send(ModelEvents.decided(o));
        producer.flush();
        cycles.incrementAndGet();
        LOG.info("Model '{}' version {} {}: {} ({} s)", model, o.version(), o.promoted() ? "PROMOTED" : "REJECTED",
                o.reason(), Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
    }

    private void send(ModelEvent event) {
        producer.send(new ProducerRecord<>(topics.modelEvents.name(), event.getModelName(), event));
    }

    private <K, V> Consumer<K, V> consumer(Deserializer<K> keys, Deserializer<V> values, String suffix) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put("group.id", settings.get(TrainerSetting.GROUP_ID) + (suffix.equals("labels") ? "" : "-" + suffix));
        props.put("client.id", "linkrx-trainer-" + suffix);
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        // a cycle trains and scores in the poll thread
        props.put("max.poll.interval.ms", Integer.toString(60 * 60 * 1000));
        return new KafkaConsumer<>(props, keys, values);
    }

    private Map<String, Object> producerProps(String clientId) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put("client.id", clientId);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        return props;
    }

    private Producer<String, ModelEvent> producer() {
        return new KafkaProducer<>(producerProps("linkrx-trainer-events"), topics.modelEvents.keySerde().serializer(),
                topics.modelEvents.valueSerde().serializer());
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            labels.close();
            events.close();
            producer.close();
            deadLetterProducer.close();
            return;
        }
        labels.wakeup();
        events.wakeup();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
