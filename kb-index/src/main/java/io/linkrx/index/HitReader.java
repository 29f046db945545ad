package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Reads the doc values of hits by top-level doc id. Doc-values iterators are forward-only: one is kept per leaf
 * and field and reused while docs are read in increasing order (callers sort), else replaced. One instance per
 * query, not shared by threads.
 */
final class HitReader {
    private static final SemanticType[] TYPES = SemanticType.values();
    private static final NameKind[] KINDS = NameKind.values();

    private final List<LeafReaderContext> leaves;
    private final Map<String, DocIdSetIterator> iterators = new HashMap<>();

    HitReader(IndexReader reader) {
        this.leaves = reader.leaves();
    }

    String conceptId(int doc) {
        return sorted(IndexFields.CONCEPT_ID, doc);
    }

    SemanticType type(int doc) {
        return TYPES[(int) numeric(IndexFields.TYPE, doc)];
    }

    /** The hit of the concept whose name {@code doc} is. */
    IndexHit hit(int doc, double lexicalScore, double denseScore, double score) {
        return new IndexHit(conceptId(doc), sorted(IndexFields.VOCABULARY, doc), sorted(IndexFields.PREFERRED_NAME, doc),
                type(doc), sorted(IndexFields.NAME, doc), KINDS[(int) numeric(IndexFields.KIND, doc)],
                lexicalScore, denseScore, Float.intBitsToFloat((int) numeric(IndexFields.PRIOR, doc)), score);
    }

    private String sorted(String field, int doc) {
        try {
            SortedDocValues values = (SortedDocValues) positioned(field, doc, false);
            return values.lookupOrd(values.ordValue()).utf8ToString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long numeric(String field, int doc) {
        try {
            return ((NumericDocValues) positioned(field, doc, true)).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field's iterator of the doc's leaf, on the doc (every entry has every doc-values field). */
    private DocIdSetIterator positioned(String field, int doc, boolean numeric) throws IOException {
        int leafIndex = ReaderUtil.subIndex(doc, leaves);
        LeafReaderContext leaf = leaves.get(leafIndex);
        int target = doc - leaf.docBase;
        String key = leafIndex + "/" + field;
        DocIdSetIterator it = iterators.get(key);
        if (it == null || it.docID() > target) {
            it = numeric ? DocValues.getNumeric(leaf.reader(), field) : DocValues.getSorted(leaf.reader(), field);
            iterators.put(key, it);
        }
        if (it.docID() != target && it.advance(target) != target) {
            throw new IllegalStateException("index entry without " + field);
        }
        return it;
    }
}
