package io.linkrx.launcher.loop;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import io.linkrx.app.LinkrxApp;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.launcher.demo.NoteProducer;
import io.linkrx.launcher.local.LocalSidecar;
import io.linkrx.schema.ClinicalNote;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.ModelEvent;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.teacher.bridge.SynthesisRequests;
import io.linkrx.teacher.bridge.SynthesizeCommand;
import io.linkrx.teacher.bridge.TeacherBridge;
import io.linkrx.teacher.bridge.TeacherBridgeSettings;
import io.linkrx.teacher.train.ModelCommand;
import io.linkrx.teacher.train.ModelEvents;
import io.linkrx.teacher.train.TrainerService;
import io.linkrx.teacher.train.TrainerSettings;

/**
 * The teacher loop over a running broker, registry and sidecar (the sidecar follows model events, see
 * {@link #sidecarSettings}); the app, the teacher bridge (simulated teacher) and the trainer run in this JVM:
 * <ol>
 *   <li>the trainer trains version 1 from the human-labelled seed documents and promotes it;</li>
 *   <li>the app links the streamed notes with it and asks the teacher about the mentions it is unsure of;</li>
 *   <li>the bridge answers from the gold corpus; the trainer stores the labels; optionally the teacher also writes
 *   synthetic sentences for concepts nothing covers;</li>
 *   <li>a retrain request makes version 2, scored on the dev corpus against version 1, promoted unless worse;</li>
 *   <li>the sidecar and the app follow the promotion without a restart: the dev notes come out linked by it.</li>
 * </ol>
 */
public final class TeacherLoop {
    public static final String MODEL = "reranker";
    private static final Duration CYCLE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

    /**
     * What the loop did. {@code stream} and {@code afterPromotion} are the linked notes of the streamed and (after a
     * promotion) the dev notes; {@code requests}, {@code labels} and {@code requestDeadLetters} are those of the
     * stream and the synthesis, as the retrain saw them; {@code published} says what version 2 was trained on,
     * {@code second} is the decision about it (PROMOTED or REJECTED).
     */
    public record Result(ModelEvent first, ModelEvent published, ModelEvent second, List<LinkedNote> stream, List<LinkedNote> afterPromotion,
                         List<TeacherLabelingRequest> requests, List<TeacherLabel> labels,
                         int requestDeadLetters) {
        public double accAt1Before() {
            return first.getMetrics().getOrDefault("dev_acc_at_1", Double.NaN);
        }

        public double accAt1After() {
            return second.getMetrics().getOrDefault("dev_acc_at_1", Double.NaN);
        }

        public boolean promoted() {
            return second.getEventType().equals(ModelEvents.PROMOTED);
        }

        /** Linked notes after the promotion, counted by the model version their provenance names. */
        public Map<String, Long> versionsAfterPromotion() {
            return afterPromotion.stream().collect(Collectors.groupingBy(n -> n.getProvenance().getModelVersion(),
                    TreeMap::new, Collectors.counting()));
        }
    }

    private final LoopData data;
    private final String bootstrap;
    private final String registryUrl;
    private final LocalSidecar sidecar;
    private final Path work;
    private final PrintStream progress;
    private final TrainerSettings trainerSettings;
    private boolean teacherNamesOutside;

    /** @param sidecar started with {@link #sidecarSettings} on the repository the trainer publishes into */
    public TeacherLoop(LoopData data, String bootstrap, String registryUrl, LocalSidecar sidecar, Path work,
                       PrintStream progress) {
        this.data = data;
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        this.sidecar = sidecar;
        this.work = work;
        this.progress = progress;
        this.trainerSettings = trainerSettings();
    }

    /** The sidecar follows model events (PROMOTED pins) and looks at its repository twice a second. */
    public static String[] sidecarSettings(String bootstrap, String registryUrl) {
        return new String[] {"linkrx.sidecar.repository.poll.interval.ms=500",
            "linkrx.sidecar.model.events.bootstrap.servers=" + bootstrap,
            "linkrx.sidecar.model.events.schema.registry.url=" + registryUrl};
    }

    /**
     * Lets the simulated teacher name the gold concept when it is not among the candidates
     * ({@code linkrx.teacher.outside.kb} = the loop's KBs); off by default: candidates or NIL.
     */
    public TeacherLoop teacherNamesOutside(boolean on) {
        this.teacherNamesOutside = on;
        return this;
    }

