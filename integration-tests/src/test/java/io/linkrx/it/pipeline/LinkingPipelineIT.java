package io.linkrx.it.pipeline;

import io.linkrx.launcher.demo.DemoCorpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.app.LinkrxApp;
import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.it.infra.KafkaClusterExtension;
import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.kb.ChemicalNameVariants;
import io.linkrx.launcher.demo.DemoCorpus.GoldLink;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.DeadLetter;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.serde.SpecificAvroSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The linking application on a real broker and a real schema registry, fed through linkrx's own serdes. */
class LinkingPipelineIT {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    static LinkrxApp app;
    static PipelineClients clients;
    static Map<String, Object> serdeConfig;

    @BeforeAll
    static void startApp() throws Exception {
        // the demo notes and the teacher test share mentions ("Known MS"): the teacher gate's dedupe and budget are
        // opened wide here, whatever the test order (the gate itself is covered by TeacherRequestGateTest)
        LinkrxConfig config = ItApps.config("linkrx-pipeline-it", KAFKA.bootstrapServers(), REGISTRY.url(),
                Files.createTempDirectory("linkrx-it-state"),
                Map.of("linkrx.teacher.dedupe.ttl.ms", "1", "linkrx.teacher.budget.per.hour", "100000"));
        serdeConfig = config.serdeConfig();
        app = LinkrxApp.start(config);
        ItApps.awaitRunning(app, TIMEOUT);
        clients = new PipelineClients(KAFKA.bootstrapServers(), serdeConfig);
    }

    @AfterAll
    static void stopApp() {
        if (clients != null) {
            clients.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void links_every_demo_note_with_the_expected_concepts_and_assertions() {
        // Given the demo notes, published by an EHR feed
        List<ClinicalNote> notes = DemoFixtures.notes();
        notes.forEach(n -> clients.publish(DemoFixtures.copy(n, "pipeline-" + n.getNoteId(), n.getPatientId())));

        // When the pipeline has linked them
        List<LinkedNote> linked = clients.linkedNotes(n -> n.getNoteId().startsWith("pipeline-"), notes.size(), TIMEOUT);

        // Then every note came out exactly once, keyed and stamped, with every hand-checked link
        assertThat(linked).extracting(LinkedNote::getNoteId).doesNotHaveDuplicates().hasSize(notes.size());
        Map<String, LinkedNote> byNote = linked.stream()
                .collect(Collectors.toMap(n -> n.getNoteId().substring("pipeline-".length()), n -> n));
        for (GoldLink expected : DemoFixtures.expectedLinks()) {
            LinkedNote note = byNote.get(expected.noteId());
            assertThat(note.getMentions()).as("%s: '%s' at %d", expected.noteId(), expected.text(), expected.begin())
                    .anySatisfy(m -> {
                        assertThat(m.getBegin()).isEqualTo(expected.begin());
                        assertThat(m.getEnd()).isEqualTo(expected.end());
                        assertThat(m.getConceptId()).isEqualTo(expected.conceptId());
                        assertThat(m.getAssertion().name()).isEqualTo(expected.assertion());
                    });
        }
        assertThat(linked).allSatisfy(n -> {
            assertThat(n.getProvenance().getKbVersion()).isEqualTo("demo-2026.11+" + ChemicalNameVariants.VERSION);
            assertThat(n.getProvenance().getModelVersion()).isNotBlank();
        });
    }

    @Test
    void sends_uncertain_mentions_to_the_teacher_and_only_those() {
        clients.publish(DemoFixtures.note("teacher-1", "it-teacher", "Known MS. Denies chest pain. Takes metformin."));

        List<TeacherLabelingRequest> requests = clients.teacherRequests(r -> r.getNoteId().equals("teacher-1"), 1, TIMEOUT);
        LinkedNote linked = clients.linkedNotes(n -> n.getNoteId().equals("teacher-1"), 1, TIMEOUT).get(0);

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.getMentionText()).isEqualTo("MS");
            assertThat(r.getReason()).isEqualTo("SMALL_MARGIN");
        });
        assertThat(linked.getMentions()).extracting(LinkedMention::getText).contains("MS", "chest pain", "metformin");
    }

    @Test
    void dead_letters_bad_records_with_a_reason_and_keeps_going() {
        SpecificAvroSerde<DeadLetter> dlqSerde = new SpecificAvroSerde<>(DeadLetter.class);
        dlqSerde.configure(serdeConfig, false);
        // Given malformed bytes, an unknown schema id, a note without patient id and one with empty text
        clients.publishRaw("dlq-malformed", "this is not avro".getBytes());
        clients.publishRaw("dlq-unknown-id", ByteBuffer.allocate(12).put((byte) 0).putInt(987_654).put(new byte[7]).array());
        clients.publish(DemoFixtures.note("dlq-no-patient", "", "Denies chest pain."));
        clients.publish(DemoFixtures.note("dlq-empty", "dlq-empty-patient", " "));
        // and then a good note
        clients.publish(DemoFixtures.note("dlq-good", "dlq-good-patient", "History of hypertension."));

        // Then each bad record is in the DLQ with its original bytes and a stable code, and the good note is linked
        List<DeadLetter> letters = clients.deadLetters(dlqSerde.deserializer(),
                l -> keyOf(l).startsWith("dlq-") || keyOf(l).equals("no-patient"), 4, TIMEOUT);
        assertThat(letters).extracting(DeadLetter::getErrorCode)
                .contains("UNKNOWN_MAGIC_BYTE", "UNKNOWN_SCHEMA_ID", "MISSING_PATIENT_ID", "EMPTY_TEXT");
        assertThat(letters).allSatisfy(l -> {
            assertThat(l.getReason()).isNotBlank().doesNotContain("chest pain");
            assertThat(l.getOriginalValue()).isNotNull();
            assertThat(l.getApplicationId()).isEqualTo("linkrx-pipeline-it");
        });
        assertThat(letters).filteredOn(l -> keyOf(l).equals("dlq-malformed")).singleElement()
                .satisfies(l -> assertThat(new String(bytes(l.getOriginalValue()))).isEqualTo("this is not avro"));
        assertThat(clients.linkedNotes(n -> n.getNoteId().equals("dlq-good"), 1, TIMEOUT))
                .singleElement().satisfies(n -> assertThat(n.getMentions()).extracting(LinkedMention::getConceptId).contains("D006973"));
    }

    @Test
    void serves_readiness_and_prometheus_metrics() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + app.opsPort();

        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        clients.publish(DemoFixtures.note("metrics-1", "it-metrics", "Denies fever."));
        clients.linkedNotes(n -> n.getNoteId().equals("metrics-1"), 1, TIMEOUT);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("linkrx_stage_records_total{outcome=\"ok\",stage=\"rerank\"}")
                .contains("linkrx_stage_latency_seconds").contains("kafka_stream");
    }

    private static String keyOf(DeadLetter l) {
        return l.getOriginalKey() == null ? "" : new String(bytes(l.getOriginalKey()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
