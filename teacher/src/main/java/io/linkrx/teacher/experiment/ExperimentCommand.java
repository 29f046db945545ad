package io.linkrx.teacher.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;
import io.linkrx.eval.linking.StudentTraining;
import io.linkrx.kb.KbSpec;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBases;
import io.linkrx.route.UncertaintyRouter;
import io.linkrx.teacher.bridge.ConceptNameLookup;
import io.linkrx.teacher.bridge.simulated.SimulatedTeacher;

/**
 * {@code eval teacher-loop}: the teacher-loop experiment of docs/BENCHMARKS.md. Dev Acc@1 after each budget of
 * teacher labels chosen by linkrx's routing or at random, with synthetic examples on or off; JSON (stdout and
 * {@code --out}) and a readable table (stderr).
 */
public final class ExperimentCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExperimentCommand() {
    }

    public static void main(String[] args) {
        System.setProperty("com.google.protobuf.use_unsafe_pre22_gencode", "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the experiment; returns the exit code (2 for usage errors). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ExperimentOptions o;
        try {
            o = ExperimentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("eval teacher-loop: " + e.getMessage());
            err.println(ExperimentOptions.USAGE);
            return 2;
        }
        Map<String, Object> result = experiment(o, err);
        try {
            String json = JSON.writeValueAsString(result);
            out.println(json);
            if (o.out() != null) {
                Files.writeString(o.out(), json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    static Map<String, Object> experiment(ExperimentOptions o, PrintStream progress) {
        long start = System.nanoTime();
        KnowledgeBase kb = KnowledgeBases.load(o.kbs().stream().map(KbSpec::parse).toList());
        StudentTraining training = new StudentTraining(kb, o.k(), o.epochs(), o.roundsSeed(), o.threads());
        List<PubTatorDocument> train = new ArrayList<>(PubTatorReader.read(o.corpus()));
        List<PubTatorDocument> dev = PubTatorReader.read(o.dev());
        Collections.shuffle(train, new Random(o.roundsSeed()));
        int seedDocs = o.seedDocsOf(train.size());
        List<PubTatorDocument> seed = train.subList(0, seedDocs);
        List<PubTatorDocument> poolDocs = train.subList(seedDocs, train.size());

        // labels: the gold annotation at the mention's offsets, restricted to the offered candidates; synthesis:
        // sentences of the human-labelled seed, else clinical templates (never pool sentences: those would be
        // labels the budget did not pay for)
        SimulatedTeacher labeler = new SimulatedTeacher(train, kb, o.corpus().getFileName().toString(),
                o.teacherNamesOutside() ? new ConceptNameLookup(kb) : null);
        SimulatedTeacher synthesizer = new SimulatedTeacher(seed, kb, "seed of " + o.corpus().getFileName());
        ActiveLearningRun loop = new ActiveLearningRun(training, seed, poolDocs, dev, labeler, synthesizer,
                new ActiveLearningRun.Settings(o.teacherCandidates(), o.syntheticConcepts(), o.syntheticPerConcept(),
                        o.batch(), o.threads(), o.humanHalf()));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("command", o.commandLine());
        result.put("date", Instant.now().toString());
        result.put("corpus", o.corpus().toString());
        result.put("dev", o.dev().toString());
        result.put("kb_version", kb.version());
        result.put("seed_documents", seed.size());
        result.put("seed_mentions", seed.stream().mapToInt(d -> ActiveLearningRun.linkable(d).size()).sum());
        result.put("pool_documents", poolDocs.size());
        result.put("pool_mentions", loop.pool().size());
        result.put("dev_mentions", dev.stream().mapToInt(d -> ActiveLearningRun.linkable(d).size()).sum());
        result.put("teacher", labeler.model() + " (gold concept at the mention's offsets if among the "
                + o.teacherCandidates() + " best student candidates, "
                + (o.teacherNamesOutside() ? "else named from the KB when the KB has it" : "else NIL") + ")");
        result.put("synthesis", synthesizer.model() + " (seed sentences, else clinical templates), "
                + o.syntheticPerConcept() + " per concept, up to " + o.syntheticConcepts() + " concepts");
        result.put("batch", o.batch());
        result.put("human_weight", o.humanHalf() ? "seed rows weighted to half of the mix once labels outnumber them"
                : "1 (unweighted)");
        result.put("router", "UncertaintyRouter(min score " + o.minScore() + ", min margin " + o.minMargin()
                + ", signals " + o.signals() + "); routed: spread over MeSH subtrees as the request gate does");
        result.put("student", "eval linking training (in-memory 3-gram retrieval, k " + o.k()
                + ", logistic regression, " + o.epochs() + " epochs, seed " + o.roundsSeed() + "), scored in process");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<LoopRow> all = new ArrayList<>();
        for (boolean synthetic : o.synthetic()) {
            for (String strategy : o.strategies()) {
                MentionSelector selector = selector(strategy, o, kb);
                for (LoopRow row : loop.run(selector, synthetic, o.budgets())) {
                    rows.add(row.json());
                    all.add(row);
                    progress.println(Table.line(row));
                }
            }
        }
        result.put("rows", rows);
        result.put("total_seconds", ActiveLearningRun.round((System.nanoTime() - start) / 1e9));
        progress.println();
        progress.print(Table.of(all));
        return result;
    }

    static UncertaintyRouter router(ExperimentOptions o) {
        return new UncertaintyRouter(o.minScore(), o.minMargin(), UncertaintyRouter.signals(o.signals()));
    }

    /** The selection strategies; routing goes through the app's router, so a richer router is a one-line swap. */
    static MentionSelector selector(String strategy, ExperimentOptions o, KnowledgeBase kb) {
        return switch (strategy) {
            case "routed" -> new RoutedSelector(router(o)::route, kb, true, o.roundsSeed());
            case "routed-no-spread" -> new RoutedSelector(router(o)::route, kb, false, o.roundsSeed());
            case "routed-frequency" -> new RoutedSelector(router(o)::route, kb, true, true, o.roundsSeed());
            case "routed-explore" -> new ExploringSelector(new RoutedSelector(router(o)::route, kb, true, o.roundsSeed()),
                    new RandomSelector(o.roundsSeed()), o.explore());
            case "expected-gain" -> new ExpectedGainSelector(
                    new RoutedSelector(router(o)::route, kb, false, o.roundsSeed()), o.confidentPrior(), o.roundsSeed());
            case "adaptive" -> new AdaptiveSelector(new RoutedSelector(router(o)::route, kb, true, o.roundsSeed()),
                    new RandomSelector(o.roundsSeed()), AdaptiveSelector.FLOOR);
            case "random" -> new RandomSelector(o.roundsSeed());
            default -> throw new IllegalArgumentException("unknown strategy " + strategy);
        };
    }
}
