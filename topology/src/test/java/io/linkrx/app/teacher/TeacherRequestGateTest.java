package io.linkrx.app.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.app.ops.StageMeter;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.route.MeshSubtrees;
import io.linkrx.schema.Provenance;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.schema.TeacherLabelingRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate alone, on the test driver's wall clock: routed requests in, the ones that may reach the teacher out. */
class TeacherRequestGateTest {
    static final Instant T0 = Instant.parse("2026-10-01T08:10:00Z");
    static final Duration DRAIN = Duration.ofSeconds(10);
    /** MeSH concepts in three subtrees (neoplasms, nervous system, cardiovascular) and a drug without tree numbers. */
    static final KnowledgeBase KB = KnowledgeBase.of("gate-test", List.of(
            concept("D001943", "Breast Neoplasms", "C04.588.180"),
            concept("D008175", "Lung Neoplasms", "C04.588.894.797.520"),
            concept("D009103", "Multiple Sclerosis", "C10.114.375.600"),
            concept("D006333", "Heart Failure", "C14.280.434"),
            new Concept("DB00331", "DRUGBANK", SemanticType.DRUG, "Metformin", List.of(), List.of(), List.of())));

    @TempDir
    Path dir;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TopologyTestDriver driver;
    TestInputTopic<String, TeacherLabelingRequest> routed;
    TestOutputTopic<String, TeacherLabelingRequest> gated;

