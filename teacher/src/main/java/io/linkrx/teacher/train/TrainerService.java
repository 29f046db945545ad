package io.linkrx.teacher.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.app.topics.Topic;
import io.linkrx.app.topics.Topics;
import io.linkrx.eval.linking.RerankerRetraining;
import io.linkrx.schema.ModelEvent;
import io.linkrx.schema.TeacherLabel;

/**
 * The trainer runnable ({@code ./linkrx trainer}): keeps {@code teacher.labels.v1} in the label store (offsets
 * committed only after the labels are on disk), and runs a {@link RetrainCycle} when
 * {@code mlops.model-events.v1} asks for one for its model (RETRAIN_REQUESTED), or when
 * {@code linkrx.trainer.retrain.after.labels} new labels have arrived. It answers with PUBLISHED, then PROMOTED or
 * REJECTED, keyed by the model name. One thread does everything, so cycles never overlap.
 */
public final class TrainerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainerService.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final TrainerSettings settings;
    private final String model;
    private final LabelStore store;
    private final RetrainCycle cycle;
    private final Topics topics;
    private final Consumer<String, TeacherLabel> labels;
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
        this.labels = consumer(topics.teacherLabels, "labels");
        this.events = consumer(topics.modelEvents, "model-events");
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

    public LabelStore labelStore() {
        return store;
    }

    private void run() {
        LOG.info("Trainer for model '{}' started: {} labels in the store", model, store.readAll().size());
        try {
            while (running) {
                storeLabels(POLL);
                ConsumerRecords<String, ModelEvent> polled = events.poll(Duration.ofMillis(10));
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
        }
    }

    /** Stores a batch of labels and commits their offsets; returns how many arrived. */
    private int storeLabels(Duration timeout) {
        ConsumerRecords<String, TeacherLabel> records = labels.poll(timeout);
        if (records.isEmpty()) {
            return 0;
        }
        List<StoredLabel> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, TeacherLabel> r : records) {
            if (r.value() != null) {
                batch.add(StoredLabel.of(r.value()));
            }
        }
        store.append(batch);
        labels.commitSync();
        trigger.labelsArrived(batch.size());
        return records.count();
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

    private <V> Consumer<String, V> consumer(Topic<String, V> topic, String suffix) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put("group.id", settings.get(TrainerSetting.GROUP_ID) + (suffix.equals("labels") ? "" : "-" + suffix));
        props.put("client.id", "linkrx-trainer-" + suffix);
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        // a cycle trains and scores in the poll thread
        props.put("max.poll.interval.ms", Integer.toString(60 * 60 * 1000));
        return new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private Producer<String, ModelEvent> producer() {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put("client.id", "linkrx-trainer-events");
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        return new KafkaProducer<>(props, topics.modelEvents.keySerde().serializer(),
                topics.modelEvents.valueSerde().serializer());
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            labels.close();
            events.close();
            producer.close();
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
