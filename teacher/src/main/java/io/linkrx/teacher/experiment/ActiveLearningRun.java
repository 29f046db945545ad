package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.eval.linking.Student;
import io.linkrx.eval.linking.StudentTraining;
import io.linkrx.kb.Concept;
import io.linkrx.link.LinkedMention;
import io.linkrx.link.ScoredConcept;
import io.linkrx.teacher.CandidateOption;
import io.linkrx.teacher.LabelAnswer;
import io.linkrx.teacher.LabelQuestion;
import io.linkrx.teacher.SynthesisQuestion;
import io.linkrx.teacher.SyntheticExample;
import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.train.TrainingSet;

/**
 * The active-learning simulation, in process and without Kafka: a student trained on human-labelled seed
 * documents links the gold mentions of the other training documents (the pool); a selector picks the next
 * mentions up to each budget; the teacher answers among the student's candidates; the student is retrained on
 * seed + every teacher label so far (+ synthetic examples for concepts no label covers) and scored on the dev
 * documents. Within a budget step the student is retrained after every {@code batch} labels, as the trainer
 * retrains when enough new labels have arrived. A mention text is asked about once (the app suppresses
 * duplicate requests). Runs that differ in the selector differ in nothing else.
 */
final class ActiveLearningRun {
    /** How the loop asks and synthesises. */
    record Settings(int teacherCandidates, int syntheticConcepts, int syntheticPerConcept, int batch, int threads,
                    boolean humanHalf) {
    }

    private final StudentTraining training;
    private final List<PubTatorDocument> seed;
    private final List<PoolMention> pool;
    private final List<PubTatorDocument> dev;
    private final Teacher labeler;
    private final Teacher synthesizer;
    private final Settings settings;
    private final Set<String> seedConcepts = new HashSet<>();
    private final int seedMentions;
    /** The seed documents by identity: their training rows get the human weight of the mix. */
    private final Set<PubTatorDocument> human = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Synthetic sentences per concept: the teacher is asked once per concept across runs. */
    private final Map<String, List<SyntheticExample>> synthesised = new HashMap<>();

    ActiveLearningRun(StudentTraining training, List<PubTatorDocument> seed, List<PubTatorDocument> poolDocs,
                List<PubTatorDocument> dev, Teacher labeler, Teacher synthesizer, Settings settings) {
        this.training = training;
        this.seed = List.copyOf(seed);
        this.pool = poolOf(poolDocs, training);
        this.dev = List.copyOf(dev);
        this.labeler = labeler;
        this.synthesizer = synthesizer;
        this.settings = settings;
        int mentions = 0;
        for (PubTatorDocument d : seed) {
            for (GoldMention m : linkable(d)) {
                seedConcepts.addAll(training.gold(m));
                mentions++;
            }
        }
        this.seedMentions = mentions;
        human.addAll(this.seed);
    }

    /** Gold mentions the student is scored on and the teacher may be asked about: typed, not NIL. */
    static List<GoldMention> linkable(PubTatorDocument d) {
        return d.mentions().stream().filter(m -> m.type() != null && !m.nil()).toList();
    }

    static List<PoolMention> poolOf(List<PubTatorDocument> docs, StudentTraining training) {
        List<PoolMention> out = new ArrayList<>();
        for (PubTatorDocument d : docs) {
            for (GoldMention m : linkable(d)) {
                out.add(new PoolMention(d, m, training.gold(m)));
            }
        }
        return out;
    }

    List<PoolMention> pool() {
        return pool;
    }

