package io.linkrx.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.app.LinkrxApp;
import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.eval.linking.LinkingEvalCommand;
import io.linkrx.it.infra.ItWorkDirs;
import io.linkrx.it.infra.KafkaClusterExtension;
import io.linkrx.it.infra.SchemaRegistryExtension;
import io.linkrx.launcher.demo.DemoCorpus;
import io.linkrx.launcher.local.LocalSidecar;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The learned linker in the streaming app, as {@code eval linking} trains and measures it: the re-ranker is
 * trained on the demo notes' gold links, exported to ONNX into the repository of a real sidecar process, and
 * the app (real broker, real registry) links the notes with it: every output names the re-ranker version and
 * the links agree with what the evaluation reports for the same model.
 */
class LearnedLinkingIT {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension();
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final String KB = "classpath:linkrx/demo/kb.tsv";

    @Test
    void the_app_links_with_the_trained_and_served_reranker() throws Exception {
        Path work = ItWorkDirs.newDir("learned-");
        Path corpus = Files.writeString(work.resolve("demo.PubTator"), DemoCorpus.pubTator(DemoFixtures.notes()));
        try (LocalSidecar sidecar = LocalSidecar.start(work)) {
            // Given a re-ranker trained on the demo gold links and exported into the sidecar's repository
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = LinkingEvalCommand.run(new String[] {"--corpus", corpus.toString(), "--kb", KB,
                "--train", corpus.toString(), "--model-repo", sidecar.repository().toString(),
                "--sidecar", sidecar.target(), "--epochs", "5"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertThat(code).isZero();
            assertThat(sidecar.repository().resolve("reranker/1/model.onnx")).isNotEmptyFile();

            // When the app runs with it
            LinkrxConfig config = ItApps.config("linkrx-learned-it", KAFKA.bootstrapServers(), REGISTRY.url(),
                    work.resolve("state"), Map.of(
                            "linkrx.kb.paths", KB,
                            "linkrx.serving.target", sidecar.target(),
                            "linkrx.serving.deadline.ms", "10000",
                            "linkrx.reranker.model.dir", sidecar.repository().resolve("reranker").toString()));
            List<ClinicalNote> notes = DemoFixtures.notes();
            try (LinkrxApp app = LinkrxApp.start(config);
                 PipelineClients clients = new PipelineClients(KAFKA.bootstrapServers(), config.serdeConfig())) {
                ItApps.awaitRunning(app, TIMEOUT);
                notes.forEach(clients::publish);

                // Then every note is linked by the re-ranker version the sidecar serves, not degraded
                List<LinkedNote> linked = clients.linkedNotes(n -> n.getNoteId().startsWith("demo-note-"), notes.size(), TIMEOUT);
                assertThat(linked).hasSize(notes.size()).allSatisfy(n -> {
                    assertThat(n.getDegraded()).isFalse();
                    assertThat(n.getProvenance().getModelVersion()).isEqualTo("reranker@1");
                    assertThat(n.getProvenance().getKbVersion()).contains("dictionary:reranker@1");
                });
                // and the gold links of the notes it was trained on are found with the right concept
                Map<String, String> predicted = new HashMap<>();
                for (LinkedNote n : linked) {
                    for (LinkedMention m : n.getMentions()) {
                        predicted.put(n.getNoteId() + ":" + m.getBegin() + "-" + m.getEnd(), m.getConceptId());
                    }
                }
                List<DemoCorpus.GoldLink> gold = DemoFixtures.expectedLinks();
                long right = gold.stream().filter(g -> g.conceptId().equals(
                        predicted.get(g.noteId() + ":" + g.begin() + "-" + g.end()))).count();
                assertThat((double) right / gold.size()).as("gold links found with the right concept").isGreaterThan(0.9);
            }
        }
    }
}
