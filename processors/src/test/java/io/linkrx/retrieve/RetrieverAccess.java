package io.linkrx.retrieve;

import java.util.List;

import io.linkrx.kb.SemanticType;

/** Test access to the exhaustive search of {@link LexicalCandidateRetriever} (for benchmarks in other packages). */
public final class RetrieverAccess {
    private RetrieverAccess() {
    }

    /** The same top k as {@link LexicalCandidateRetriever#retrieve}, visiting every posting. */
    public static List<Candidate> exhaustive(LexicalCandidateRetriever retriever, String mention, SemanticType type,
                                             int k) {
        return retriever.retrieve(mention, type, k, false);
    }
}
