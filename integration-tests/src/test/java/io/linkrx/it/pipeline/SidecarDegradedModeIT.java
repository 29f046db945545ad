package io.linkrx.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.app.LinkrxApp;
import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.it.infra.ItWorkDirs;
import io.linkrx.it.infra.KafkaClusterExtension;
import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.launcher.local.LocalSidecar;
import io.linkrx.schema.LinkedNote;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The linking app with the real model-serving sidecar (a child JVM serving the shipped MiniLM encoder on
 * ONNX Runtime): dense ranking while it runs, lexical ranking marked degraded while it is dead, and dense
 * ranking again once it is back, without restarting the app and without losing a note.
 */
class SidecarDegradedModeIT {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final String TEXT = "Known MS with a diastolic rumble at the apex. Denies chest pain. Takes metformin.";

    @Test
    void a_dead_sidecar_degrades_ranking_and_its_return_restores_it() throws Exception {
        Path work = ItWorkDirs.newDir("sidecar-");
        LocalSidecar sidecar = LocalSidecar.start(work);
        LinkrxConfig config = ItApps.config("linkrx-sidecar-it", KAFKA.bootstrapServers(), REGISTRY.url(),
                work.resolve("state"), Map.of(
                        "linkrx.serving.target", sidecar.target(),
                        "linkrx.serving.deadline.ms", "5000",
                        "linkrx.serving.breaker.open.ms", "1000"));
        List<String> published = new ArrayList<>();
        try (LinkrxApp app = LinkrxApp.start(config);
             PipelineClients clients = new PipelineClients(KAFKA.bootstrapServers(), config.serdeConfig())) {
            ItApps.awaitRunning(app, TIMEOUT);

            // Given a running sidecar, notes are ranked with the encoder
            publish(clients, "sidecar-up-", 3, published);
            List<LinkedNote> up = clients.linkedNotes(n -> n.getNoteId().startsWith("sidecar-up-"), 3, TIMEOUT);
            assertThat(up).hasSize(3).allSatisfy(n -> {
                assertThat(n.getDegraded()).isFalse();
                assertThat(n.getProvenance().getModelVersion()).startsWith("dense:encoder@");
            });

            // When the sidecar dies, notes keep flowing, ranked lexically and marked degraded
            sidecar.processHandle().destroyForcibly();
            sidecar.processHandle().onExit().get(30, TimeUnit.SECONDS);
            publish(clients, "sidecar-down-", 3, published);
            List<LinkedNote> down = clients.linkedNotes(n -> n.getNoteId().startsWith("sidecar-down-"), 3, TIMEOUT);
            assertThat(down).hasSize(3).allSatisfy(n -> {
                assertThat(n.getDegraded()).isTrue();
                assertThat(n.getMentions()).allSatisfy(m -> assertThat(m.getDegraded()).isTrue());
                assertThat(n.getProvenance().getModelVersion()).isEqualTo("lexical-1");
            });

            // Then once it is back, dense ranking resumes by itself
            try (LocalSidecar restarted = LocalSidecar.start(work, sidecar.repository(), sidecar.grpcPort(),
                    sidecar.httpPort(), LocalSidecar.DEFAULT_START_TIMEOUT)) {
                LinkedNote recovered = null;
                Instant deadline = Instant.now().plus(TIMEOUT);
                for (int i = 0; recovered == null && Instant.now().isBefore(deadline); i++) {
                    String id = "sidecar-back-" + i;
                    publish(clients, id, published);
                    LinkedNote n = clients.linkedNotes(x -> x.getNoteId().equals(id), 1, TIMEOUT).get(0);
                    recovered = n.getDegraded() ? null : n;
                    Thread.sleep(500);
                }
                assertThat(recovered).as("a non-degraded note after the sidecar came back").isNotNull();
                assertThat(recovered.getProvenance().getModelVersion()).startsWith("dense:encoder@");

                // and no note was lost or duplicated on the way
                List<LinkedNote> all = clients.linkedNotes(n -> n.getNoteId().startsWith("sidecar-"), published.size(), TIMEOUT);
                assertThat(all).extracting(LinkedNote::getNoteId).containsExactlyInAnyOrderElementsOf(published);
            }
        } finally {
            sidecar.close();
        }
    }

    private static void publish(PipelineClients clients, String prefix, int count, List<String> published) {
        for (int i = 0; i < count; i++) {
            publish(clients, prefix + i, published);
        }
    }

    private static void publish(PipelineClients clients, String id, List<String> published) {
        clients.publish(DemoFixtures.note(id, "sidecar-patient", TEXT));
        published.add(id);
    }
}
