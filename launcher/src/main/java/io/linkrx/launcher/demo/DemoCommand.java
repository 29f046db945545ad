package io.linkrx.launcher.demo;

import io.linkrx.config.FileTrees;

import io.linkrx.app.LinkrxApp;
import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.topics.Topics;
import io.linkrx.launcher.local.LocalKafkaBroker;
import io.linkrx.launcher.local.LocalSchemaRegistry;
import io.linkrx.launcher.local.LocalSidecar;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.DrugRecommendations;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.TeacherLabelingRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The one-command demo on the embedded default: a local KRaft broker process, a local Apicurio registry process,
 * the linking app in this JVM; publishes the demo notes, prints a table per linked note, and stops everything.
 */
public final class DemoCommand {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RESULTS_TIMEOUT = Duration.ofSeconds(120);

    private final PrintStream out;

    public DemoCommand(PrintStream out) {
        this.out = out;
    }

    /** @return the process exit code: 0 when every demo note came out linked */
    public int run() {
        List<ClinicalNote> notes = DemoNotes.load();
        RxDemoData rx = RxDemoData.locate(System.getenv(), Path.of(""));
        Path work = createWorkDir();
        Path rerankerDir = DemoReranker.install(work.resolve("sidecar").resolve("repository"));
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"));
             LocalSchemaRegistry registry = LocalSchemaRegistry.start(work.resolve("registry"));
             LocalSidecar sidecar = LocalSidecar.start(work.resolve("sidecar"))) {
            out.printf("Kafka broker     %s (pid %d)%nSchema registry  %s%nModel sidecar    %s (pid %d, encoder %s on CPU)%n",
                    broker.bootstrapServers(), broker.processHandle().pid(), registry.url(), sidecar.target(),
                    sidecar.processHandle().pid(), LocalSidecar.DEFAULT_ENCODER);
            out.println(rx.on() ? "Drug recommendations on: " + rx.settings().get("linkrx.rx.kg.path")
                    : "Drug recommendations off: " + rx.offReason());
            LinkrxConfig config = demoConfig(broker.bootstrapServers(), registry.url(), sidecar.target(), work.resolve("streams"), rx,
                    rerankerDir);
            try (LinkrxApp app = LinkrxApp.start(config)) {
                app.awaitRunning(READY_TIMEOUT);
                out.printf("linkrx running (metrics: http://127.0.0.1:%d/metrics); publishing %d demo notes%n",
                        app.opsPort(), notes.size());
                NoteProducer.publish(notes, broker.bootstrapServers(), config.serdeConfig());
                return collectAndPrint(notes, broker.bootstrapServers(), config.serdeConfig(), rx.on());
            }
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    static LinkrxConfig demoConfig(String bootstrap, String registryUrl, String sidecarTarget, Path stateDir, RxDemoData rx,
                                   Path rerankerDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("linkrx.reranker.model.dir", rerankerDir.toString());
        settings.put("linkrx.application.id", "linkrx-demo");
        settings.put("linkrx.bootstrap.servers", bootstrap);
        settings.put("linkrx.schema.registry.url", registryUrl);
        settings.put("linkrx.schema.registry.auto.register", "true");
        settings.put("linkrx.serving.target", sidecarTarget);
        // the first calls run on a cold JIT; the production default (500 ms) suits a warm sidecar
        settings.put("linkrx.serving.deadline.ms", "3000");
        settings.put("linkrx.topics.create", "true");
        settings.put("linkrx.topics.partitions", "3");
        settings.put("linkrx.topics.replication.factor", "1");
        settings.put("linkrx.state.dir", stateDir.toString());
        settings.put("linkrx.http.host", "127.0.0.1");
        settings.put("linkrx.http.port", "0");
        settings.putAll(rx.settings()); // empty when the shared data is absent: recommendations off
        settings.put("linkrx.rx.top.k", "3");
        settings.put("linkrx.rx.paths", "1");
        return LinkrxConfig.load(java.util.Optional.empty(), System.getenv(), settings);
    }


    private int collectAndPrint(List<ClinicalNote> notes, String bootstrap, Map<String, Object> serdeConfig, boolean rxOn) {
        Map<String, LinkedNote> linked = new LinkedHashMap<>();
        Map<String, DrugRecommendations> recommended = new LinkedHashMap<>();
        int teacherRequests = 0;
        int deadLetters = 0;
        Topics topics = new Topics(serdeConfig);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "linkrx-demo-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Instant deadline = Instant.now().plus(RESULTS_TIMEOUT);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.LINKED_CONCEPTS, Topics.TEACHER_REQUESTS, Topics.deadLetterTopicOf(Topics.NOTES),
                    Topics.RECOMMENDATIONS));
            // with recommendations on, every linked note yields one recommendations record (maybe empty)
            while ((linked.size() + deadLetters < notes.size() || rxOn && recommended.size() < linked.size())
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    switch (r.topic()) {
                        case Topics.LINKED_CONCEPTS -> {
                            LinkedNote note = topics.linkedConcepts.valueSerde().deserializer().deserialize(r.topic(), r.value());
                            linked.put(note.getNoteId(), note);
                        }
                        case Topics.TEACHER_REQUESTS -> teacherRequests++;
                        case Topics.RECOMMENDATIONS -> {
                            DrugRecommendations rec = topics.recommendations.valueSerde().deserializer().deserialize(r.topic(), r.value());
                            recommended.put(rec.getNoteId(), rec);
                        }
                        default -> deadLetters++;
                    }
                }
            }
            // teacher requests of the last notes may trail the linked notes by one commit
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                if (r.topic().equals(Topics.TEACHER_REQUESTS)) {
                    teacherRequests++;
                }
            }
        }
        notes.stream().map(n -> linked.get(n.getNoteId())).filter(java.util.Objects::nonNull).forEach(n -> {
            out.print(LinkedNoteTable.render(n));
            DrugRecommendations rec = recommended.get(n.getNoteId());
            if (rec != null) {
                out.print(RecommendationTable.render(rec));
            }
        });
        long mentions = linked.values().stream().mapToLong(n -> n.getMentions().size()).sum();
        long negated = linked.values().stream().flatMap(n -> n.getMentions().stream())
                .filter(m -> m.getAssertion() == io.linkrx.schema.Assertion.NEGATED).count();
        long degraded = linked.values().stream().filter(LinkedNote::getDegraded).count();
        out.printf("%n%d notes published, %d linked (%d mentions, %d negated, %d degraded), %d teacher requests, %d dead letters%n",
                notes.size(), linked.size(), mentions, negated, degraded, teacherRequests, deadLetters);
        if (rxOn) {
            long drugs = recommended.values().stream().mapToLong(r -> r.getRecommendations().size()).sum();
            long warnings = recommended.values().stream().flatMap(r -> r.getRecommendations().stream())
                    .mapToLong(d -> d.getWarnings().size()).sum();
            out.printf("%d notes with drug recommendations (%d drugs, %d warnings)%n", recommended.size(), drugs, warnings);
        }
        if (linked.size() < notes.size()) {
            out.printf("MISSING linked notes after %s: %s%n", RESULTS_TIMEOUT, notes.stream().map(ClinicalNote::getNoteId)
                    .filter(id -> !linked.containsKey(id)).toList());
            return 1;
        }
        return 0;
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("linkrx-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work directory", e);
        }
    }

}
