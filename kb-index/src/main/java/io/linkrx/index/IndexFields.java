package io.linkrx.index;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Field names of the index. Per-hit values are doc values (columnar, memory-mapped, random access without
 * decompressing stored-field blocks); nothing is held on the Java heap per document.
 */
final class IndexFields {
    /** Sorted doc values: concept id, vocabulary, preferred name, and the entry's own name as written. */
    static final String CONCEPT_ID = "concept_id";
    static final String VOCABULARY = "vocabulary";
    static final String PREFERRED_NAME = "preferred_name";
    static final String NAME = "name";
    /** Numeric doc values: {@link NameKind} ordinal. */
    static final String KIND = "kind";
    /** Indexed term (filters) and numeric doc value ({@code SemanticType} ordinal). */
    static final String TYPE = "type";
    /** Numeric doc value: float bits of the concept prior. */
    static final String PRIOR = "prior";
    /** Indexed term: the normalised name, for exact matches. */
    static final String EXACT = "exact";
    /** Indexed term: an abbreviation as written (abbreviations match case-sensitively, "MS" is not "ms"). */
    static final String ABBREVIATION = "abbreviation";
    /** Weighted terms (see {@link WeightedTermStream}): character 3-grams and words of the normalised name. */
    static final String GRAMS = "grams";
    static final String WORDS = "words";
    /** HNSW vector of the name (L2-normalised, dot product). */
    static final String VECTOR = "vector";

    /** Terms whose frequency carries a precomputed weight: frequencies, no positions, no norms. */
    static final FieldType WEIGHTED_TERMS = weightedTerms();

    private IndexFields() {
    }

    private static FieldType weightedTerms() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(false);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        t.setOmitNorms(true);
        t.freeze();
        return t;
    }
}
