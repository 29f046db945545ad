package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built KB index, memory-mapped and read-only; thread-safe. Nothing per document is held on the heap.
 *
 * <p><b>Lexical score</b> of a mention m and a name n, in [0, 1]:
 * {@code 0.75 * cos(grams(m), grams(n)) + 0.25 * cos(words(m), words(n))}, each cosine over TF-IDF vectors
 * ({@link TermWeights}) of the 3-grams of the space-padded normalised text and of its words; 1 for an exact
 * normalised name or an exact (case-sensitive) abbreviation. Being a cosine, it does not depend on the mention's
 * length or the KB's size the way raw BM25 does, so it can be compared across mentions and used as a feature.
 * Candidates come from the mention's most informative terms and are rescored exactly ({@link LexicalQuery}).
 *
 * <p><b>Dense score</b>: cosine of the L2-normalised vectors, clipped to [0, 1] (approximate with quantised
 * vectors).
 *
 * <p>Both searches score names and return concepts, each with its best name, ranked by score times the type
 * factor of {@link TypePolicy}: other types are penalised, never excluded ({@link ConceptSearch}).
 */
public final class KbIndex implements Closeable {
    /** Weight of the word cosine in the lexical score; word matches make word order and inflections cheap. */
    public static final double WORD_WEIGHT = 0.25;
    /** Mentions are phrases: longer text is cut, which also bounds the number of query clauses. */
    static final int MAX_QUERY_CHARS = 256;
    private static final Logger LOG = LoggerFactory.getLogger(KbIndex.class);

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final IndexMetadata metadata;

    private KbIndex(Directory directory, DirectoryReader reader, IndexMetadata metadata) {
        this.directory = directory;
        this.reader = reader;
        this.metadata = metadata;
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new PrecomputedWeightSimilarity());
    }

    /** Opens any linkrx KB index. */
    public static KbIndex open(Path dir) {
        return open(dir, IndexRequirements.ANY);
    }

    /**
     * Opens the index in {@code dir} and checks it against {@code requirements}.
     *
     * @throws KbIndexException when there is no linkrx index there, or it does not meet the requirements
     */
    public static KbIndex open(Path dir, IndexRequirements requirements) {
        Objects.requireNonNull(requirements, "requirements");
        String where = dir.toString();
        if (!Files.isDirectory(dir)) {
            throw new KbIndexException(where + ": no such index directory");
        }
        long start = System.nanoTime();
        Directory directory = null;
        DirectoryReader reader = null;
        try {
            directory = new MMapDirectory(dir);
            if (!DirectoryReader.indexExists(directory)) {
                throw new KbIndexException(where + ": no Lucene index in this directory");
            }
            reader = DirectoryReader.open(directory);
            IndexMetadata meta = IndexMetadata.fromUserData(reader.getIndexCommit().getUserData(), where);
            meta.check(requirements, where);
            KbIndex index = new KbIndex(directory, reader, meta);
            LOG.info("Opened KB index {} (knowledge base {}, {} names, {} vectors) in {} ms", where, meta.kbVersion(),
                    meta.names(), meta.vectors(), (System.nanoTime() - start) / 1_000_000);
            return index;
        } catch (IOException e) {
            closeQuietly(reader, directory);
            throw new KbIndexException(where + ": cannot open index: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(reader, directory);
            throw e;
        }
    }

    public IndexMetadata metadata() {
        return metadata;
    }

    public boolean hasVectors() {
        return metadata.hasVectors();
    }

    /**
     * The best {@code k} concepts by lexical score, best first, one per concept.
     *
     * @param type the mention's type, or null for any
     */
    public List<IndexHit> lexical(String mentionText, SemanticType type, int k) {
        requireK(k);
        if (k == 0 || mentionText == null || mentionText.isBlank()) {
            return List.of();
        }
        String text = mentionText.length() > MAX_QUERY_CHARS ? mentionText.substring(0, MAX_QUERY_CHARS) : mentionText;
        NameTerms terms = NameTerms.of(text);
        ConceptSearch search = new ConceptSearch(searcher, type);
        try {
            search.exact(new TermQuery(new Term(IndexFields.ABBREVIATION, text.strip())));
            if (!terms.isEmpty()) {
                search.exact(new TermQuery(new Term(IndexFields.EXACT, terms.norm())));
                LexicalQuery query = LexicalQuery.of(terms, searcher, metadata.names());
                if (query != null) {
                    search.names((n, filter) -> query.search(searcher, filter, n), k, score -> Math.min(1.0, score));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return search.top(k, ConceptSearch.Side.LEXICAL);
    }

    /**
     * The best {@code k} concepts by the cosine of their names' vectors with {@code queryVector} (normalised here),
     * best first, one per concept.
     *
     * @throws IllegalStateException    when the index has no vectors
     * @throws IllegalArgumentException when the vector's width is not the index's
     */
    public List<IndexHit> dense(float[] queryVector, SemanticType type, int k) {
        requireK(k);
        if (!hasVectors()) {
            throw new IllegalStateException("the KB index has no name vectors");
        }
        if (queryVector.length != metadata.dimension()) {
            throw new IllegalArgumentException("query vector has width " + queryVector.length + ", the index "
                    + metadata.dimension());
        }
        float[] unit = Vectors.unit(queryVector);
        if (k == 0 || unit == null) {
            return List.of();
        }
        ConceptSearch search = new ConceptSearch(searcher, type);
        try {
            // DOT_PRODUCT scores are (1 + cosine) / 2
            search.names((n, filter) -> searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, unit, n, filter), n),
                    k, score -> Math.max(0.0, Math.min(1.0, 2.0 * score - 1.0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return search.top(k, ConceptSearch.Side.DENSE);
    }

    private static void requireK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, was " + k);
        }
    }

    @Override
    public void close() {
        closeQuietly(reader, directory);
    }

    private static void closeQuietly(Closeable... resources) {
        for (Closeable c : resources) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException e) {
                LOG.debug("Closing the KB index: {}", e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "KbIndex[kb=" + metadata.kbVersion() + ", names=" + metadata.names() + ", vectors=" + metadata.vectors() + "]";
    }
}