    /** Runs the loop; empty when the trainer did not decide in time (the reason is printed). */
    public Optional<Result> run(int budgetPerHour, int synthesize) {
        LinkrxConfig config = appConfig(budgetPerHour);
        try (TrainerService trainer = new TrainerService(trainerSettings);
             LoopRecords records = new LoopRecords(bootstrap, config.serdeConfig())) {
            trainer.start();
            ModelEvent first = retrain(records, "1", "version 1 from the human-labelled seed");
            if (first == null) {
                return Optional.empty();
            }
            awaitServed("1");
            progress.printf("Version 1 trained on the seed: dev Acc@1 %.4f (%s)%n",
                    first.getMetrics().getOrDefault("dev_acc_at_1", Double.NaN), first.getReason());
            TeacherBridge bridge = TeacherBridge.fromSettings(bridgeSettings());
            Thread bridgeThread = new Thread(bridge::run, "teacher-bridge");
            bridgeThread.start();
            try (LinkrxApp app = LinkrxApp.start(config)) {
                app.awaitRunning(Duration.ofSeconds(90));
                NoteProducer.publish(data.stream(), bootstrap, config.serdeConfig());
                records.awaitUntil(() -> linked(records, data.stream()).size() == data.stream().size(), STREAM_TIMEOUT);
                records.awaitQuiet(Duration.ofSeconds(5), STREAM_TIMEOUT); // trailing requests and their labels
                progress.printf("Streamed %d notes: %d linked; %d teacher requests, %d labels, %d dead-lettered requests%n",
                        data.stream().size(), linked(records, data.stream()).size(), records.requests.size(),
                        records.labels.size(), records.requestDeadLetters);
                if (synthesize > 0) {
                    requestSynthesis(records, synthesize);
                }
                // what the retrain learns from; the dev notes linked after a promotion ask their own questions
                List<TeacherLabelingRequest> requests = List.copyOf(records.requests);
                List<TeacherLabel> labels = List.copyOf(records.labels);
                int requestDeadLetters = records.requestDeadLetters;
                ModelEvent second = retrain(records, "2", "teacher labels arrived");
                if (second == null) {
                    return Optional.empty();
                }
                List<LinkedNote> after = List.of();
                if (second.getEventType().equals(ModelEvents.PROMOTED)) {
                    awaitServed("2");
                    NoteProducer.publish(data.devNotes(), bootstrap, config.serdeConfig());
                    records.awaitUntil(() -> linked(records, data.devNotes()).size() == data.devNotes().size(),
                            STREAM_TIMEOUT);
                    after = linked(records, data.devNotes());
                }
                ModelEvent published = records.event(ModelEvents.PUBLISHED, "2").orElseThrow();
                return Optional.of(new Result(first, published, second, linked(records, data.stream()), after,
                        requests, labels, requestDeadLetters));
            } finally {
                bridge.stop();
                join(bridgeThread);
                bridge.close();
            }
        }
    }

    /**
     * SynCABEL-style synthesis: for up to {@code max} KB concepts that neither the seed nor a label covers (the most
     * under-covered MeSH subtrees first), the teacher writes example sentences; they come back as synthetic labels.
     */
    private void requestSynthesis(LoopRecords records, int max) {
        KnowledgeBase kb = KnowledgeBase.loadAll(data.kbSpecs());
        Set<String> covered = new HashSet<>();
        for (PubTatorDocument d : PubTatorReader.read(data.seed())) {
            d.mentions().forEach(m -> m.ids().forEach(id -> kb.resolve(id).ifPresent(c -> covered.add(c.id()))));
        }
        records.labels.stream().map(TeacherLabel::getChosenConceptId).filter(Objects::nonNull).forEach(covered::add);
        List<TeacherLabelingRequest> requests = new SynthesisRequests(kb, 2, Clock.systemUTC())
                .plan(covered, Set.of(), max);
        SynthesizeCommand.publish(bridgeSettings(), requests);
        int before = records.labels.size();
        records.awaitQuiet(Duration.ofSeconds(5), STREAM_TIMEOUT);
        progress.printf("Synthesis: %d requests for uncovered concepts, %d synthetic examples back%n", requests.size(),
                records.labels.size() - before);
    }

