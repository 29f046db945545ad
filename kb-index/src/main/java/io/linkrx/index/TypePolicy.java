package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * How a mention's semantic type steers retrieval: chemicals and drugs are one family (the same substance is
 * often in both vocabularies); concepts outside the family are penalised, never excluded, because the mention
 * type comes from a tagger that can be wrong.
 */
final class TypePolicy {
    /** Score factor for a concept outside the mention type's family (the in-memory retriever's penalty). */
    static final double PENALTY = LexicalCandidateRetriever.TYPE_PENALTY;

    private TypePolicy() {
    }

    static Set<SemanticType> family(SemanticType type) {
        return type == SemanticType.DISEASE ? EnumSet.of(SemanticType.DISEASE)
                : EnumSet.of(SemanticType.CHEMICAL, SemanticType.DRUG);
    }

    /** 1 for any type when {@code wanted} is null or within its family, else {@link #PENALTY}. */
    static double factor(SemanticType wanted, SemanticType actual) {
        return wanted == null || family(wanted).contains(actual) ? 1.0 : PENALTY;
    }

    /** Documents of {@code wanted}'s family. */
    static Query filter(SemanticType wanted) {
        List<BytesRef> terms = family(wanted).stream().map(t -> new BytesRef(t.name())).toList();
        return new TermInSetQuery(IndexFields.TYPE, terms);
    }
}
