package io.linkrx.it.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkrx.it.infra.ItWorkDirs;
import io.linkrx.it.infra.KafkaClusterExtension;
import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.registry.ConfluentRestClient;
import io.linkrx.registry.RegistryClientConfig;
import io.linkrx.registry.SchemaRegistryClient;
import io.linkrx.schema.Assertion;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.Provenance;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.serde.AvroSerdeConfig;
import io.linkrx.serde.SpecificAvroSerde;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * linkrx's Confluent-wire-format Avro serdes interoperate with Confluent's official JavaScript client
 * ({@code @confluentinc/schemaregistry}, kafkajs for the broker; see {@code src/test/node}): on a real Kafka
 * broker and a real Confluent-API schema registry, in both directions, byte for byte, with shared schema ids.
 * All record contents are synthetic.
 */
class ConfluentClientInteropIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    /** The topic contract as a JavaScript producer has it: the source file, not Java's generated schema. */
    private static final Path CLINICAL_NOTE_AVSC = BASEDIR.resolve("../schemas/src/main/avro/ClinicalNote.avsc");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private static final Instant WRITTEN_AT = Instant.parse("2025-01-01T08:30:00.123Z"); // 1735720200123
    private static final Instant PRODUCED_AT = Instant.parse("2025-01-01T08:30:05.456Z"); // 1735720205456

    /** A note with every field set, in avsc's JavaScript form (unions unwrapped, timestamp as epoch millis). */
    private static final String FULL_NOTE_JSON = """
            {"noteId": "it-note-1", "patientId": "it-patient-1", "encounterId": "it-encounter-1",
             "noteType": "PROGRESS_NOTE", "authorRole": "PHYSICIAN", "text": "Synthetic note one: condition-alpha.",
             "language": "de", "eventTime": 1735720200123, "sourceSystem": "it-synthetic-ehr"}""";

    /** A note that leaves out every optional field: the writer must fill in the schema's defaults. */
    private static final String SPARSE_NOTE_JSON = """
            {"noteId": "it-note-2", "patientId": "it-patient-2", "text": "Synthetic note two.",
             "eventTime": 1735720200123}""";

    /** {@link #linkedNote()} in avsc's JavaScript form. */
    private static final String LINKED_NOTE_JSON = """
            {"noteId": "it-note-3", "patientId": "it-patient-3", "encounterId": null, "noteType": "CONSULT_NOTE",
             "eventTime": 1735720200123,
             "mentions": [
               {"begin": 10, "end": 25, "text": "condition-alpha", "semanticType": "Disease", "assertion": "NEGATED",
                "assertionTrigger": "no sign of", "conceptId": "IT-C-001", "vocabulary": "MESH",
                "preferredName": "Condition Alpha", "score": 0.875,
                "alternatives": [
                  {"conceptId": "IT-C-002", "vocabulary": "MESH", "preferredName": "Condition Beta",
                   "semanticType": "Disease", "score": 0.5, "source": "lexical", "denseScore": null},
                  {"conceptId": "IT-C-003", "vocabulary": "UMLS", "preferredName": "Condition Gamma",
                   "semanticType": "", "score": 0.25, "source": "dense", "denseScore": 0.8125}],
                "nil": false, "degraded": false, "composite": []},
               {"begin": 40, "end": 52, "text": "drug-epsilon", "semanticType": "Drug", "assertion": "HYPOTHETICAL",
                "assertionTrigger": null, "conceptId": null, "vocabulary": null, "preferredName": null,
                "score": 0.125, "alternatives": [], "nil": true, "degraded": true, "composite": []}],
             "degraded": true,
             "provenance": {"appVersion": "0.1.0-it", "modelVersion": "lexical-1", "kbVersion": "it-kb-1",
                            "producedAt": 1735720205456}}""";

    private static ConfluentJsPeer confluent;
    private static Path work;

    @BeforeAll
    static void installConfluentJsClient() {
        Optional<String> unavailable = ConfluentJsPeer.unavailableReason();
        assumeTrue(unavailable.isEmpty(), () -> "Skipping the Confluent JS interop tests: " + unavailable.orElse(""));
        work = ItWorkDirs.newDir("confluent-interop-");
        confluent = ConfluentJsPeer.install(BASEDIR.resolve("src/test/node"), BASEDIR.resolve("target/confluent-peer"));
    }

    @Test
    void clinicalNotesWrittenByConfluentJsThroughTheBrokerAreReadByLinkrx() throws Exception {
        // Given: an ehr.notes topic and two synthetic notes, one complete, one relying on the schema's defaults
        String topic = uniqueTopic("ehr.notes.v1");
        KAFKA.createTopics(topic);
        Path notes = writeFile("notes.json", "[" + FULL_NOTE_JSON + "," + SPARSE_NOTE_JSON + "]");

        // When: Confluent's AvroSerializer encodes them (schema registered from the .avsc) and kafkajs sends them
        List<String> sentHex = confluent.run("produce", "--bootstrap", KAFKA.bootstrapServers(),
                "--registry", REGISTRY.url(), "--topic", topic, "--schema-file", CLINICAL_NOTE_AVSC.toString(),
                "--json", notes.toString(), "--key-field", "patientId");

        // Then: the broker holds exactly those bytes, under the id the registry gave the subject
        List<ConsumerRecord<String, byte[]>> records = readFromBeginning(topic, 2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("it-patient-1", "it-patient-2");
        assertThat(records).extracting(r -> HEX.formatHex(r.value())).containsExactlyElementsOf(sentHex);
        int registeredId = linkrxRegistryClient().latest(topic + "-value").id();
        assertThat(records).extracting(r -> schemaIdOf(r.value())).containsOnly(registeredId);

        // And: linkrx's SpecificAvroSerde reads every field, the timestamp-millis and the defaults included
        SpecificAvroSerde<ClinicalNote> serde = linkrxSerde(ClinicalNote.class, false);
        List<ClinicalNote> read = records.stream()
                .map(r -> serde.deserializer().deserialize(topic, r.value()))
                .toList();
        assertThat(read).containsExactly(fullNote(), sparseNoteWithDefaults());
        assertThat(read.get(0).getEventTime()).isEqualTo(WRITTEN_AT);
        assertThat(read.get(1).getEncounterId()).isNull();
        assertThat(read.get(1).getNoteType()).isEqualTo("UNSPECIFIED");
        assertThat(read.get(1).getLanguage()).isEqualTo("en");
    }

    @Test
    void linkedNoteWrittenByLinkrxThroughTheBrokerIsReadByConfluentJs() throws Exception {
        // Given: a linked note with nested arrays and records, enums, nulls and a nested timestamp
        String topic = uniqueTopic("linking.linked-concepts.v1");
        KAFKA.createTopics(topic);
        LinkedNote note = linkedNote();

        // When: linkrx's serializer (auto.register.schemas) writes it through the broker
        SpecificAvroSerde<LinkedNote> serde = linkrxSerde(LinkedNote.class, true);
        try (KafkaProducer<String, LinkedNote> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, note.getPatientId(), note)).get(30, TimeUnit.SECONDS);
        }

        // Then: kafkajs consumes it and Confluent's AvroDeserializer yields every field
        List<String> consumed = confluent.run("consume", "--bootstrap", KAFKA.bootstrapServers(),
                "--registry", REGISTRY.url(), "--topic", topic, "--count", "1");
        assertThat(consumed).hasSize(1);
        JsonNode read = JSON.readTree(consumed.get(0));
        assertSameJson(read, JSON.readTree(LINKED_NOTE_JSON));
        assertThat(read.get("encounterId").isNull()).isTrue();
        assertThat(read.at("/mentions/0/assertion").asText()).isEqualTo("NEGATED");
        assertThat(read.at("/mentions/0/alternatives/1/conceptId").asText()).isEqualTo("IT-C-003");
        assertThat(read.at("/mentions/1/conceptId").isNull()).isTrue();
        assertThat(read.at("/provenance/producedAt").asLong()).isEqualTo(PRODUCED_AT.toEpochMilli());
    }

    @Test
    void bothClientsWriteIdenticalBytesForTheSameRecordAndSubject() throws Exception {
        // Given: one subject per record type, registered by linkrx's serializer on its first write
        String notesTopic = uniqueTopic("ehr.notes.v1");
        String linkedTopic = uniqueTopic("linking.linked-concepts.v1");
        byte[] linkrxFullNote = linkrxSerde(ClinicalNote.class, true).serializer().serialize(notesTopic, fullNote());
        byte[] linkrxSparseNote = linkrxSerde(ClinicalNote.class, true).serializer()
                .serialize(notesTopic, sparseNoteWithDefaults());
        byte[] linkrxLinkedNote = linkrxSerde(LinkedNote.class, true).serializer().serialize(linkedTopic, linkedNote());

        // When: Confluent's serializer writes the same records with the subjects' latest schema
        List<String> confluentNotes = confluent.run("serialize", "--registry", REGISTRY.url(), "--topic", notesTopic,
                "--json", writeFile("notes.json", "[" + FULL_NOTE_JSON + "," + SPARSE_NOTE_JSON + "]").toString());
        List<String> confluentLinked = confluent.run("serialize", "--registry", REGISTRY.url(), "--topic", linkedTopic,
                "--json", writeFile("linked.json", LINKED_NOTE_JSON).toString());

        // Then: magic byte, schema id and Avro payload are the same, byte for byte
        assertThat(confluentNotes).containsExactly(HEX.formatHex(linkrxFullNote), HEX.formatHex(linkrxSparseNote));
        assertThat(confluentLinked).containsExactly(HEX.formatHex(linkrxLinkedNote));
        assertThat(linkrxFullNote[0]).isZero();
        assertThat(schemaIdOf(linkrxFullNote)).isEqualTo(linkrxRegistryClient().latest(notesTopic + "-value").id());
        assertThat(schemaIdOf(linkrxLinkedNote)).isEqualTo(linkrxRegistryClient().latest(linkedTopic + "-value").id());

        // And: Confluent's deserializer reads linkrx's bytes back to the records it was given
        assertSameJson(JSON.readTree(confluent.run("deserialize", "--registry", REGISTRY.url(), "--topic", linkedTopic,
                "--hex", HEX.formatHex(linkrxLinkedNote)).get(0)), JSON.readTree(LINKED_NOTE_JSON));
        assertSameJson(JSON.readTree(confluent.run("deserialize", "--registry", REGISTRY.url(), "--topic", notesTopic,
                "--hex", HEX.formatHex(linkrxFullNote)).get(0)), JSON.readTree(FULL_NOTE_JSON));
    }

    @Test
    void schemaRegisteredByConfluentJsIsFoundByLinkrxUnderTheSameId() throws Exception {
        // Given: Confluent's client registers ClinicalNote's schema, as linkrx would send it, under a new subject
        String topic = uniqueTopic("ehr.notes.v1");
        String subject = topic + "-value";
        int registeredByConfluent = Integer.parseInt(confluent.run("register", "--registry", REGISTRY.url(),
                "--subject", subject, "--schema-file", schemaFile(ClinicalNote.getClassSchema()).toString()).get(0));

        // When: linkrx looks the schema up, and writes a record without being allowed to register
        int foundByLinkrx = linkrxRegistryClient().lookup(subject, ClinicalNote.getClassSchema());
        byte[] written = linkrxSerde(ClinicalNote.class, false).serializer().serialize(topic, fullNote());

        // Then: both name the id Confluent's client registered
        assertThat(foundByLinkrx).isEqualTo(registeredByConfluent);
        assertThat(schemaIdOf(written)).isEqualTo(registeredByConfluent);
    }

    @Test
    void schemaRegisteredByLinkrxIsFoundByConfluentJsUnderTheSameId() throws Exception {
        // Given: linkrx registers LinkedNote's schema (with its named types inlined) under a new subject
        String subject = uniqueTopic("linking.linked-concepts.v1") + "-value";
        int registeredByLinkrx = linkrxRegistryClient().register(subject, LinkedNote.getClassSchema());

        // When: Confluent's client looks the same schema up
        int foundByConfluent = Integer.parseInt(confluent.run("lookup", "--registry", REGISTRY.url(),
                "--subject", subject, "--schema-file", schemaFile(LinkedNote.getClassSchema()).toString()).get(0));

        // Then: it finds linkrx's id
        assertThat(foundByConfluent).isEqualTo(registeredByLinkrx);
    }

    // ---- synthetic records, the Java twins of the JSON above ----

    private static ClinicalNote fullNote() {
        return ClinicalNote.newBuilder()
                .setNoteId("it-note-1").setPatientId("it-patient-1").setEncounterId("it-encounter-1")
                .setNoteType("PROGRESS_NOTE").setAuthorRole("PHYSICIAN").setText("Synthetic note one: condition-alpha.")
                .setLanguage("de").setEventTime(WRITTEN_AT).setSourceSystem("it-synthetic-ehr")
                .build();
    }

    /** {@link #SPARSE_NOTE_JSON} with the schema's defaults spelled out (not taken from the builder). */
    private static ClinicalNote sparseNoteWithDefaults() {
        return ClinicalNote.newBuilder()
                .setNoteId("it-note-2").setPatientId("it-patient-2").setEncounterId(null)
                .setNoteType("UNSPECIFIED").setAuthorRole(null).setText("Synthetic note two.")
                .setLanguage("en").setEventTime(WRITTEN_AT).setSourceSystem(null)
                .build();
    }

    private static LinkedNote linkedNote() {
        LinkedMention linked = LinkedMention.newBuilder()
                .setBegin(10).setEnd(25).setText("condition-alpha").setSemanticType("Disease")
                .setAssertion(Assertion.NEGATED).setAssertionTrigger("no sign of")
                .setConceptId("IT-C-001").setVocabulary("MESH").setPreferredName("Condition Alpha").setScore(0.875)
                .setAlternatives(List.of(
                        concept("IT-C-002", "MESH", "Condition Beta", "Disease", 0.5, "lexical"),
                        concept("IT-C-003", "UMLS", "Condition Gamma", "", 0.25, "dense", 0.8125)))
                .setNil(false).setDegraded(false)
                .build();
        LinkedMention nil = LinkedMention.newBuilder()
                .setBegin(40).setEnd(52).setText("drug-epsilon").setSemanticType("Drug")
                .setAssertion(Assertion.HYPOTHETICAL).setAssertionTrigger(null)
                .setConceptId(null).setVocabulary(null).setPreferredName(null).setScore(0.125)
                .setAlternatives(List.of()).setNil(true).setDegraded(true)
                .build();
        return LinkedNote.newBuilder()
                .setNoteId("it-note-3").setPatientId("it-patient-3").setEncounterId(null).setNoteType("CONSULT_NOTE")
                .setEventTime(WRITTEN_AT).setMentions(List.of(linked, nil)).setDegraded(true)
                .setProvenance(Provenance.newBuilder().setAppVersion("0.1.0-it").setModelVersion("lexical-1")
                        .setKbVersion("it-kb-1").setProducedAt(PRODUCED_AT).build())
                .build();
    }

    private static ScoredConcept concept(String id, String vocabulary, String name, String type, double score,
            String source) {
        return concept(id, vocabulary, name, type, score, source, null);
    }

    private static ScoredConcept concept(String id, String vocabulary, String name, String type, double score,
            String source, Double denseScore) {
        return ScoredConcept.newBuilder().setConceptId(id).setVocabulary(vocabulary).setPreferredName(name)
                .setSemanticType(type).setScore(score).setSource(source).setDenseScore(denseScore).build();
    }

    // ---- helpers ----

    private static <T extends SpecificRecord> SpecificAvroSerde<T> linkrxSerde(Class<T> type, boolean autoRegister) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(Map.of(RegistryClientConfig.URL, REGISTRY.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, Boolean.toString(autoRegister)), false);
        return serde;
    }

    /** A client of its own, so no answer comes from a cache another test filled. */
    private static SchemaRegistryClient linkrxRegistryClient() {
        return new ConfluentRestClient(RegistryClientConfig.from(Map.of(RegistryClientConfig.URL, REGISTRY.url())));
    }

    /** The topic name with a unique suffix: the broker and registry are shared by every test class of the run. */
    private static String uniqueTopic(String contractTopic) {
        return contractTopic + ".it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int schemaIdOf(byte[] confluentWireFormat) {
        return ByteBuffer.wrap(confluentWireFormat, 1, 4).getInt();
    }

    /** The schema exactly as linkrx sends it to the registry ({@code Schema.toString()}). */
    private static Path schemaFile(Schema schema) throws IOException {
        return writeFile(schema.getName() + ".avsc", schema.toString());
    }

    private static Path writeFile(String name, String content) throws IOException {
        return Files.writeString(Files.createTempDirectory(work, "in-").resolve(name), content);
    }

    private static List<ConsumerRecord<String, byte[]>> readFromBeginning(String topic, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).as("records on %s (%s)", topic, KAFKA.description()).hasSize(count);
        return records;
    }

    /** JSON equality where numbers compare by value: JavaScript writes the double 2.0 as {@code 2}. */
    private static void assertSameJson(JsonNode actual, JsonNode expected) {
        Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1;
        assertThat(actual.equals(numbersByValue, expected))
                .as("JSON read by Confluent's client%n  actual:   %s%n  expected: %s", actual, expected)
                .isTrue();
    }
}
