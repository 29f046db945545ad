package io.linkrx.it.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.app.topics.TopicProvisioner;
import io.linkrx.app.topics.Topics;
import io.linkrx.it.infra.DedicatedKafkaBroker;
import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.schema.DeadLetter;
import io.linkrx.schema.Provenance;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.serde.SpecificAvroSerde;
import io.linkrx.teacher.Teachers;
import io.linkrx.teacher.bridge.TeacherBridge;
import io.linkrx.teacher.bridge.TeacherBridgeSettings;
import io.linkrx.teacher.bridge.SynthesisRequests;
import io.linkrx.teacher.bridge.SynthesizeCommand;
import io.linkrx.teacher.bridge.TeacherSetting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The teacher bridge on a real broker and a real registry, with the simulated teacher over a gold corpus this test
 * writes: requests in, labels and synthetic examples out keyed by patient, unanswerable and unreadable requests in
 * the DLQ with their bytes, and after a restart nothing is answered twice.
 */
class TeacherBridgeIT {
    @RegisterExtension
    static final DedicatedKafkaBroker KAFKA = new DedicatedKafkaBroker();
    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String DLQ = Topics.deadLetterTopicOf(Topics.TEACHER_REQUESTS);

    static final String TITLE = "Gout in a family with colorectal cancer.";
    static final String ABSTRACT = "The proband had gout. His colorectal cancer was resected.";

    @TempDir
    Path dir;

    @Test
    void answersRequestsDeadLettersWhatItCannotAndResumesWithoutRepeats() throws Exception {
        // Given a gold corpus, the topics, and a bridge with the simulated teacher
        Path corpus = dir.resolve("gold.PubTator.txt");
        String doc = TITLE + " " + ABSTRACT;
        Files.writeString(corpus, "4242|t|" + TITLE + "\n4242|a|" + ABSTRACT + "\n"
                + mention(doc, "Gout", 0, "D006073") + mention(doc, "colorectal cancer", 0, "D015179")
                + mention(doc, "gout", 0, "D006073") + mention(doc, "colorectal cancer", 1, "D015179") + "\n");
        TopicProvisioner.createMissing(Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                List.of(Topics.TEACHER_REQUESTS, Topics.TEACHER_LABELS, DLQ), 3, (short) 1);
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", REGISTRY.url(), "auto.register.schemas", "true");
        Topics topics = new Topics(serdeConfig);
        Map<String, String> settings = new HashMap<>(Map.of(
                TeacherSetting.PROVIDER.key(), "simulated",
                TeacherSetting.SIMULATED_CORPUS.key(), corpus.toString(),
                TeacherSetting.BOOTSTRAP_SERVERS.key(), KAFKA.bootstrapServers(),
                TeacherSetting.SCHEMA_REGISTRY_URL.key(), REGISTRY.url(),
                TeacherSetting.SCHEMA_AUTO_REGISTER.key(), "true",
                TeacherSetting.GROUP_ID.key(), "it-teacher-bridge",
                TeacherSetting.SYNTHESIS_SENTENCES.key(), "2",
                TeacherSetting.STATS_INTERVAL_MS.key(), "0"));
        Running first = Running.start(TeacherBridgeSettings.of(settings));

        // When the app asks about a gold mention, a synthesis, a mention the corpus never annotates, and garbage
        int gout = doc.indexOf("gout");
        try (KafkaProducer<String, TeacherLabelingRequest> requests = new KafkaProducer<>(producerProps(),
                new StringSerializer(), topics.teacherRequests.valueSerde().serializer());
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProps(), new StringSerializer(),
                     new ByteArraySerializer())) {
            requests.send(record(request("it-label", "4242", "p-1", "gout", gout, "SMALL_MARGIN",
                    List.of(concept("D003092", "Colitis"), concept("D006073", "Gout")))));
            requests.send(record(request("it-synth", "synthesis", "synthesis", "Colorectal Neoplasms", 0, "SYNTHESIZE",
                    List.of(concept("D015179", "Colorectal Neoplasms"), concept("D015179", "colorectal cancer")))));
            requests.send(record(request("it-unknown", "other-note", "p-2", "wheezing", 10, "LOW_SCORE",
                    List.of(concept("D001249", "Asthma")))));
            raw.send(new ProducerRecord<>(Topics.TEACHER_REQUESTS, "p-garbage",
                    "not avro".getBytes(StandardCharsets.UTF_8)));
        }

