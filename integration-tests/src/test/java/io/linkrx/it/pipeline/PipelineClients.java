package io.linkrx.it.pipeline;

import io.linkrx.app.topics.Topics;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.DeadLetter;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.serde.AvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What an EHR feed and a downstream consumer do around the pipeline: publish notes (Avro, through linkrx's
 * serde, or raw bytes) and read outputs with a read_committed consumer. Tests share one broker, so they tell
 * their records apart by note-id or key prefix.
 */
final class PipelineClients implements AutoCloseable {
    private final String bootstrap;
    private final Topics topics;
    private final KafkaProducer<String, ClinicalNote> notes;
    private final KafkaProducer<String, byte[]> raw;

    PipelineClients(String bootstrap, Map<String, Object> serdeConfig) {
        this.bootstrap = bootstrap;
        this.topics = new Topics(serdeConfig);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AvroSerializer<ClinicalNote> serializer = new AvroSerializer<>();
        serializer.configure(serdeConfig, false);
        notes = new KafkaProducer<>(props, new StringSerializer(), serializer);
        raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    void publish(ClinicalNote note) {
        notes.send(new ProducerRecord<>(Topics.NOTES, note.getPatientId().isEmpty() ? "no-patient" : note.getPatientId(), note));
        notes.flush();
    }

    void publishRaw(String key, byte[] value) {
        raw.send(new ProducerRecord<>(Topics.NOTES, key, value));
        raw.flush();
    }

    /** Linked notes whose id passes the filter, until {@code expected} are seen or the timeout passes. */
    List<LinkedNote> linkedNotes(Predicate<LinkedNote> filter, int expected, Duration timeout) {
        return read(Topics.LINKED_CONCEPTS, topics.linkedConcepts.valueSerde().deserializer(), filter, expected, timeout);
    }

    List<io.linkrx.schema.DrugRecommendations> recommendations(Predicate<io.linkrx.schema.DrugRecommendations> filter, int expected,
                                                             Duration timeout) {
        return read(Topics.RECOMMENDATIONS, topics.recommendations.valueSerde().deserializer(), filter, expected, timeout);
    }

    List<TeacherLabelingRequest> teacherRequests(Predicate<TeacherLabelingRequest> filter, int expected, Duration timeout) {
        return read(Topics.TEACHER_REQUESTS, topics.teacherRequests.valueSerde().deserializer(), filter, expected, timeout);
    }

    List<DeadLetter> deadLetters(Deserializer<DeadLetter> deserializer, Predicate<DeadLetter> filter, int expected, Duration timeout) {
        return read(Topics.deadLetterTopicOf(Topics.NOTES), deserializer, filter, expected, timeout);
    }

    private <V> List<V> read(String topic, Deserializer<V> deserializer, Predicate<V> filter, int expected, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> out = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (out.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    V value = deserializer.deserialize(r.topic(), r.value());
                    if (filter.test(value)) {
                        out.add(value);
                    }
                }
            }
            // one more short poll, so that a duplicate arriving right after the expected count is seen too
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(2))) {
                V value = deserializer.deserialize(r.topic(), r.value());
                if (filter.test(value)) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        notes.close();
        raw.close();
    }
}
