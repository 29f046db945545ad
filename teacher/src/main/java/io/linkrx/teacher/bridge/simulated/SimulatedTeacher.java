package io.linkrx.teacher.bridge.simulated;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.teacher.CandidateOption;
import io.linkrx.teacher.LabelAnswer;
import io.linkrx.teacher.LabelQuestion;
import io.linkrx.teacher.SynthesisQuestion;
import io.linkrx.teacher.SyntheticExample;
import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.TeacherException;
import io.linkrx.teacher.bridge.ConceptNameLookup;
import io.linkrx.text.SentenceSplitter;

/**
 * A teacher that answers from a gold-annotated PubTator corpus, for experiments and demos without an LLM.
 *
 * <p>Labels: the gold annotation at the mention's offsets in the document whose id is the note id; otherwise the
 * concept the corpus most often annotates the mention text with. Like a real teacher it can only choose among the
 * offered candidates: a gold concept that is not offered, or a NIL annotation, answers NIL — unless it may name
 * concepts outside the candidates ({@code linkrx.teacher.outside.kb}) and that knowledge base has the gold concept.
 * A mention the corpus never annotates cannot be answered ({@link TeacherException}, not retryable): guessing NIL
 * would teach the student something the corpus does not say.
 *
 * <p>Synthesis: real corpus sentences holding a gold mention of the concept, else clinical template sentences.
 */
public final class SimulatedTeacher implements Teacher {
    static final String BY_OFFSETS = "simulated: gold annotation at the mention's offsets in the note";
    static final String BY_TEXT = "simulated: the corpus's most frequent gold concept for the mention text";
    static final String OUTSIDE = "; the gold concept is not among the candidates: named from the knowledge base";

    private final GoldCorpus corpus;
    private final String model;
    private final ConceptNameLookup outside;

    /**
     * @param docs       the gold corpus
     * @param kb         resolves gold ids to knowledge-base ids (alternative ids such as OMIM); null: ids are only
     *                   stripped of a "MESH:" prefix
     * @param corpusName names the corpus in {@link #model()}, e.g. its file name
     */
    public SimulatedTeacher(List<PubTatorDocument> docs, KnowledgeBase kb, String corpusName) {
        this(docs, kb, corpusName, null);
    }

    /**
     * @param outside the knowledge base whose concepts the teacher names when the gold concept is not offered (a
     *                teacher that knows the vocabulary, as {@code linkrx.teacher.outside.kb} lets an LLM teacher do);
     *                null: such mentions are answered NIL
     */
    public SimulatedTeacher(List<PubTatorDocument> docs, KnowledgeBase kb, String corpusName, ConceptNameLookup outside) {
        this.corpus = new GoldCorpus(docs, kb);
        this.model = "simulated:" + corpusName;
        this.outside = outside;
    }

    /** A simulated teacher answering from a PubTator file (plain or gzip). */
    public static SimulatedTeacher fromFile(Path pubTator, KnowledgeBase kb) {
        return fromFile(pubTator, kb, null);
    }

    /** As {@link #fromFile(Path, KnowledgeBase)}, naming concepts of {@code outside} that are not offered. */
    public static SimulatedTeacher fromFile(Path pubTator, KnowledgeBase kb, ConceptNameLookup outside) {
        return new SimulatedTeacher(PubTatorReader.read(pubTator), kb, pubTator.getFileName().toString(), outside);
    }

