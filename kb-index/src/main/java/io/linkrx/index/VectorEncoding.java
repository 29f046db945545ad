package io.linkrx.index;

import java.util.Locale;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How name vectors are kept in the HNSW index. The quantised forms keep the float vectors on disk too (for
 * merges and re-scoring), but search reads only the quantised copy: the part that must stay in the page
 * cache shrinks 4x (INT8) or 8x (INT4).
 */
public enum VectorEncoding {
    FLOAT32, INT8, INT4;

    private static final int MAX_CONN = Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN;
    private static final int BEAM_WIDTH = Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH;

    /** The per-field vector format. */
    KnnVectorsFormat format() {
        return switch (this) {
            case FLOAT32 -> new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH);
            // one byte per dimension holding 7 bits (Lucene's int8 form: signed products stay SIMD-friendly);
            // confidence interval null: Lucene's default for the dimension
            case INT8 -> new Lucene99HnswScalarQuantizedVectorsFormat(MAX_CONN, BEAM_WIDTH, 1, 7, false, null, null);
            // half a byte per dimension, two packed per byte
            case INT4 -> new Lucene99HnswScalarQuantizedVectorsFormat(MAX_CONN, BEAM_WIDTH, 1, 4, true, null, null);
        };
    }

    /** Case-insensitive: {@code float32}, {@code int8}, {@code int4}. */
    public static VectorEncoding parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown vector encoding '" + s + "'; expected float32, int8 or int4");
        }
    }
}
