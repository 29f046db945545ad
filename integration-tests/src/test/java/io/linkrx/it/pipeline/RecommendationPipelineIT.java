package io.linkrx.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.linkrx.app.LinkrxApp;
import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.it.infra.ItWorkDirs;
import io.linkrx.it.infra.KafkaClusterExtension;
import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.launcher.demo.RxDemoData;
import io.linkrx.schema.DrugRecommendation;
import io.linkrx.schema.DrugRecommendations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drug recommendations on a real broker and registry, from the real Hetionet-derived graph in ../shared/data
 * (skipped when that data is not beside the checkout): linked conditions in, explained recommendations out,
 * the patient's current drugs excluded.
 */
class RecommendationPipelineIT {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void recommends_explained_drugs_for_linked_conditions_and_leaves_out_current_ones() throws Exception {
        RxDemoData data = RxDemoData.locate(System.getenv(), Path.of(""));
        assumeTrue(data.on(), () -> "recommendation data not available: " + data.offReason());
        Map<String, String> settings = data.settings();
        LinkrxConfig config = ItApps.config("linkrx-rx-it", KAFKA.bootstrapServers(), REGISTRY.url(),
                ItWorkDirs.newDir("rx-state-"), settings);
        try (LinkrxApp app = LinkrxApp.start(config);
             PipelineClients clients = new PipelineClients(KAFKA.bootstrapServers(), config.serdeConfig())) {
            ItApps.awaitRunning(app, TIMEOUT);

            // Given a patient with type 2 diabetes who already takes metformin (its known first-line treatment)
            clients.publish(DemoFixtures.note("rx-1", "rx-patient",
                    "Assessment: type 2 diabetes mellitus, poorly controlled. Currently taking metformin."));

            // When the note is linked and passes the recommender
            List<DrugRecommendations> out = clients.recommendations(r -> r.getNoteId().equals("rx-1"), 1, TIMEOUT);

            // Then drugs are recommended for the condition, each explained by a graph path, metformin left out
            assertThat(out).singleElement().satisfies(note -> {
                assertThat(note.getPatientId()).isEqualTo("rx-patient");
                assertThat(note.getProvenance().getModelVersion()).startsWith("rx-dwpc-logreg@");
                assertThat(note.getRecommendations()).isNotEmpty().allSatisfy(r -> {
                    assertThat(r.getForConditions()).contains("D003924");
                    assertThat(r.getPaths()).isNotEmpty();
                    assertThat(r.getPaths().get(0).getNodes().get(0).getId()).isEqualTo("Compound::" + r.getDrugId());
                });
                assertThat(note.getRecommendations()).extracting(DrugRecommendation::getDrugId).doesNotContain("DB00331");
            });
        }
    }
}