    @Override
    public LabelAnswer label(LabelQuestion q) {
        long start = System.nanoTime();
        Optional<GoldCorpus.Occurrence> exact = corpus.at(q.noteId(), q.begin(), q.end());
        if (exact.isPresent()) {
            Collection<String> gold = exact.get().ids();
            if (gold.isEmpty()) {
                return answer(null, BY_OFFSETS + "; it is NIL", start);
            }
            return offered(gold, q.candidates())
                    .map(c -> answer(c, BY_OFFSETS, start))
                    .or(() -> outside(gold).map(c -> answer(c, BY_OFFSETS + OUTSIDE, start)))
                    .orElseGet(() -> answer(null, BY_OFFSETS + "; the gold concept is not among the candidates: NIL",
                            start));
        }
        GoldCorpus.TextStats stats = corpus.text(q.mentionText());
        if (stats.annotations() == 0) {
            throw new TeacherException("the simulated teacher's corpus has no gold annotation for the mention",
                    false);
        }
        Map.Entry<String, Integer> top = stats.conceptCounts().entrySet().stream()
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a) // first in corpus order wins ties
                .orElse(null);
        if (top == null || stats.nil() > top.getValue()) {
            return answer(null, BY_TEXT + " is NIL (" + stats.nil() + " of " + stats.annotations()
                    + " annotations)", start);
        }
        String counts = " (" + top.getValue() + " of " + stats.annotations() + " annotations)";
        return offered(List.of(top.getKey()), q.candidates())
                .map(c -> answer(c, BY_TEXT + counts, start))
                .or(() -> outside(List.of(top.getKey())).map(c -> answer(c, BY_TEXT + counts + OUTSIDE, start)))
                .orElseGet(() -> answer(null, BY_TEXT + counts + " is not among the candidates: NIL", start));
    }

    @Override
    public List<SyntheticExample> synthesize(SynthesisQuestion q) {
        List<SyntheticExample> fromCorpus = corpusSentences(q);
        return fromCorpus.isEmpty() ? ClinicalTemplates.sentences(q, model) : fromCorpus;
    }

    @Override
    public String model() {
        return model;
    }

    /** Distinct corpus sentences that contain a gold mention of the concept, in corpus order. */
    private List<SyntheticExample> corpusSentences(SynthesisQuestion q) {
        Set<String> ids = new LinkedHashSet<>(corpus.resolve(List.of(q.conceptId())));
        if (q.vocabulary() != null && !q.vocabulary().isBlank()) {
            ids.addAll(corpus.resolve(List.of(q.vocabulary() + ":" + q.conceptId())));
        }
        List<SyntheticExample> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<GoldCorpus.Occurrence> used = new HashSet<>();
        for (String id : ids) {
            for (GoldCorpus.Occurrence o : corpus.mentionsOf(id)) {
                if (out.size() >= q.count()) {
                    return out;
                }
                if (!used.add(o)) {
                    continue;
                }
                String text = o.document().text();
                for (SentenceSplitter.Span s : SentenceSplitter.split(text)) {
                    if (s.begin() <= o.mention().begin() && o.mention().end() <= s.end()) {
                        String sentence = text.substring(s.begin(), s.end());
                        if (seen.add(sentence)) {
                            out.add(new SyntheticExample(q.conceptId(), q.vocabulary(), q.semanticType(), sentence,
                                    o.mention().begin() - s.begin(), o.mention().end() - s.begin(), model, 0, 0));
                        }
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The first candidate that is one of the gold ids, trying the gold ids in order. */
    private Optional<CandidateOption> offered(Collection<String> goldIds, List<CandidateOption> candidates) {
        for (String gold : goldIds) {
            for (CandidateOption c : candidates) {
                if (gold.equals(c.conceptId()) || gold.equalsIgnoreCase(c.vocabulary() + ":" + c.conceptId())) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** The first gold id the knowledge base has, as an option the teacher names itself (no student score). */
    private Optional<CandidateOption> outside(Collection<String> goldIds) {
        if (outside == null) {
            return Optional.empty();
        }
        return goldIds.stream().map(outside.kb()::concept).flatMap(Optional::stream).findFirst()
                .map(ConceptNameLookup::option);
    }

    private LabelAnswer answer(CandidateOption chosen, String rationale, long startNanos) {
        long latencyMs = (System.nanoTime() - startNanos) / 1_000_000;
        return chosen == null
                ? new LabelAnswer(null, null, rationale, model, latencyMs, 0, 0)
                : new LabelAnswer(chosen.conceptId(), chosen.vocabulary(), rationale, model, latencyMs, 0, 0);
    }
}
