package io.linkrx.launcher.loop;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.linkrx.app.LinkrxApp;
import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.topics.Topics;
import io.linkrx.launcher.demo.NoteProducer;
import io.linkrx.launcher.local.LocalKafkaBroker;
import io.linkrx.launcher.local.LocalSchemaRegistry;
import io.linkrx.launcher.local.LocalSidecar;
import io.linkrx.launcher.local.WorkDirs;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.ModelEvent;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.teacher.bridge.TeacherBridge;
import io.linkrx.teacher.bridge.TeacherBridgeSettings;
import io.linkrx.teacher.train.ModelCommand;
import io.linkrx.teacher.train.ModelEvents;
import io.linkrx.teacher.train.TrainerService;
import io.linkrx.teacher.train.TrainerSettings;

/**
 * {@code ./linkrx teacher-loop}: the whole teacher loop on the embedded stack (real broker, registry and sidecar
 * processes; app, teacher bridge and trainer in this JVM) with the simulated teacher:
 * <ol>
 *   <li>the trainer trains version 1 from the human-labelled seed documents and promotes it;</li>
 *   <li>the app links the streamed notes with it and asks the teacher about the mentions it is unsure of;</li>
 *   <li>the bridge answers from the gold corpus; the trainer stores the labels;</li>
 *   <li>a retrain request makes version 2, scored on the dev corpus against version 1, promoted unless it is worse;</li>
 *   <li>the sidecar and the app follow the promotion without a restart: the dev notes come out linked by it.</li>
 * </ol>
 * Prints the dev Acc@1 before and after and the promoted version. Exit code 0 when the loop completed.
 */
public final class TeacherLoopCommand {
    static final String MODEL = "reranker";
    private static final Duration CYCLE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

    private final PrintStream out;
    private TrainerSettings trainerSettings;

    public TeacherLoopCommand(PrintStream out) {
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        LoopOptions options;
        try {
            options = LoopOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(LoopOptions.USAGE);
            return 2;
        }
        Path work = options.workDir().orElseGet(TeacherLoopCommand::tempDir);
        try {
            return new TeacherLoopCommand(out).run(options, work);
        } finally {
            if (!options.keep() && options.workDir().isEmpty()) {
                WorkDirs.deleteRecursively(work);
            }
        }
    }