    /** Asks the trainer for a cycle and waits for its decision about {@code version}; null (and a message) on timeout. */
    private ModelEvent retrain(LoopRecords records, String version, String reason) {
        try {
            ModelCommand.publish(trainerSettings, ModelEvents.retrainRequested(MODEL, "teacher-loop", reason));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send the retrain request: " + e.getCause().getMessage(), e.getCause());
        }
        boolean decided = records.awaitUntil(() -> records.event(ModelEvents.PROMOTED, version).isPresent()
                || records.event(ModelEvents.REJECTED, version).isPresent(), CYCLE_TIMEOUT);
        if (!decided) {
            progress.println("No decision about version " + version + " within " + CYCLE_TIMEOUT + "; see the trainer log");
            return null;
        }
        return records.event(ModelEvents.PROMOTED, version).or(() -> records.event(ModelEvents.REJECTED, version))
                .orElseThrow();
    }

    private static List<LinkedNote> linked(LoopRecords records, List<ClinicalNote> notes) {
        return notes.stream().map(n -> records.linked.get(n.getNoteId())).filter(Objects::nonNull).toList();
    }

    /** Waits until the sidecar's readiness report says the re-ranker serves {@code version}. */
    private void awaitServed(String version) {
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

    private TrainerSettings trainerSettings() {
        Map<String, String> s = new HashMap<>();
        s.put("linkrx.trainer.bootstrap.servers", bootstrap);
        s.put("linkrx.trainer.schema.registry.url", registryUrl);
        s.put("linkrx.trainer.schema.registry.auto.register", "true");
        s.put("linkrx.trainer.label.store.dir", work.resolve("labels").toString());
        s.put("linkrx.trainer.repository", sidecar.repository().toString());
        s.put("linkrx.trainer.model", MODEL);
        s.put("linkrx.trainer.human.corpora", data.seed().toString());
        s.put("linkrx.trainer.dev.corpus", data.dev().toString());
        s.put("linkrx.trainer.kb.paths", String.join(",", data.kbSpecs()));
        return TrainerSettings.of(s);
    }

    private TeacherBridgeSettings bridgeSettings() {
        Map<String, String> s = new HashMap<>();
        s.put("linkrx.teacher.provider", "simulated");
        s.put("linkrx.teacher.simulated.corpus", data.gold().toString());
        s.put("linkrx.teacher.simulated.kb", String.join(",", data.kbSpecs()));
        if (teacherNamesOutside) {
            s.put("linkrx.teacher.outside.kb", String.join(",", data.kbSpecs()));
        }
        s.put("linkrx.teacher.bootstrap.servers", bootstrap);
        s.put("linkrx.teacher.schema.registry.url", registryUrl);
        s.put("linkrx.teacher.schema.registry.auto.register", "true");
        return TeacherBridgeSettings.of(s);
    }

    private LinkrxConfig appConfig(int budgetPerHour) {
        Map<String, String> s = new HashMap<>();
        s.put("linkrx.application.id", "linkrx-teacher-loop");
        s.put("linkrx.bootstrap.servers", bootstrap);
        s.put("linkrx.schema.registry.url", registryUrl);
        s.put("linkrx.schema.registry.auto.register", "true");
        s.put("linkrx.kb.paths", String.join(",", data.kbSpecs()));
        s.put("linkrx.serving.target", sidecar.target());
        s.put("linkrx.serving.deadline.ms", "10000");
        s.put("linkrx.reranker.model.dir", sidecar.repository().resolve(MODEL).toString());
        s.put("linkrx.teacher.budget.per.hour", Integer.toString(budgetPerHour));
        s.put("linkrx.teacher.drain.interval.ms", "1000");
        s.put("linkrx.topics.create", "true");
        s.put("linkrx.topics.partitions", "3");
        s.put("linkrx.topics.replication.factor", "1");
        s.put("linkrx.state.dir", work.resolve("streams").toString());
        s.put("linkrx.http.host", "127.0.0.1");
        s.put("linkrx.http.port", "0");
        return LinkrxConfig.load(Optional.empty(), System.getenv(), s);
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