    /** One run: a row per budget (cumulative teacher labels), in budget order. */
    List<LoopRow> run(MentionSelector selector, boolean synthetic, List<Integer> budgets) {
        Run run = new Run(selector, synthetic);
        run.student = training.train(seed, version(selector, synthetic, 0));
        List<LoopRow> rows = new ArrayList<>();
        int previous = 0;
        for (int r = 0; r < budgets.size(); r++) {
            int budget = budgets.get(r);
            long t0 = System.nanoTime();
            int[] step = new int[3]; // asked, student wrong, judged uncertain
            List<LinkedPoolMention> linked = null;
            for (int remaining = budget - previous; remaining > 0; ) {
                int n = Math.min(remaining, settings.batch() > 0 ? settings.batch() : remaining);
                linked = linkUnlabelled(run.student, run.asked);
                int[] batch = run.ask(linked, n);
                for (int i = 0; i < step.length; i++) {
                    step[i] += batch[i];
                }
                remaining -= n;
                if (batch[0] == 0) {
                    break; // every distinct mention text of the pool has been asked
                }
                if (remaining > 0) { // the trainer retrains when a batch of labels has arrived
                    run.retrain(budget);
                }
            }
            boolean changed = budget > previous;
            if (synthetic && (changed || r == 0)) {
                if (linked == null) {
                    linked = linkUnlabelled(run.student, run.asked);
                }
                run.syntheticDocs = syntheticDocuments(linked, run.asked, run.labelledConcepts);
                changed = true;
            }
            if (changed) {
                run.retrain(budget);
            }
            Student student = run.student;
            Map<String, Object> metrics = all(student.evaluate(dev));
            rows.add(new LoopRow(selector.name(), synthetic, budget, run.asked.size(), run.labels, run.askedWrong,
                    step[0], step[1], step[2], run.syntheticDocs.size(), student.trainingMentions(),
                    (double) metrics.get("acc@1"), (double) metrics.get("acc@5"),
                    (double) metrics.get("acc@1_gold_in_kb"), round((System.nanoTime() - t0) / 1e9),
                    student.version()));
            previous = budget;
        }
        return rows;
    }

    /** What one run has asked and learnt so far. */
    private final class Run {
        final MentionSelector selector;
        final boolean synthetic;
        final Map<String, List<GoldMention>> labelsByDoc = new LinkedHashMap<>();
        final Set<String> asked = new HashSet<>();
        final AskedTexts askedTexts = new AskedTexts();
        final Set<String> labelledConcepts = new HashSet<>(seedConcepts);
        List<PubTatorDocument> syntheticDocs = List.of();
        int labels;
        int askedWrong;
        Student student;

        Run(MentionSelector selector, boolean synthetic) {
            this.selector = selector;
            this.synthetic = synthetic;
        }

        /** Asks the teacher about up to {@code n} mentions in the selector's order; {asked, student wrong, uncertain}. */
        int[] ask(List<LinkedPoolMention> linked, int n) {
            int[] step = new int[3];
            selector.knows(student::knowsConcept);
            for (MentionSelector.Choice choice : selector.select(linked, n, askedTexts)) {
                LinkedPoolMention c = choice.mention();
                asked.add(c.pool().id());
                step[0]++;
                step[1] += c.studentWrong() ? 1 : 0;
                step[2] += choice.uncertain() ? 1 : 0;
                LabelAnswer answer = labeler.label(question(c));
                selector.answered(c, answer);
                if (!answer.nil()) {
                    GoldMention g = c.pool().mention();
                    labelsByDoc.computeIfAbsent(c.pool().doc().id(), id -> new ArrayList<>())
                            .add(new GoldMention(g.begin(), g.end(), g.text(), g.corpusType(), g.type(),
                                    List.of(answer.conceptId()), false));
                    labelledConcepts.add(answer.conceptId());
                    labels++;
                }
            }
            askedWrong += step[1];
            return step;
        }

        /** Retrains on seed + labels + synthetic documents, mixed as the trainer mixes them (human rows half). */
        void retrain(int budget) {
            int labelMentions = labels + syntheticDocs.size(); // a synthetic document holds one mention
            double seedWeight = settings.humanHalf() ? TrainingSet.humanWeight(seedMentions, labelMentions) : 1.0;
            student = training.train(trainingDocuments(labelsByDoc, syntheticDocs),
                    version(selector, synthetic, budget), d -> human.contains(d) ? seedWeight : 1.0);
        }
    }