    int run(LoopOptions options, Path work) {
        LoopData data = options.data(dir(work.resolve("data")));
        out.println("Teacher loop on " + data.description());
        Path sidecarDir = work.resolve("sidecar");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"));
             LocalSchemaRegistry registry = LocalSchemaRegistry.start(work.resolve("registry"))) {
            String bootstrap = broker.bootstrapServers();
            trainerSettings = trainerSettings(bootstrap, registry.url(), data, sidecarDir.resolve("repository"),
                    work.resolve("labels"));
            try (LocalSidecar sidecar = LocalSidecar.start(sidecarDir,
                    "linkrx.sidecar.repository.poll.interval.ms=500",
                    "linkrx.sidecar.model.events.bootstrap.servers=" + bootstrap,
                    "linkrx.sidecar.model.events.schema.registry.url=" + registry.url());
                 TrainerService trainer = new TrainerService(trainerSettings)) {
                out.printf("Kafka %s, registry %s, sidecar %s (pid %d)%n", bootstrap, registry.url(), sidecar.target(),
                        sidecar.processHandle().pid());
                LinkrxConfig config = appConfig(bootstrap, registry.url(), sidecar.target(), data,
                        sidecar.repository().resolve(MODEL), work.resolve("streams"), options.budgetPerHour());
                trainer.start();
                try (LoopRecords records = new LoopRecords(bootstrap, config.serdeConfig())) {
                    return loop(data, config, bootstrap, registry.url(), sidecar, records);
                }
            }
        }
    }

    private int loop(LoopData data, LinkrxConfig config, String bootstrap, String registryUrl, LocalSidecar sidecar,
                     LoopRecords records) {
        // 1. version 1 from the human-labelled seed
        ModelEvent first = retrain(records, "1", "version 1 from the human-labelled seed");
        if (first == null) {
            return 1;
        }
        awaitServed(sidecar, "1");
        double before = first.getMetrics().getOrDefault("dev_acc_at_1", Double.NaN);
        out.printf("Version 1 trained on the seed: dev Acc@1 %.4f (%s)%n", before, first.getReason());

        TeacherBridge bridge = TeacherBridge.fromSettings(bridgeSettings(bootstrap, registryUrl, data));
        Thread bridgeThread = new Thread(bridge::run, "teacher-bridge");
        bridgeThread.start();
        try (LinkrxApp app = LinkrxApp.start(config)) {
            app.awaitRunning(Duration.ofSeconds(90));
            // 2. the stream: linked notes, teacher requests for the uncertain mentions, labels back
            NoteProducer.publish(data.stream(), bootstrap, config.serdeConfig());
            boolean linked = records.awaitUntil(() -> linkedCount(records, data.stream()) == data.stream().size(),
                    STREAM_TIMEOUT);
            records.awaitQuiet(Duration.ofSeconds(5), STREAM_TIMEOUT); // trailing requests and their labels
            printStream(data, records, linked);

            // 3. version 2 from seed + teacher labels, decided on dev
            ModelEvent decision = retrain(records, "2", "teacher labels arrived");
            if (decision == null) {
                return 1;
            }
            double after = decision.getMetrics().getOrDefault("dev_acc_at_1", Double.NaN);
            out.printf("Version 2 (seed + %d teacher labels): dev Acc@1 %.4f vs %.4f -> %s (%s)%n",
                    records.labels.size(), after, before, decision.getEventType(), decision.getReason());
            if (!decision.getEventType().equals(ModelEvents.PROMOTED)) {
                out.println("Version 1 keeps serving.");
                return 0;
            }
            // 4. the promotion reaches the sidecar and the app without a restart
            awaitServed(sidecar, "2");
            NoteProducer.publish(data.devNotes(), bootstrap, config.serdeConfig());
            records.awaitUntil(() -> linkedCount(records, data.devNotes()) == data.devNotes().size(), STREAM_TIMEOUT);
            Map<String, Long> versions = data.devNotes().stream().map(n -> records.linked.get(n.getNoteId()))
                    .filter(java.util.Objects::nonNull)
                    .collect(Collectors.groupingBy(n -> n.getProvenance().getModelVersion(), TreeMap::new,
                            Collectors.counting()));
            out.printf("Promoted version: %s@2; dev notes linked after the promotion, by model version: %s%n", MODEL,
                    versions);
            out.printf("%nBEFORE dev Acc@1 %.4f (version 1)   AFTER dev Acc@1 %.4f (version 2, promoted)%n", before,
                    after);
            return versions.getOrDefault(MODEL + "@2", 0L) > 0 ? 0 : 1;
        } finally {
            bridge.stop();
            joinQuietly(bridgeThread);
            bridge.close();
        }
    }

    /** Asks the trainer for a cycle and waits for its decision about {@code version}; null (and a message) on timeout. */
    private ModelEvent retrain(LoopRecords records, String version, String reason) {
        try {
            ModelCommand.publish(trainerSettings, ModelEvents.retrainRequested(MODEL, "teacher-loop", reason));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot send the retrain request: " + e.getCause().getMessage(), e.getCause());
        }
        boolean decided = records.awaitUntil(() -> records.event(ModelEvents.PROMOTED, version).isPresent()
                || records.event(ModelEvents.REJECTED, version).isPresent(), CYCLE_TIMEOUT);
        if (!decided) {
            out.println("No decision about version " + version + " within " + CYCLE_TIMEOUT + "; see the trainer log");
            return null;
        }
        return records.event(ModelEvents.PROMOTED, version).or(() -> records.event(ModelEvents.REJECTED, version))
                .orElseThrow();
    }

    private void printStream(LoopData data, LoopRecords records, boolean allLinked) {
        long mentions = data.stream().stream().map(n -> records.linked.get(n.getNoteId()))
                .filter(java.util.Objects::nonNull).mapToLong(n -> n.getMentions().size()).sum();
        Map<String, Long> reasons = records.requests.stream()
                .collect(Collectors.groupingBy(r -> r.getReason(), TreeMap::new, Collectors.counting()));
        Map<String, Long> sources = records.labels.stream()
                .collect(Collectors.groupingBy(TeacherLabel::getLabelSource, TreeMap::new, Collectors.counting()));
        long nil = records.labels.stream().filter(l -> l.getChosenConceptId() == null).count();
        out.printf("Streamed %d notes: %d linked%s, %d mentions; %d teacher requests %s; %d labels %s (%d NIL), "
                        + "%d requests the teacher could not answer (dead-lettered)%n",
                data.stream().size(), linkedCount(records, data.stream()), allLinked ? "" : " (TIMED OUT)", mentions,
                records.requests.size(), reasons, records.labels.size(), sources, nil, records.requestDeadLetters);
    }

    private static long linkedCount(LoopRecords records, List<ClinicalNote> notes) {
        return notes.stream().filter(n -> records.linked.containsKey(n.getNoteId())).count();
    }

    /** Waits until the sidecar's readiness report says the re-ranker serves {@code version}. */
    private static void awaitServed(LocalSidecar sidecar, String version) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + "/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        String served = "\"name\":\"" + MODEL + "\",\"state\":\"READY\",\"version\":\"" + version + "\"";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.ofString()).body().contains(served)) {
                    return;
                }
                Thread.sleep(250);
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("the sidecar does not serve " + MODEL + " version " + version + " after 60 s");
    }

    static TrainerSettings trainerSettings(String bootstrap, String registryUrl, LoopData data, Path repository,
                                           Path labelStore) {
        Map<String, String> s = new HashMap<>();
        s.put("linkrx.trainer.bootstrap.servers", bootstrap);
        s.put("linkrx.trainer.schema.registry.url", registryUrl);
        s.put("linkrx.trainer.schema.registry.auto.register", "true");
        s.put("linkrx.trainer.label.store.dir", labelStore.toString());
        s.put("linkrx.trainer.repository", repository.toString());
        s.put("linkrx.trainer.model", MODEL);
        s.put("linkrx.trainer.human.corpora", data.seed().toString());
        s.put("linkrx.trainer.dev.corpus", data.dev().toString());
        s.put("linkrx.trainer.kb.paths", String.join(",", data.kbSpecs()));
        return TrainerSettings.of(s);
    }

    static TeacherBridgeSettings bridgeSettings(String bootstrap, String registryUrl, LoopData data) {
        Map<String, String> s = new HashMap<>();
        s.put("linkrx.teacher.provider", "simulated");
        s.put("linkrx.teacher.simulated.corpus", data.gold().toString());
        s.put("linkrx.teacher.simulated.kb", String.join(",", data.kbSpecs()));
        s.put("linkrx.teacher.bootstrap.servers", bootstrap);
        s.put("linkrx.teacher.schema.registry.url", registryUrl);
        s.put("linkrx.teacher.schema.registry.auto.register", "true");
        return TeacherBridgeSettings.of(s);
    }

    static LinkrxConfig appConfig(String bootstrap, String registryUrl, String sidecarTarget, LoopData data,
                                  Path rerankerDir, Path stateDir, int budgetPerHour) {
        Map<String, String> s = new HashMap<>();
        s.put("linkrx.application.id", "linkrx-teacher-loop");
        s.put("linkrx.bootstrap.servers", bootstrap);
        s.put("linkrx.schema.registry.url", registryUrl);
        s.put("linkrx.schema.registry.auto.register", "true");
        s.put("linkrx.kb.paths", String.join(",", data.kbSpecs()));
        s.put("linkrx.serving.target", sidecarTarget);
        s.put("linkrx.serving.deadline.ms", "10000");
        s.put("linkrx.reranker.model.dir", rerankerDir.toString());
        s.put("linkrx.teacher.budget.per.hour", Integer.toString(budgetPerHour));
        s.put("linkrx.teacher.drain.interval.ms", "1000");
        s.put("linkrx.topics.create", "true");
        s.put("linkrx.topics.partitions", "3");
        s.put("linkrx.topics.replication.factor", "1");
        s.put("linkrx.state.dir", stateDir.toString());
        s.put("linkrx.http.host", "127.0.0.1");
        s.put("linkrx.http.port", "0");
        return LinkrxConfig.load(Optional.empty(), System.getenv(), s);
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("linkrx-teacher-loop-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work directory", e);
        }
    }

    private static Path dir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

}
