package io.linkrx.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.linkrx.extract.Mention;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.retrieve.Candidate;
import io.linkrx.retrieve.NoteRetriever;

/**
 * The streaming retrieval stage's candidate generation: {@link CandidateGenerator} over the note's queries
 * (abbreviation expansion, canonical words, mention dictionary), each candidate carrying its lexical score and
 * dense cosine to the re-ranker.
 */
public final class NoteCandidateGenerator implements NoteRetriever {
    private final Supplier<CandidateGenerator> generator;
    private final KnowledgeBase kb;
    private final int maxCandidates;

    /** @param maxCandidates most candidates kept per mention (the union of several queries can be larger) */
    public NoteCandidateGenerator(CandidateGenerator generator, KnowledgeBase kb, int maxCandidates) {
        this(() -> generator, kb, maxCandidates);
        Objects.requireNonNull(generator, "generator");
    }

    /**
     * @param generator the generator of the re-ranker version now served (its mention dictionary changes with it)
     * @param kb        concepts by id (their ids, names and types do not change with the version)
     */
    public NoteCandidateGenerator(Supplier<CandidateGenerator> generator, KnowledgeBase kb, int maxCandidates) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.kb = Objects.requireNonNull(kb, "kb");
        this.maxCandidates = maxCandidates;
    }

    @Override
    public List<List<Candidate>> retrieve(String noteText, List<Mention> mentions) {
        NoteQueries queries = new NoteQueries(null, noteText);
        List<MentionQuery> q = mentions.stream().map(m -> queries.query(m.text(), m.type())).toList();
        List<List<Candidate>> out = new ArrayList<>(mentions.size());
        for (List<RetrievedCandidate> found : generator.get().generateAll(q, null)) {
            out.add(candidates(found, kb, maxCandidates));
        }
        return out;
    }

    /** Retrieved candidates as the re-ranker reads them, at most {@code max}; ids the KB does not know are dropped. */
    static List<Candidate> candidates(List<RetrievedCandidate> found, KnowledgeBase kb, int max) {
        List<Candidate> candidates = new ArrayList<>();
        for (RetrievedCandidate r : found) {
            Concept c = kb.concept(r.conceptId()).orElse(null);
            if (c != null && candidates.size() < max) {
                candidates.add(new Candidate(c.id(), c.vocabulary(), c.preferredName(), c.type(),
                        Math.max(0.0, Math.min(1.0, r.lexical())), r.dense()));
            }
        }
        return List.copyOf(candidates);
    }
}