    private static String version(MentionSelector selector, boolean synthetic, int budget) {
        return "student-" + selector.name() + (synthetic ? "-synthetic" : "") + "-" + budget;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> all(Map<String, Object> metrics) {
        return (Map<String, Object>) metrics.get("all");
    }

    /** The current student's links of every pool mention not yet asked about, in pool order. */
    private List<LinkedPoolMention> linkUnlabelled(Student student, Set<String> asked) {
        Map<String, List<PoolMention>> byDoc = new LinkedHashMap<>();
        for (PoolMention p : pool) {
            if (!asked.contains(p.id())) {
                byDoc.computeIfAbsent(p.doc().id(), id -> new ArrayList<>()).add(p);
            }
        }
        List<List<PoolMention>> groups = new ArrayList<>(byDoc.values());
        ForkJoinPool workers = new ForkJoinPool(settings.threads());
        try {
            List<List<LinkedPoolMention>> linked = workers.submit(() -> groups.parallelStream().map(g -> {
                List<LinkedMention> l = student.link(g.get(0).doc(), g.stream().map(PoolMention::mention).toList());
                List<LinkedPoolMention> out = new ArrayList<>(g.size());
                for (int i = 0; i < g.size(); i++) {
                    out.add(new LinkedPoolMention(g.get(i), l.get(i)));
                }
                return out;
            }).toList()).get();
            return linked.stream().flatMap(List::stream).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdown();
        }
    }

    /** What the bridge would send: the mention with the student's best candidates and scores. */
    private LabelQuestion question(LinkedPoolMention c) {
        List<CandidateOption> options = new ArrayList<>();
        for (ScoredConcept s : c.linked().ranked()) {
            if (options.size() == settings.teacherCandidates()) {
                break;
            }
            training.kb().concept(s.conceptId()).ifPresent(k -> options.add(
                    new CandidateOption(k.id(), k.vocabulary(), k.preferredName(), s.probability())));
        }
        GoldMention m = c.pool().mention();
        return new LabelQuestion(c.pool().id(), c.pool().doc().id(), m.text(), m.begin(), m.end(),
                m.type().displayName(), "", -1, options, c.linked().best().map(ScoredConcept::conceptId).orElse(null));
    }

    /**
     * Synthetic documents (one sentence, one mention each) for the concepts the student most often links
     * unlabelled mentions to that no label covers.
     */
    private List<PubTatorDocument> syntheticDocuments(List<LinkedPoolMention> linked, Set<String> asked,
                                                      Set<String> labelledConcepts) {
        Map<String, Integer> uncovered = new HashMap<>();
        for (LinkedPoolMention l : linked) {
            if (!asked.contains(l.pool().id())) {
                l.linked().best().map(ScoredConcept::conceptId).filter(id -> !labelledConcepts.contains(id))
                        .ifPresent(id -> uncovered.merge(id, 1, Integer::sum));
            }
        }
        List<String> concepts = uncovered.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(settings.syntheticConcepts()).map(Map.Entry::getKey).toList();
        List<PubTatorDocument> docs = new ArrayList<>();
        for (String id : concepts) {
            Concept c = training.kb().concept(id).orElse(null);
            if (c == null) {
                continue;
            }
            List<SyntheticExample> examples = synthesised.computeIfAbsent(id, x -> synthesizer.synthesize(
                    new SynthesisQuestion("synthesis:" + id, id, c.vocabulary(), c.type().displayName(), c.names(),
                            settings.syntheticPerConcept())));
            for (int i = 0; i < examples.size(); i++) {
                SyntheticExample e = examples.get(i);
                docs.add(new PubTatorDocument("synthetic:" + id + ":" + i, e.sentence(), "",
                        List.of(new GoldMention(e.mentionBegin(), e.mentionEnd(), e.mention(), "Synthetic", c.type(),
                                List.of(id), false))));
            }
        }
        return docs;
    }

    private List<PubTatorDocument> trainingDocuments(Map<String, List<GoldMention>> labelsByDoc,
                                                     List<PubTatorDocument> syntheticDocs) {
        List<PubTatorDocument> docs = new ArrayList<>(seed);
        Map<String, PubTatorDocument> poolDocs = new HashMap<>();
        pool.forEach(p -> poolDocs.putIfAbsent(p.doc().id(), p.doc()));
        labelsByDoc.forEach((id, labels) -> {
            PubTatorDocument d = poolDocs.get(id);
            List<GoldMention> sorted = new ArrayList<>(labels);
            sorted.sort(Comparator.comparingInt(GoldMention::begin));
            docs.add(new PubTatorDocument(d.id(), d.title(), d.abstractText(), sorted));
        });
        docs.addAll(syntheticDocs);
        return docs;
    }

    static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
