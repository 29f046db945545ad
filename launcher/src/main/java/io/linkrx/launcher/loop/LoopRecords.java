package io.linkrx.launcher.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.linkrx.app.topics.Topics;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.ModelEvent;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.schema.TeacherLabelingRequest;

/** Everything the loop produces, read back from the topics (read-committed) as it arrives. */
final class LoopRecords implements AutoCloseable {
    private static final String SYNTHESIZE = "SYNTHESIZE";
    final Map<String, LinkedNote> linked = new LinkedHashMap<>();
    /** The app's requests about uncertain mentions; synthesis requests are only counted. */
    final List<TeacherLabelingRequest> requests = new ArrayList<>();
    int synthesisRequests;
    final List<TeacherLabel> labels = new ArrayList<>();
    final List<ModelEvent> events = new ArrayList<>();
    int requestDeadLetters;
    /** Records on these topics that are not linkrx Avro (someone else's test data, a broken producer). */
    int unreadable;

    private final Topics topics;
    private final KafkaConsumer<String, byte[]> consumer;

    LoopRecords(String bootstrap, Map<String, Object> serdeConfig) {
        this.topics = new Topics(serdeConfig);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "linkrx-teacher-loop-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.LINKED_CONCEPTS, Topics.TEACHER_REQUESTS, Topics.TEACHER_LABELS,
                Topics.MODEL_EVENTS, Topics.deadLetterTopicOf(Topics.TEACHER_REQUESTS)));
    }

    /** Polls until the condition holds; false when the timeout came first. */
    boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            poll(Duration.ofMillis(500));
        }
        return true;
    }

    /** Polls until nothing new arrived for {@code quiet}, at most {@code timeout}. */
    void awaitQuiet(Duration quiet, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastNews = Instant.now();
        while (Instant.now().isBefore(deadline) && Instant.now().isBefore(lastNews.plus(quiet))) {
            if (poll(Duration.ofMillis(500)) > 0) {
                lastNews = Instant.now();
            }
        }
    }

    /** The newest event of {@code type} about {@code version}, if it arrived. */
    java.util.Optional<ModelEvent> event(String type, String version) {
        return events.stream().filter(e -> e.getEventType().equals(type)
                && (version == null || version.equals(e.getModelVersion()))).reduce((a, b) -> b);
    }

    private int poll(Duration timeout) {
        int n = 0;
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            n++;
            try {
                take(r);
            } catch (org.apache.kafka.common.errors.SerializationException e) {
                unreadable++; // not ours to judge: the stage that consumes the topic dead-letters it
            }
        }
        return n;
    }

    private void take(ConsumerRecord<String, byte[]> r) {
        switch (r.topic()) {
            case Topics.LINKED_CONCEPTS -> {
                LinkedNote note = topics.linkedConcepts.valueSerde().deserializer().deserialize(r.topic(), r.value());
                linked.put(note.getNoteId(), note);
            }
            case Topics.TEACHER_REQUESTS -> {
                TeacherLabelingRequest request =
                        topics.teacherRequests.valueSerde().deserializer().deserialize(r.topic(), r.value());
                if (request.getReason().equals(SYNTHESIZE)) {
                    synthesisRequests++;
                } else {
                    requests.add(request);
                }
            }
            case Topics.TEACHER_LABELS ->
                    labels.add(topics.teacherLabels.valueSerde().deserializer().deserialize(r.topic(), r.value()));
            case Topics.MODEL_EVENTS ->
                    events.add(topics.modelEvents.valueSerde().deserializer().deserialize(r.topic(), r.value()));
            default -> requestDeadLetters++;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
