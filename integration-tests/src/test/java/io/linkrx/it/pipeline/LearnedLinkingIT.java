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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        try (LocalSidecar sidecar = LocalSidecar.start(work)) {
            // Given a re-ranker trained on the demo gold links and exported into the sidecar's repository
            train(work, sidecar);
            assertThat(sidecar.repository().resolve("reranker/1/model.onnx")).isNotEmptyFile();

            // When the app runs with it
            List<LinkedNote> linked = linkDemoNotes(work, sidecar, "linkrx-learned-it", "", Map.of());

            // Then every note is linked by the re-ranker version the sidecar serves, not degraded
            assertThat(linked).hasSize(DemoFixtures.notes().size()).allSatisfy(n -> {
                assertThat(n.getDegraded()).isFalse();
                assertThat(n.getProvenance().getModelVersion()).isEqualTo("reranker@1");
                assertThat(n.getProvenance().getKbVersion()).contains("dictionary:reranker@1");
            });
            // and the gold links of the notes it was trained on are found with the right concept
            assertThat(goldLinksFound(linked, "")).as("gold links found with the right concept").isGreaterThan(0.9);
        }
    }

    @Test
    void the_app_tags_with_the_trained_tagger_and_its_token_vectors_from_the_sidecar() throws Exception {
        Path work = ItWorkDirs.newDir("learned-tagger-");
        try (LocalSidecar sidecar = LocalSidecar.start(work, "linkrx.sidecar.repository.poll.interval.ms=500")) {
            // Given a re-ranker and a CRF tagger that learnt from the token vectors of the sidecar's encoder
            train(work, sidecar, "--end-to-end", "--train-tagger", "--tagger-encoder", "all-minilm-l6-v2");
            Path tagger = sidecar.repository().resolve("tagger/1/model.crf");
            assertThat(tagger).isNotEmptyFile();
            double before = okCalls(sidecar, "tagger-encoder");

            // When the app runs with that tagger
            List<LinkedNote> linked = linkDemoNotes(work, sidecar, "linkrx-tagger-it", "tagger-",
                    Map.of("linkrx.tagger.model", tagger.toString()));

            // Then each note was tagged with vectors from the sidecar (one call per note), and the mentions the
            // tagger finds are linked to the gold concepts
            assertThat(okCalls(sidecar, "tagger-encoder") - before).isGreaterThanOrEqualTo(DemoFixtures.notes().size());
            assertThat(linked).hasSize(DemoFixtures.notes().size()).allSatisfy(n -> assertThat(n.getDegraded()).isFalse());
            assertThat(goldLinksFound(linked, "tagger-")).as("gold links found with the right concept").isGreaterThan(0.8);
        }
    }

    /**
     * Trains on the demo notes' gold links into the sidecar's repository, through the sidecar; with lexical candidates
     * only, as the app here retrieves them (no KB index).
     */
    private static void train(Path work, LocalSidecar sidecar, String... more) throws Exception {
        Path corpus = Files.writeString(work.resolve("demo.PubTator"), DemoCorpus.pubTator(DemoFixtures.notes()));
        List<String> args = new ArrayList<>(List.of("--corpus", corpus.toString(), "--kb", KB,
                "--train", corpus.toString(), "--model-repo", sidecar.repository().toString(),
                "--sidecar", sidecar.target(), "--epochs", "5", "--encoder", "none"));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LinkingEvalCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(code).isZero();
    }

    /**
     * The demo notes, their ids prefixed (the tests share the topics), through the app with the served re-ranker (and
     * {@code more} settings), as linked.
     */
    private List<LinkedNote> linkDemoNotes(Path work, LocalSidecar sidecar, String appId, String prefix,
                                           Map<String, String> more) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "linkrx.kb.paths", KB,
                "linkrx.serving.target", sidecar.target(),
                "linkrx.serving.deadline.ms", "10000",
                "linkrx.reranker.model.dir", sidecar.repository().resolve("reranker").toString()));
        settings.putAll(more);
        LinkrxConfig config = ItApps.config(appId, KAFKA.bootstrapServers(), REGISTRY.url(), work.resolve("state"),
                settings);
        List<ClinicalNote> notes = DemoFixtures.notes().stream()
                .map(n -> ClinicalNote.newBuilder(n).setNoteId(prefix + n.getNoteId()).build()).toList();
        try (LinkrxApp app = LinkrxApp.start(config);
             PipelineClients clients = new PipelineClients(KAFKA.bootstrapServers(), config.serdeConfig())) {
            ItApps.awaitRunning(app, TIMEOUT);
            notes.forEach(clients::publish);
            return clients.linkedNotes(n -> n.getNoteId().startsWith(prefix + "demo-note-"), notes.size(), TIMEOUT);
        }
    }

    private static double goldLinksFound(List<LinkedNote> linked, String prefix) {
        Map<String, String> predicted = new HashMap<>();
        for (LinkedNote n : linked) {
            for (LinkedMention m : n.getMentions()) {
                predicted.put(n.getNoteId().substring(prefix.length()) + ":" + m.getBegin() + "-" + m.getEnd(), m.getConceptId());
            }
        }
        List<DemoCorpus.GoldLink> gold = DemoFixtures.expectedLinks();
        long right = gold.stream().filter(g -> g.conceptId().equals(
                predicted.get(g.noteId() + ":" + g.begin() + "-" + g.end()))).count();
        return (double) right / gold.size();
    }

    /** Successful ModelInfer calls the sidecar answered for a model, from its Prometheus metrics. */
    private static double okCalls(LocalSidecar sidecar, String model) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + sidecar.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith("linkrx_sidecar_requests_total{") && l.contains("model=\"" + model + "\"")
                        && l.contains("status=\"OK\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