        // Then the labels come out keyed by patient id: the gold choice, and one synthetic label per corpus sentence
        var labelDeserializer = topics.teacherLabels.valueSerde().deserializer();
        List<ConsumerRecord<String, TeacherLabel>> labels = read(Topics.TEACHER_LABELS,
                r -> labelDeserializer.deserialize(r.topic(), r.value()), 3);
        assertThat(labels).hasSize(3);
        ConsumerRecord<String, TeacherLabel> label = labels.stream()
                .filter(r -> r.value().getRequestId().equals("it-label")).findFirst().orElseThrow();
        assertThat(label.key()).isEqualTo("p-1");
        assertThat(label.value().getChosenConceptId()).isEqualTo("D006073");
        assertThat(label.value().getLabelSource()).isEqualTo("simulated");
        assertThat(label.value().getStudentConceptId()).isEqualTo("D003092");
        assertThat(labels).filteredOn(r -> r.value().getLabelSource().equals("synthetic"))
                .extracting(r -> r.value().getRequestId()).containsExactlyInAnyOrder("it-synth#s0", "it-synth#s1");
        assertThat(labels).filteredOn(r -> r.value().getLabelSource().equals("synthetic")).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("synthesis");
            assertThat(r.value().getContext().substring(r.value().getMentionOffsetInContext()).toLowerCase())
                    .startsWith("colorectal cancer");
        });

        // and the two requests it could not answer are dead letters with their bytes and a stable code
        SpecificAvroSerde<DeadLetter> dlqSerde = new SpecificAvroSerde<>(DeadLetter.class);
        dlqSerde.configure(serdeConfig, false);
        List<ConsumerRecord<String, DeadLetter>> letters = read(DLQ,
                r -> dlqSerde.deserializer().deserialize(r.topic(), r.value()), 2);
        assertThat(letters).hasSize(2);
        assertThat(letters).extracting(r -> r.value().getErrorCode())
                .contains("TEACHER_CANNOT_ANSWER").hasSize(2);
        assertThat(letters).allSatisfy(r -> {
            assertThat(r.value().getOriginalTopic()).isEqualTo(Topics.TEACHER_REQUESTS);
            assertThat(r.value().getReason()).doesNotContain("wheezing");
            assertThat(r.value().getApplicationId()).isEqualTo("it-teacher-bridge");
        });
        assertThat(letters).filteredOn(r -> r.key().equals("p-garbage")).singleElement()
                .satisfies(r -> assertThat(StandardCharsets.UTF_8.decode(r.value().getOriginalValue()).toString())
                        .isEqualTo("not avro"));
        first.stop();
        assertThat(first.bridge.stats().requests()).isEqualTo(4);

        // When the bridge restarts and one more label request arrives
        Running second = Running.start(TeacherBridgeSettings.of(settings));
        try (KafkaProducer<String, TeacherLabelingRequest> requests = new KafkaProducer<>(producerProps(),
                new StringSerializer(), topics.teacherRequests.valueSerde().serializer())) {
            requests.send(record(request("it-after-restart", "4242", "p-1", "gout", gout, "LOW_SCORE",
                    List.of(concept("D006073", "Gout")))));
        }
        // and synthesis requests are published for the KB's concepts that no label covers
        KnowledgeBase kb = KnowledgeBase.of("it-kb", List.of(
                new Concept("D006073", "MESH", SemanticType.DISEASE, "Gout", List.of(), List.of(), List.of(),
                        List.of("C05.550.114.423")),
                new Concept("D015179", "MESH", SemanticType.DISEASE, "Colorectal Neoplasms",
                        List.of("colorectal cancer"), List.of(), List.of(), List.of("C04.588.274.476.411.307"))));
        SynthesizeCommand.publish(TeacherBridgeSettings.of(settings),
                new SynthesisRequests(kb, 2, Clock.systemUTC()).plan(Set.of("D006073"), Set.of(), 10));
        List<ConsumerRecord<String, TeacherLabel>> all = read(Topics.TEACHER_LABELS,
                r -> labelDeserializer.deserialize(r.topic(), r.value()), 6);
        second.stop();
        // Then only the new requests were answered: committed requests are not asked again
        assertThat(all).extracting(r -> r.value().getRequestId())
                .containsExactlyInAnyOrder("it-label", "it-synth#s0", "it-synth#s1", "it-after-restart",
                        "synthesize:MESH:D015179#s0", "synthesize:MESH:D015179#s1");
        assertThat(second.bridge.stats().requests()).isEqualTo(2);
    }

    /** A bridge running on its own thread. */
    private record Running(TeacherBridge bridge, Thread thread) {
        static Running start(TeacherBridgeSettings settings) {
            TeacherBridge bridge = new TeacherBridge(settings,
                    Teachers.create(settings.get(TeacherSetting.PROVIDER), settings.asMap()), "simulated");
            Thread t = new Thread(bridge::run, "it-teacher-bridge");
            t.start();
            return new Running(bridge, t);
        }

        void stop() throws InterruptedException {
            bridge.stop();
            thread.join(TIMEOUT.toMillis());
            bridge.close();
        }
    }

    private static String mention(String doc, String text, int nth, String id) {
        int at = -1;
        for (int i = 0; i <= nth; i++) {
            at = doc.indexOf(text, at + 1);
        }
        return "4242\t" + at + "\t" + (at + text.length()) + "\t" + text + "\tSpecificDisease\t" + id + "\n";
    }

    private static ScoredConcept concept(String id, String name) {
        return ScoredConcept.newBuilder().setConceptId(id).setVocabulary("MESH").setPreferredName(name)
                .setSemanticType("Disease").setScore(0.4).build();
    }

    private static TeacherLabelingRequest request(String id, String noteId, String patient, String mention, int begin,
                                                  String reason, List<ScoredConcept> candidates) {
        return TeacherLabelingRequest.newBuilder().setRequestId(id).setNoteId(noteId).setPatientId(patient)
                .setMentionText(mention).setBegin(begin).setEnd(begin + mention.length()).setSemanticType("Disease")
                .setContext("").setMentionOffsetInContext(-1).setCandidates(candidates)
                .setStudentConceptId(candidates.get(0).getConceptId()).setReason(reason).setPriority(0.5)
                .setProvenance(Provenance.newBuilder().setAppVersion("it").setModelVersion("reranker:1")
                        .setKbVersion("kb").setProducedAt(Instant.now()).build())
                .build();
    }

    private static ProducerRecord<String, TeacherLabelingRequest> record(TeacherLabelingRequest r) {
        return new ProducerRecord<>(Topics.TEACHER_REQUESTS, r.getPatientId(), r);
    }

    private static Map<String, Object> producerProps() {
        return Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "acks", "all", "enable.idempotence", "true");
    }

    /** Every record of the topic, until {@code expected} are seen (plus a short poll for extras) or the timeout. */
    private static <V> List<ConsumerRecord<String, V>> read(String topic,
                                                          Function<ConsumerRecord<String, byte[]>, V> value,
                                                          int expected) {
        Map<String, Object> props = Map.of("bootstrap.servers", KAFKA.bootstrapServers(),
                "group.id", "it-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed");
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        Instant deadline = Instant.now().plus(TIMEOUT);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            boolean extraPoll = false;
            while (!extraPoll) {
                extraPoll = out.size() >= expected || Instant.now().isAfter(deadline);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(extraPoll ? 2000 : 300))) {
                    out.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), value.apply(r)));
                }
            }
        }
        return out;
    }
}
