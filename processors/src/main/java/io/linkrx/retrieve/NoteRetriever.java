package io.linkrx.retrieve;

import java.util.List;

import io.linkrx.extract.Mention;

/** Candidate retrieval for all mentions of one note at once (the note gives context: abbreviations, words). */
@FunctionalInterface
public interface NoteRetriever {
    /** Candidates per mention, best first, in mention order. */
    List<List<Candidate>> retrieve(String noteText, List<Mention> mentions);

    /** Per-mention retrieval with a plain retriever (no note context). */
    static NoteRetriever perMention(CandidateRetriever retriever, int k) {
        return (text, mentions) -> mentions.stream().map(m -> retriever.retrieve(m.text(), m.type(), k)).toList();
    }
}
