package io.linkrx.app.rx;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.StreamsSettings;
import io.linkrx.app.ops.StageMeter;
import io.linkrx.app.topics.Topics;
import io.linkrx.registry.InMemorySchemaRegistry;
import io.linkrx.schema.Assertion;
import io.linkrx.schema.DrugRecommendation;
import io.linkrx.schema.DrugRecommendations;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.Provenance;
import io.linkrx.schema.SafetyWarning;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linked notes in, drug recommendations out, on a toy graph the test writes; the patient's drugs are remembered. */
class RecommendationTopologyTest {
    static final String REGISTRY = "rx-topology-test";
    static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    @TempDir Path dir;
    TopologyTestDriver driver;
    TestInputTopic<String, LinkedNote> linked;
    TestOutputTopic<String, DrugRecommendations> recommendations;
    KeyValueStore<String, PatientDrugs> patientDrugs;

    @BeforeEach
    void startTopology() throws Exception {
        Path[] files = ToyGraph.write(dir);
        LinkrxConfig config = LinkrxConfig.of(Map.of(
                "linkrx.schema.registry.url", "mem://" + REGISTRY,
                "linkrx.schema.registry.auto.register", "true",
                "linkrx.application.id", "linkrx-rx-test",
                "linkrx.rx.kg.path", files[0].toString(),
                "linkrx.rx.node.names.path", files[1].toString(),
                "linkrx.rx.top.k", "24",
                "linkrx.rx.paths", "1",
                "linkrx.rx.drug.horizon.days", "30"));
        Topics topics = new Topics(config.serdeConfig());
        RxStage stage = RxStage.fromConfig(config, Clock.fixed(T0, ZoneOffset.UTC)).orElseThrow();
        StreamsBuilder builder = new StreamsBuilder();
        RecommendationTopology.build(builder, topics, stage, new StageMeter(new SimpleMeterRegistry()));
        var props = StreamsSettings.from(config);
        props.put("processing.guarantee", "at_least_once"); // as in LinkingTopologyTest
        props.put("state.dir", dir.resolve("state").toString());
        driver = new TopologyTestDriver(builder.build(), props);
        linked = driver.createInputTopic(Topics.LINKED_CONCEPTS, new StringSerializer(), topics.linkedConcepts.valueSerde().serializer());
        recommendations = driver.createOutputTopic(Topics.RECOMMENDATIONS, new StringDeserializer(),
                topics.recommendations.valueSerde().deserializer());
        patientDrugs = driver.getKeyValueStore(RecommendationTopology.PATIENT_DRUGS_STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
        InMemorySchemaRegistry.dropScope(REGISTRY);
    }

    @Test
    void recommends_for_the_linked_condition_excluding_and_checking_the_current_drug() {
        // Given a note: the patient has "zero disease" and takes Onemab; a negated drug and a family condition too
        linked.pipeInput("pt-1", note("n-1", "pt-1", T0,
                mention("zero disease", "Disease", Assertion.PRESENT, ToyGraph.ZERO_DISEASE, "MESH"),
                mention("Onemab", "Drug", Assertion.PRESENT, ToyGraph.ONEMAB, "DRUGBANK"),
                mention("Twomab", "Drug", Assertion.NEGATED, "DB90002", "DRUGBANK"),
                mention("other disease", "Disease", Assertion.FAMILY, "D900004", "MESH")));

        // Then recommendations come for the condition, each with a path, Onemab excluded, Zeromab warned about
        var record = recommendations.readKeyValue();
        assertThat(record.key).isEqualTo("pt-1");
        DrugRecommendations out = record.value;
        assertThat(out.getNoteId()).isEqualTo("n-1");
        assertThat(out.getEventTime()).isEqualTo(T0);
        assertThat(out.getRecommendations()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getForConditions()).containsExactly(ToyGraph.ZERO_DISEASE);
            assertThat(r.getPaths()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.getNodes().get(0).getId()).isEqualTo("Compound::" + r.getDrugId());
                assertThat(p.getNodes().get(0).getType()).isEqualTo("Compound");
                assertThat(p.getNodes().get(p.getNodes().size() - 1).getId()).isEqualTo("Disease::MESH:" + ToyGraph.ZERO_DISEASE);
                assertThat(p.getRelations()).hasSize(p.getNodes().size() - 1);
            });
            assertThat(r.getScore()).isBetween(0.0, 1.0);
        });
        assertThat(out.getRecommendations()).extracting(DrugRecommendation::getDrugId).doesNotContain(ToyGraph.ONEMAB);
        DrugRecommendation zeromab = drug(out, ToyGraph.ZEROMAB);
        assertThat(zeromab.getDrugName()).isEqualTo("Zeromab");
        assertThat(zeromab.getWarnings()).singleElement().satisfies(w -> {
            assertThat(w.getKind()).isEqualTo("INTERACTION");
            assertThat(w.getRelatedConceptId()).isEqualTo("Compound::" + ToyGraph.ONEMAB);
            assertThat(w.getMessage()).contains("Zeromab", "Onemab");
        });
        assertThat(out.getProvenance().getModelVersion()).startsWith("rx-dwpc-logreg@");
        assertThat(out.getProvenance().getKbVersion()).startsWith("toy.drkg.tsv (");
        // only the PRESENT drug is remembered
        assertThat(patientDrugs.get("pt-1").lastSeen()).containsExactly(Map.entry(ToyGraph.ONEMAB, T0.toEpochMilli()));
    }

    @Test
    void a_later_note_remembers_the_drugs_of_an_earlier_one_within_the_horizon() {
        // Given a first note that only mentions Onemab
        linked.pipeInput("pt-2", note("n-1", "pt-2", T0, mention("Onemab", "Drug", Assertion.PRESENT, ToyGraph.ONEMAB, "DRUGBANK")));
        // When a second note, ten days later, names the condition but no drug
        linked.pipeInput("pt-2", note("n-2", "pt-2", T0.plus(Duration.ofDays(10)),
                mention("zero disease", "Disease", Assertion.PRESENT, ToyGraph.ZERO_DISEASE, "MESH")));

        // Then the first note has nothing to recommend, and the second still excludes and warns about Onemab
        List<DrugRecommendations> out = recommendations.readValuesToList();
        assertThat(out).extracting(DrugRecommendations::getNoteId).containsExactly("n-1", "n-2");
        assertThat(out.get(0).getRecommendations()).isEmpty();
        assertThat(out.get(1).getRecommendations()).extracting(DrugRecommendation::getDrugId).doesNotContain(ToyGraph.ONEMAB);
        assertThat(drug(out.get(1), ToyGraph.ZEROMAB).getWarnings()).extracting(SafetyWarning::getKind).containsExactly("INTERACTION");
    }

    @Test
    void drugs_older_than_the_horizon_are_no_longer_current() {
        linked.pipeInput("pt-3", note("n-1", "pt-3", T0, mention("Onemab", "Drug", Assertion.PRESENT, ToyGraph.ONEMAB, "DRUGBANK")));
        linked.pipeInput("pt-3", note("n-2", "pt-3", T0.plus(Duration.ofDays(31)),
                mention("zero disease", "Disease", Assertion.PRESENT, ToyGraph.ZERO_DISEASE, "MESH")));

        DrugRecommendations second = recommendations.readValuesToList().get(1);
        assertThat(drug(second, ToyGraph.ZEROMAB).getWarnings()).isEmpty();
        assertThat(second.getRecommendations()).extracting(DrugRecommendation::getDrugId).contains(ToyGraph.ONEMAB);
        assertThat(patientDrugs.get("pt-3").lastSeen()).isEmpty();
    }

    @Test
    void conditions_the_graph_does_not_know_give_an_empty_list_not_an_error() {
        linked.pipeInput("pt-4", note("n-1", "pt-4", T0, mention("rare thing", "Disease", Assertion.PRESENT, "D012345", "MESH"),
                nilMention("unlinked")));

        assertThat(recommendations.readValue().getRecommendations()).isEmpty();
    }

    static DrugRecommendation drug(DrugRecommendations out, String drugId) {
        return out.getRecommendations().stream().filter(r -> r.getDrugId().equals(drugId)).findFirst().orElseThrow();
    }

    static LinkedNote note(String id, String patient, Instant time, LinkedMention... mentions) {
        return LinkedNote.newBuilder().setNoteId(id).setPatientId(patient).setEventTime(time)
                .setMentions(List.of(mentions))
                .setProvenance(Provenance.newBuilder().setAppVersion("test").setModelVersion("test").setKbVersion("test")
                        .setProducedAt(time).build())
                .build();
    }

    static LinkedMention mention(String text, String type, Assertion assertion, String conceptId, String vocabulary) {
        return LinkedMention.newBuilder().setBegin(0).setEnd(text.length()).setText(text).setSemanticType(type)
                .setAssertion(assertion).setConceptId(conceptId).setVocabulary(vocabulary).setPreferredName(text)
                .setScore(0.9).build();
    }

    static LinkedMention nilMention(String text) {
        return LinkedMention.newBuilder().setBegin(0).setEnd(text.length()).setText(text).setSemanticType("Disease")
                .setNil(true).setScore(0.1).build();
    }
}
