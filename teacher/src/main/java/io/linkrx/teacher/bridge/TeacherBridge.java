package io.linkrx.teacher.bridge;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.app.errors.DeadLetters;
import io.linkrx.app.topics.Topics;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.serde.WireFormatException;
import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.Teachers;
import io.linkrx.teacher.bridge.simulated.SimulatedTeacherProvider;

/**
 * The teacher bridge, a thin Kafka adapter around {@link RequestAnswerer}: reads {@code teacher.labeling-requests.v1}
 * (group {@code linkrx-teacher-bridge}), writes {@code teacher.labels.v1} (key: the request's patient id) with an
 * idempotent producer, and commits a batch's offsets only after its labels are acknowledged (at-least-once; labels
 * carry the request id, so a repeat is recognised downstream). A request that cannot be read or answered goes to
 * {@code teacher.labeling-requests.v1.dlq.v1} with its original bytes and the reason, and the stream goes on.
 */
public final class TeacherBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TeacherBridge.class);
    static final String STAGE = "teacher-bridge";
    private static final Duration REGISTRY_RETRY = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Deserializer<TeacherLabelingRequest> requests;
    private final Serializer<String> keys;
    private final Serializer<TeacherLabel> labels;
    private final DeadLetters deadLetters = new DeadLetters();
    private final RequestAnswerer answerer;
    private final Teacher teacher;
    private final BridgeStats stats = new BridgeStats();
    private final long statsIntervalMs;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private volatile boolean running = true;

    public TeacherBridge(TeacherBridgeSettings settings, Teacher teacher, String labelSource) {
        this.teacher = teacher;
        Topics topics = new Topics(settings.serdeConfig());
        this.requests = topics.teacherRequests.valueSerde().deserializer();
        this.keys = topics.teacherLabels.keySerde().serializer();
        this.labels = topics.teacherLabels.valueSerde().serializer();
        deadLetters.configure(settings.serdeConfig());
        this.answerer = new RequestAnswerer(teacher, labelSource, settings.getInt(TeacherSetting.SYNTHESIS_SENTENCES),
                Clock.systemUTC());
        this.statsIntervalMs = settings.getLong(TeacherSetting.STATS_INTERVAL_MS);
        this.consumer = new KafkaConsumer<>(settings.consumerConfig());
        this.producer = new KafkaProducer<>(settings.producerConfig());
    }

    /** The bridge with the configured provider's teacher; labels say {@code simulated} when that teacher answers. */
    public static TeacherBridge fromSettings(TeacherBridgeSettings settings) {
        String provider = settings.get(TeacherSetting.PROVIDER);
        Teacher teacher = Teachers.create(provider, settings.asMap());
        String source = SimulatedTeacherProvider.NAME.equalsIgnoreCase(provider.strip())
                ? RequestAnswerer.SOURCE_SIMULATED : RequestAnswerer.SOURCE_TEACHER;
        LOG.info("Teacher bridge: provider {}, model {}, settings {}", provider, teacher.model(), settings);
        return new TeacherBridge(settings, teacher, source);
    }

    /** Answers requests until {@link #stop()} is called from another thread. */
    public void run() {
        consumer.subscribe(List.of(Topics.TEACHER_REQUESTS));
        Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
        long lastStats = System.currentTimeMillis();
        try {
            while (running) {
                boolean registryDown = answer(consumer.poll(Duration.ofMillis(500)), pending);
                commit(pending);
                if (registryDown) {
                    pause(REGISTRY_RETRY);
                }
                if (statsIntervalMs > 0 && System.currentTimeMillis() - lastStats >= statsIntervalMs) {
                    LOG.info("Teacher bridge: {}", stats.summary(teacher.usage()));
                    lastStats = System.currentTimeMillis();
                }
            }
        } catch (WakeupException e) {
            // close() was called
        } finally {
            commit(pending);
            LOG.info("Teacher bridge stopped: {}", stats.summary(teacher.usage()));
        }
    }

    /**
     * Answers a batch, noting each answered record's offset in {@code pending}. When the schema registry is
     * unreachable the record is not at fault: every partition is rewound to its first unanswered record, and
     * true is returned so the loop waits before reading them again.
     */
    private boolean answer(ConsumerRecords<byte[], byte[]> batch, Map<TopicPartition, OffsetAndMetadata> pending) {
        List<TopicPartition> partitions = new ArrayList<>(batch.partitions());
        for (int p = 0; p < partitions.size(); p++) {
            TopicPartition tp = partitions.get(p);
            for (ConsumerRecord<byte[], byte[]> rec : batch.records(tp)) {
                if (!running) {
                    return false; // the rest is read again after a restart: its offsets are not committed
                }
                try {
                    handle(rec).forEach(r -> producer.send(r, this::failOnError));
                    stats.request();
                } catch (WireFormatException e) {
                    if (!e.retryable()) {
                        throw e;
                    }
                    LOG.error("Schema registry unavailable while answering {}-{}@{}; retrying in {} s", rec.topic(),
                            rec.partition(), rec.offset(), REGISTRY_RETRY.toSeconds());
                    consumer.seek(tp, rec.offset());
                    for (TopicPartition later : partitions.subList(p + 1, partitions.size())) {
                        consumer.seek(later, batch.records(later).get(0).offset());
                    }
                    return true;
                }
                pending.put(tp, new OffsetAndMetadata(rec.offset() + 1));
            }
        }
        return false;
    }

    private void pause(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void failOnError(org.apache.kafka.clients.producer.RecordMetadata metadata, Exception e) {
        if (e != null) {
            sendFailure.compareAndSet(null, e);
        }
    }

    /** Commits only after every label and dead letter of the batch is acknowledged. */
    private void commit(Map<TopicPartition, OffsetAndMetadata> pending) {
        if (pending.isEmpty()) {
            return;
        }
        producer.flush();
        Exception failed = sendFailure.get();
        if (failed != null) {
            // nothing of the batch is committed: it is answered again after a restart
            throw new IllegalStateException("writing teacher labels failed; offsets not committed", failed);
        }
        try {
            consumer.commitSync(pending);
        } catch (WakeupException e) {
            consumer.commitSync(pending); // the wakeup is consumed: commit what is written, then stop
            running = false;
        }
        pending.clear();
    }

    /** The records one request becomes: its labels, or a dead letter. */
    List<ProducerRecord<byte[], byte[]>> handle(ConsumerRecord<byte[], byte[]> rec) {
        TeacherLabelingRequest request;
        try {
            request = requests.deserialize(rec.topic(), rec.headers(), rec.value());
        } catch (WireFormatException e) {
            if (e.retryable()) {
                throw e; // the registry, not the record
            }
            return List.of(deadLetter(rec, "deserialization", e));
        } catch (RuntimeException e) {
            return List.of(deadLetter(rec, "deserialization", e));
        }
        if (request == null) {
            return List.of(); // a tombstone asks nothing
        }
        RequestAnswerer.Outcome outcome = answerer.answer(request);
        if (outcome instanceof RequestAnswerer.Failed failed) {
            return List.of(deadLetter(rec, STAGE, failed.error()));
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        byte[] key = keys.serialize(Topics.TEACHER_LABELS, request.getPatientId());
        List<TeacherLabel> answered = ((RequestAnswerer.Answered) outcome).labels();
        for (TeacherLabel label : answered) {
            out.add(new ProducerRecord<>(Topics.TEACHER_LABELS, null, key,
                    labels.serialize(Topics.TEACHER_LABELS, label)));
        }
        answered.forEach(stats::answered); // counted once serialised: a registry outage answers it again
        return out;
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> rec, String stage,
                                                      RuntimeException error) {
        ProducerRecord<byte[], byte[]> letter = deadLetters.deadLetter(new DeadLetters.FailedRecord(rec.topic(),
                rec.partition(), rec.offset(), rec.timestamp(), rec.key(), rec.value(), rec.headers()), stage, error);
        stats.deadLettered();
        return letter;
    }

    public BridgeStats stats() {
        return stats;
    }

    /** Asks {@link #run()} to stop; thread-safe. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Closes the clients and the teacher; call after {@link #run()} returned. */
    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(10));
        } finally {
            try {
                consumer.close(Duration.ofSeconds(10));
            } finally {
                teacher.close();
            }
        }
    }
}
