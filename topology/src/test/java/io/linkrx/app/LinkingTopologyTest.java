package io.linkrx.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.StreamsSettings;
import io.linkrx.app.ops.StageMeter;
import io.linkrx.app.topics.Topics;
import io.linkrx.registry.InMemorySchemaRegistry;
import io.linkrx.schema.Assertion;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.DeadLetter;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.serde.SpecificAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole linking topology on the demo KB, without a broker: notes in, linked concepts, teacher requests and DLQ out. */
class LinkingTopologyTest {
    static final String REGISTRY = "topology-test";
    static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    final LinkrxConfig config = LinkrxConfig.of(Map.of(
            "linkrx.schema.registry.url", "mem://" + REGISTRY,
            "linkrx.schema.registry.auto.register", "true",
            "linkrx.application.id", "linkrx-topology-test"));
    final Topics topics = new Topics(config.serdeConfig());
    TopologyTestDriver driver;
    TestInputTopic<String, ClinicalNote> notes;
    TestInputTopic<String, byte[]> rawNotes;
    TestOutputTopic<String, LinkedNote> linked;
    TestOutputTopic<String, TeacherLabelingRequest> teacherRequests;
    TestOutputTopic<byte[], DeadLetter> notesDlq;
    @TempDir
    java.nio.file.Path stateDir;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        LinkingTopology.build(builder, topics, LinkingStages.fromConfig(config, Clock.fixed(T0, ZoneOffset.UTC)),
                new StageMeter(new SimpleMeterRegistry()));
        var props = StreamsSettings.from(config);
        // The test driver's mocked transactional producer drops dead letters sent while a record is being
        // deserialized; exactly-once on a real broker is covered by LinkingPipelineIT.
        props.put("processing.guarantee", "at_least_once");
        props.put("state.dir", stateDir.toString()); // the teacher gate's stores: not in the shared default directory
        driver = new TopologyTestDriver(builder.build(), props);
        notes = driver.createInputTopic(Topics.NOTES, new StringSerializer(), topics.notes.valueSerde().serializer());
        rawNotes = driver.createInputTopic(Topics.NOTES, new StringSerializer(), new ByteArraySerializer());
        linked = driver.createOutputTopic(Topics.LINKED_CONCEPTS, new StringDeserializer(), topics.linkedConcepts.valueSerde().deserializer());
        teacherRequests = driver.createOutputTopic(Topics.TEACHER_REQUESTS, new StringDeserializer(),
                topics.teacherRequests.valueSerde().deserializer());
        SpecificAvroSerde<DeadLetter> dlqSerde = new SpecificAvroSerde<>(DeadLetter.class);
        dlqSerde.configure(config.serdeConfig(), false);
        notesDlq = driver.createOutputTopic(Topics.deadLetterTopicOf(Topics.NOTES),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(), dlqSerde.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        InMemorySchemaRegistry.dropScope(REGISTRY);
    }

    static ClinicalNote note(String id, String patient, String text) {
        return ClinicalNote.newBuilder().setNoteId(id).setPatientId(patient).setNoteType("PROGRESS_NOTE")
                .setText(text).setEventTime(T0).setSourceSystem("test").build();
    }

    static Optional<LinkedMention> mention(LinkedNote note, String text) {
        return note.getMentions().stream().filter(m -> m.getText().equals(text)).findFirst();
    }

    @Test
    void links_mentions_with_their_assertions() {
        // Given a progress note with a negated symptom, a history and a current drug
        String text = "Patient denies chest pain. History of hypertension. Currently taking metformin for diabetes.";

        // When it is published
        notes.pipeInput("pt-1", note("n-1", "pt-1", text));

        // Then the linked note names each concept with its id and assertion, keyed by patient
        var record = linked.readKeyValue();
        assertThat(record.key).isEqualTo("pt-1");
        LinkedNote out = record.value;
        assertThat(out.getNoteId()).isEqualTo("n-1");
        assertThat(mention(out, "chest pain")).get().satisfies(m -> {
            assertThat(m.getConceptId()).isEqualTo("D002637");
            assertThat(m.getAssertion()).isEqualTo(Assertion.NEGATED);
            assertThat(m.getAssertionTrigger()).isEqualToIgnoringCase("denies");
            assertThat(text.substring(m.getBegin(), m.getEnd())).isEqualTo("chest pain");
        });
        assertThat(mention(out, "hypertension")).get().satisfies(m -> {
            assertThat(m.getConceptId()).isEqualTo("D006973");
            assertThat(m.getAssertion()).isEqualTo(Assertion.HISTORICAL);
        });
        assertThat(mention(out, "metformin")).get().satisfies(m -> {
            assertThat(m.getVocabulary()).isEqualTo("DRUGBANK");
            assertThat(m.getConceptId()).isEqualTo("DB00331");
            assertThat(m.getAssertion()).isEqualTo(Assertion.PRESENT);
        });
        assertThat(out.getProvenance().getKbVersion()).isNotBlank();
        assertThat(out.getProvenance().getModelVersion()).isNotBlank();
        assertThat(out.getDegraded()).isFalse();
    }

