package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;

/**
 * Reads the doc values of hits by top-level doc id. Doc-values iterators are stateful and forward-only, so each
 * read takes a fresh one (cheap: a slice of the mapped file); one instance per query, not shared by threads.
 */
final class HitReader {
    private static final SemanticType[] TYPES = SemanticType.values();
    private static final NameKind[] KINDS = NameKind.values();

    private final List<LeafReaderContext> leaves;

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
        LeafReaderContext leaf = leaf(doc);
        try {
            SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("index entry without " + field);
            }
            return values.lookupOrd(values.ordValue()).utf8ToString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long numeric(String field, int doc) {
        LeafReaderContext leaf = leaf(doc);
        try {
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("index entry without " + field);
            }
            return values.longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LeafReaderContext leaf(int doc) {
        return leaves.get(ReaderUtil.subIndex(doc, leaves));
    }
}