    void startGate(Duration ttl, int budgetPerHour, int pendingMax) {
        StreamsBuilder builder = new StreamsBuilder();
        TeacherRequestSerde serde = new TeacherRequestSerde();
        TeacherRequestGate.gate(builder, builder.stream("routed", Consumed.with(Serdes.String(), serde)),
                        new TeacherGateSettings(ttl, budgetPerHour, pendingMax, DRAIN), new MeshSubtrees(KB),
                        new StageMeter(registry))
                .to("gated", Produced.with(Serdes.String(), serde));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "teacher-gate-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        driver = new TopologyTestDriver(builder.build(), props, T0);
        routed = driver.createInputTopic("routed", new StringSerializer(), serde.serializer());
        gated = driver.createOutputTopic("gated", new StringDeserializer(), serde.deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void givenTheSameMentionTwiceWithinTheTtl_whenRouted_thenOnlyTheFirstReachesTheTeacherAndItIsAskedAgainAfter() {
        startGate(Duration.ofHours(24), 100, 100);

        // Given "MS" asked about in one note
        routed.pipeInput("pt-1", request("n-1:6-8", "MS", "D009103", 0.9));
        // When the same mention (other note, other case and spacing) and the very same request arrive within the TTL
        routed.pipeInput("pt-2", request("n-2:0-2", " ms ", "D009103", 0.9));
        routed.pipeInput("pt-1", request("n-1:6-8", "MS", "D009103", 0.9));
        // and a mention of another semantic type with the same text
        routed.pipeInput("pt-3", request("n-3:0-2", "MS", "Drug", "DB00331", 0.9));

        // Then the duplicates are suppressed, counted, and the other type goes through
        assertThat(gated.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getRequestId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pt-1", "n-1:6-8"),
                        org.assertj.core.groups.Tuple.tuple("pt-3", "n-3:0-2"));
        assertThat(count("suppressed")).isEqualTo(2.0);

        // When the TTL has passed (the drain purges the old entries) and the mention comes again
        driver.advanceWallClockTime(Duration.ofHours(24).plusMinutes(1));
        routed.pipeInput("pt-2", request("n-4:3-5", "MS", "D009103", 0.9));

        // Then it is asked again
        assertThat(gated.readValuesToList()).extracting(TeacherLabelingRequest::getRequestId).containsExactly("n-4:3-5");
    }

    @Test
    void givenABudgetPerHour_whenMoreRequestsArrive_thenTheRestWaitAndAreSentBestFirstWhenTheNextHourBegins() {
        startGate(Duration.ofHours(24), 2, 100);

        // Given a budget of 2 per hour, when 5 distinct mentions are routed at 08:10
        routed.pipeInput("pt-1", request("n-1:0-5", "tumor", "D001943", 0.3));
        routed.pipeInput("pt-1", request("n-1:9-11", "HF", "D006333", 0.2));
        routed.pipeInput("pt-1", request("n-1:20-30", "neoplasm", "D001943", 0.4));
        routed.pipeInput("pt-2", request("n-2:0-2", "MS", "D009103", 0.9));
        routed.pipeInput("pt-2", request("n-2:7-9", "CHF", "D006333", 0.6));

        // Then 2 go at once and 3 wait
        assertThat(gated.readValuesToList()).extracting(TeacherLabelingRequest::getRequestId)
                .containsExactly("n-1:0-5", "n-1:9-11");
        assertThat(count("sent")).isEqualTo(2.0);
        assertThat(count("deferred")).isEqualTo(3.0);
        assertThat(pending()).isEqualTo(3.0);

        // When the drain runs within the same hour, nothing more is sent
        driver.advanceWallClockTime(Duration.ofMinutes(40));
        assertThat(gated.isEmpty()).isTrue();

        // When the next hour begins (09:00), the two best waiting requests are sent, highest priority first
        driver.advanceWallClockTime(Duration.ofMinutes(15));
        assertThat(gated.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getRequestId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pt-2", "n-2:0-2"),
                        org.assertj.core.groups.Tuple.tuple("pt-2", "n-2:7-9"));
        assertThat(count("drained")).isEqualTo(2.0);
        assertThat(pending()).isEqualTo(1.0);

        // and the last one in the hour after
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(gated.readValuesToList()).extracting(TeacherLabelingRequest::getRequestId).containsExactly("n-1:20-30");
        assertThat(pending()).isEqualTo(0.0);
        assertThat(registry.counter("linkrx.teacher.requests", "reason", "LOW_SCORE").count()).isEqualTo(5.0);
    }

    @Test
    void givenOneSubtreeAlreadyWellCovered_whenBudgetFrees_thenUnderCoveredSubtreesAreAskedFirst() {
        startGate(Duration.ofHours(24), 2, 100);
        // Given two neoplasm (C04) requests already sent this hour
        routed.pipeInput("pt-1", request("n-1:0-5", "tumor", "D001943", 0.5));
        routed.pipeInput("pt-1", request("n-1:9-20", "lung cancer", "D008175", 0.5));
        assertThat(gated.readValuesToList()).hasSize(2);

        // When a very uncertain neoplasm, a less uncertain MS (C10) and a heart failure (C14) mention wait for budget
        routed.pipeInput("pt-2", request("n-2:0-8", "neoplasm", "D001943", 0.9));
        routed.pipeInput("pt-2", request("n-2:9-11", "MS", "D009103", 0.6));
        routed.pipeInput("pt-3", request("n-3:0-3", "CHF", "D006333", 0.55));
        driver.advanceWallClockTime(Duration.ofHours(1));

        // Then the next hour's budget goes to the subtrees nobody asked about yet:
        // C04 scores 0.9 / (1 + 2 / (1 + 2)) = 0.54 < C10's 0.6; then C04 0.9 / (1 + 2 / 2.5) = 0.5 < C14's 0.55
        assertThat(gated.readValuesToList()).extracting(TeacherLabelingRequest::getRequestId)
                .containsExactly("n-2:9-11", "n-3:0-3");
        assertThat(pending()).isEqualTo(1.0);
    }

    @Test
    void givenRequestsThatWaitLongerThanTheTtl_whenTheDrainRuns_thenTheyExpireAndAreCounted() {
        startGate(Duration.ofHours(2), 0, 100);

        routed.pipeInput("pt-1", request("n-1:0-2", "MS", "D009103", 0.9));
        routed.pipeInput("pt-1", request("n-1:5-8", "CHF", "D006333", 0.9));
        assertThat(pending()).isEqualTo(2.0);

        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(count("expired")).isEqualTo(0.0);
        driver.advanceWallClockTime(Duration.ofHours(1).plusSeconds(10));

        assertThat(gated.isEmpty()).isTrue();
        assertThat(count("expired")).isEqualTo(2.0);
        assertThat(pending()).isEqualTo(0.0);
    }

    @Test
    void givenAFullPendingStore_whenAHigherPriorityRequestArrives_thenTheLowestIsDroppedAndCounted() {
        startGate(Duration.ofHours(24), 0, 2);

        routed.pipeInput("pt-1", request("n-1:0-2", "MS", "D009103", 0.3));
        routed.pipeInput("pt-1", request("n-1:5-8", "CHF", "D006333", 0.5));
        // full: a better request displaces the lowest, a worse one is dropped itself
        routed.pipeInput("pt-2", request("n-2:0-5", "tumor", "D001943", 0.8));
        routed.pipeInput("pt-2", request("n-2:9-11", "HF", "D006333", 0.1));

        assertThat(count("overflow")).isEqualTo(2.0);
        assertThat(pending()).isEqualTo(2.0);
        // a dropped request never reached the teacher, so the same mention may be routed again
        routed.pipeInput("pt-3", request("n-3:0-2", "MS", "D009103", 0.3));
        assertThat(count("suppressed")).isEqualTo(0.0);
    }

    private double count(String outcome) {
        return registry.counter("linkrx.teacher.gate", "outcome", outcome).count();
    }

    private double pending() {
        return registry.get("linkrx.teacher.pending").gauge().value();
    }

    static TeacherLabelingRequest request(String requestId, String mention, String topConcept, double priority) {
        return request(requestId, mention, "Disease", topConcept, priority);
    }

    static TeacherLabelingRequest request(String requestId, String mention, String semanticType, String topConcept,
                                          double priority) {
        String noteId = requestId.substring(0, requestId.indexOf(':'));
        return TeacherLabelingRequest.newBuilder()
                .setRequestId(requestId).setNoteId(noteId).setPatientId("pt-x")
                .setMentionText(mention).setBegin(0).setEnd(mention.length()).setSemanticType(semanticType)
                .setContext("... " + mention + " ...").setMentionOffsetInContext(4)
                .setCandidates(List.of(ScoredConcept.newBuilder().setConceptId(topConcept).setVocabulary("MESH")
                        .setPreferredName(topConcept).setSemanticType(semanticType).setScore(0.5).setSource("reranker")
                        .build()))
                .setStudentConceptId(topConcept).setReason("LOW_SCORE").setPriority(priority)
                .setProvenance(Provenance.newBuilder().setAppVersion("test").setModelVersion("m-1").setKbVersion("gate-test")
                        .setProducedAt(T0).build())
                .build();
    }

    private static Concept concept(String id, String name, String treeNumber) {
        return new Concept(id, "MESH", SemanticType.DISEASE, name, List.of(), List.of(), List.of(), List.of(treeNumber));
    }
}