    @Test
    void abbreviations_are_linked() {
        notes.pipeInput("pt-2", note("n-2", "pt-2", "PMH: HTN, DM2 and CKD stage 3."));

        LinkedNote out = linked.readValue();

        assertThat(mention(out, "HTN")).get().extracting(LinkedMention::getConceptId).isEqualTo("D006973");
        assertThat(mention(out, "DM2")).get().extracting(LinkedMention::getConceptId).isEqualTo("D003924");
        assertThat(mention(out, "CKD")).get().extracting(LinkedMention::getConceptId).isEqualTo("D051436");
    }

    @Test
    void invalid_notes_go_to_the_dead_letter_topic_and_the_next_note_flows() {
        // Given a note without patient id, one with empty text, and bytes that are not Avro
        notes.pipeInput("pt-3", note("bad-1", "", "Chest pain."));
        notes.pipeInput("pt-3", note("bad-2", "pt-3", "  "));
        rawNotes.pipeInput("pt-3", "{\"text\":\"secret note\"}".getBytes());
        // When a good note follows
        notes.pipeInput("pt-3", note("good-1", "pt-3", "Denies fever."));

        // Then each bad record is dead-lettered with its original bytes and a reason, and the good note is linked
        List<DeadLetter> letters = notesDlq.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getErrorCode)
                .containsExactly("MISSING_PATIENT_ID", "EMPTY_TEXT", "UNKNOWN_MAGIC_BYTE");
        assertThat(letters).allSatisfy(l -> {
            assertThat(l.getOriginalTopic()).isEqualTo(Topics.NOTES);
            assertThat(l.getOriginalValue()).isNotNull();
            assertThat(l.getReason()).doesNotContain("secret").doesNotContain("Chest pain");
        });
        assertThat(new String(letters.get(2).getOriginalValue().array())).isEqualTo("{\"text\":\"secret note\"}");
        assertThat(linked.readValuesToList()).extracting(LinkedNote::getNoteId).containsExactly("good-1");
    }

    @Test
    void uncertain_mentions_become_teacher_requests() {
        // Given an ambiguous abbreviation (multiple sclerosis or mitral stenosis?) next to a clear mention
        notes.pipeInput("pt-4", note("n-4", "pt-4", "Known MS, followed elsewhere. Also has hyperlipidemia."));

        // Then a teacher request carries the mention, a context window and the student's candidates
        List<TeacherLabelingRequest> requests = teacherRequests.readValuesToList();
        LinkedNote out = linked.readValue();
        assertThat(out.getNoteId()).isEqualTo("n-4");
        assertThat(requests).isNotEmpty();
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getNoteId()).isEqualTo("n-4");
            assertThat(r.getCandidates()).isNotEmpty();
            assertThat(r.getContext()).contains(r.getMentionText());
            assertThat(r.getReason()).isIn("NIL", "LOW_SCORE", "SMALL_MARGIN", "DISAGREEMENT", "UNSEEN_CONCEPT");
            assertThat(r.getContext().substring(r.getMentionOffsetInContext())).startsWith(r.getMentionText());
        });
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.getMentionText()).isEqualTo("MS");
            assertThat(r.getReason()).isEqualTo("SMALL_MARGIN");
            assertThat(r.getCandidates()).extracting(c -> c.getConceptId()).contains("D009103", "D008946");
            assertThat(r.getRequestId()).isEqualTo("n-4:6-8");
        });
        // and confident exact matches are not sent
        assertThat(requests).extracting(TeacherLabelingRequest::getMentionText).doesNotContain("hyperlipidemia");
    }

    @Test
    void teacher_contexts_are_phi_minimised_and_the_mention_is_kept() {
        // Given an ambiguous mention next to a name, a date, a record number and a lab value (all invented)
        String text = "Mrs. Eleanor Vance (MRN 00482913), seen 03/14/2026 by Dr. Okafor. Known MS, EDSS 3.5.";

        // When it is linked
        notes.pipeInput("pt-5", note("n-5", "pt-5", text));

        // Then the request's context carries tokens instead of the PHI, and the mention where the offset says
        TeacherLabelingRequest request = teacherRequests.readValuesToList().stream()
                .filter(r -> r.getMentionText().equals("MS")).findFirst().orElseThrow();
        assertThat(request.getContext()).isEqualTo("Mrs. [NAME] (MRN [ID]), seen [DATE] by Dr. [NAME]. Known MS, EDSS [NUM].");
        assertThat(request.getContext().substring(request.getMentionOffsetInContext())).startsWith("MS, EDSS");
    }

    @Test
    void a_mention_already_asked_about_is_not_asked_again_within_the_ttl() {
        // Given a note whose ambiguous mention went to the teacher
        notes.pipeInput("pt-6", note("n-6", "pt-6", "Known MS, followed elsewhere."));
        assertThat(teacherRequests.readValuesToList()).extracting(TeacherLabelingRequest::getMentionText).containsExactly("MS");

        // When the same note is replayed and another note has the same mention
        notes.pipeInput("pt-6", note("n-6", "pt-6", "Known MS, followed elsewhere."));
        notes.pipeInput("pt-7", note("n-7", "pt-7", "History of MS."));

        // Then both notes are linked, but the teacher is not asked again
        assertThat(linked.readValuesToList()).extracting(LinkedNote::getNoteId).containsExactly("n-6", "n-6", "n-7");
        assertThat(teacherRequests.isEmpty()).isTrue();
    }
}
