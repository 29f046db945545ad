package io.linkrx.app.topics;

import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.DeadLetter;
import io.linkrx.schema.DrugRecommendations;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.ModelEvent;
import io.linkrx.schema.NoteCandidates;
import io.linkrx.schema.NoteMentions;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.serde.SpecificAvroSerde;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of linkrx's topics and their serdes (DESIGN.md, "Data flow"). Keys are patient ids so one
 * patient's notes stay ordered on one partition.
 */
public final class Topics {
    public static final String NOTES = "ehr.notes.v1";
    public static final String MENTIONS = "linking.mentions.v1";
    public static final String CANDIDATES = "linking.candidates.v1";
    public static final String LINKED_CONCEPTS = "linking.linked-concepts.v1";
    public static final String TEACHER_REQUESTS = "teacher.labeling-requests.v1";
    public static final String RECOMMENDATIONS = "rx.recommendations.v1";
    public static final String TEACHER_LABELS = "teacher.labels.v1";
    /** Keyed by model name (not patient id): retrain requests, published, promoted, rejected, rolled back. */
    public static final String MODEL_EVENTS = "mlops.model-events.v1";
    private static final String DLQ_SUFFIX = ".dlq.v1";

    public final Topic<String, ClinicalNote> notes;
    public final Topic<String, NoteMentions> mentions;
    public final Topic<String, NoteCandidates> candidates;
    public final Topic<String, LinkedNote> linkedConcepts;
    public final Topic<String, TeacherLabelingRequest> teacherRequests;
    public final Topic<String, DrugRecommendations> recommendations;
    public final Topic<String, TeacherLabel> teacherLabels;
    public final Topic<String, ModelEvent> modelEvents;

    /** @param serdeConfig schema-registry settings for the Avro serdes ({@code schema.registry.url}, ...) */
    public Topics(Map<String, ?> serdeConfig) {
        notes = topic(NOTES, ClinicalNote.class, serdeConfig);
        mentions = topic(MENTIONS, NoteMentions.class, serdeConfig);
        candidates = topic(CANDIDATES, NoteCandidates.class, serdeConfig);
        linkedConcepts = topic(LINKED_CONCEPTS, LinkedNote.class, serdeConfig);
        teacherRequests = topic(TEACHER_REQUESTS, TeacherLabelingRequest.class, serdeConfig);
        recommendations = topic(RECOMMENDATIONS, DrugRecommendations.class, serdeConfig);
        teacherLabels = topic(TEACHER_LABELS, TeacherLabel.class, serdeConfig);
        modelEvents = topic(MODEL_EVENTS, ModelEvent.class, serdeConfig);
    }

    /** Every topic the linking application reads or writes, dead-letter topics included. */
    public List<String> allNames() {
        return List.of(NOTES, MENTIONS, CANDIDATES, LINKED_CONCEPTS, TEACHER_REQUESTS, RECOMMENDATIONS,
                TEACHER_LABELS, MODEL_EVENTS,
                deadLetterTopicOf(NOTES), deadLetterTopicOf(MENTIONS), deadLetterTopicOf(CANDIDATES),
                deadLetterTopicOf(LINKED_CONCEPTS), deadLetterTopicOf(TEACHER_REQUESTS), deadLetterTopicOf(TEACHER_LABELS));
    }

    /** Value schemas per topic, for registration by a deployment step. */
    public static Map<String, org.apache.avro.Schema> valueSchemas() {
        return Map.ofEntries(
                Map.entry(NOTES, ClinicalNote.getClassSchema()),
                Map.entry(MENTIONS, NoteMentions.getClassSchema()),
                Map.entry(CANDIDATES, NoteCandidates.getClassSchema()),
                Map.entry(LINKED_CONCEPTS, LinkedNote.getClassSchema()),
                Map.entry(TEACHER_REQUESTS, TeacherLabelingRequest.getClassSchema()),
                Map.entry(RECOMMENDATIONS, DrugRecommendations.getClassSchema()),
                Map.entry(TEACHER_LABELS, TeacherLabel.getClassSchema()),
                Map.entry(MODEL_EVENTS, ModelEvent.getClassSchema()),
                Map.entry(deadLetterTopicOf(NOTES), DeadLetter.getClassSchema()),
                Map.entry(deadLetterTopicOf(MENTIONS), DeadLetter.getClassSchema()),
                Map.entry(deadLetterTopicOf(CANDIDATES), DeadLetter.getClassSchema()),
                Map.entry(deadLetterTopicOf(LINKED_CONCEPTS), DeadLetter.getClassSchema()),
                Map.entry(deadLetterTopicOf(TEACHER_REQUESTS), DeadLetter.getClassSchema()),
                // the trainer dead-letters unreadable labels
                Map.entry(deadLetterTopicOf(TEACHER_LABELS), DeadLetter.getClassSchema()));
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DLQ_SUFFIX;
    }

    private static <V extends SpecificRecord> Topic<String, V> topic(String name, Class<V> type, Map<String, ?> serdeConfig) {
        Serde<V> serde = new SpecificAvroSerde<>(type);
        serde.configure(serdeConfig, false);
        return new Topic<>(name, Serdes.String(), serde);
    }
}
