package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built KB index, memory-mapped and read-only; thread-safe. Everything per document stays off-heap.
 *
 * <p><b>Lexical score</b> of a mention m and a name n, in [0, 1]:
 * {@code 0.75 * cos(grams(m), grams(n)) + 0.25 * cos(words(m), words(n))}, each cosine over TF-IDF vectors
 * ({@link TermWeights}) of the 3-grams of the space-padded normalised text and of its words; 1 for an exact
 * normalised name or an exact (case-sensitive) abbreviation. Being a cosine, it does not depend on the query's
 * length or the KB's size the way raw BM25 does, so it can be compared across mentions and used as a feature.
 *
 * <p><b>Dense score</b>: cosine of the L2-normalised vectors, clipped to [0, 1].
 *
 * <p>Both searches score names and keep the best name per concept (fetching more names until k concepts are
 * found), then rank concepts by score times the type factor of {@link TypePolicy}. With a type, a search
 * restricted to the type's family runs beside the unrestricted one: the family's best k are always present,
 * and other concepts still appear, penalised.
 */
public final class KbIndex implements Closeable {
    /** Weight of the word cosine in the lexical score; word matches make word order and inflections cheap. */
    public static final double WORD_WEIGHT = 0.25;
    /** Mentions are phrases: longer text is cut, which also bounds the number of query clauses. */
    static final int MAX_QUERY_CHARS = 256;
    private static final int MAX_EXACT = 64;
    private static final int MAX_FETCH = 4096;
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
        HitReader hits = new HitReader(reader);
        ConceptRanking ranking = new ConceptRanking(type, hits);
        try {
            exact(new TermQuery(new Term(IndexFields.ABBREVIATION, text.strip())), ranking);
            if (!terms.isEmpty()) {
                exact(new TermQuery(new Term(IndexFields.EXACT, terms.norm())), ranking);
                Query query = lexicalQuery(terms);
                if (query != null) {
                    search(n -> query, type, k, ranking, score -> Math.min(1.0, score));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return materialise(ranking.top(k), hits, true);
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
        HitReader hits = new HitReader(reader);
        ConceptRanking ranking = new ConceptRanking(type, hits);
        try {
            search(n -> new KnnFloatVectorQuery(IndexFields.VECTOR, unit, n), type, k, ranking,
                    score -> Math.max(0.0, Math.min(1.0, 2.0 * score - 1.0))); // DOT_PRODUCT scores (1 + cos) / 2
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return materialise(ranking.top(k), hits, false);
    }

    /** Runs the unrestricted search and, with a type, the one restricted to the type's family. */
    private void search(IntFunction<Query> query, SemanticType type, int k, ConceptRanking ranking,
                        DoubleUnaryOperator raw) throws IOException {
        if (type != null) {
            Query family = TypePolicy.filter(type);
            fetch(n -> new BooleanQuery.Builder().add(query.apply(n), Occur.MUST).add(family, Occur.FILTER).build(),
                    k, ranking, raw);
        }
        fetch(query, k, ranking, raw);
    }

    /** Top names until they cover k concepts (or there are no more, or the fetch limit is reached). */
    private void fetch(IntFunction<Query> query, int k, ConceptRanking ranking, DoubleUnaryOperator raw)
            throws IOException {
        for (int n = 4 * k + 16; ; n *= 4) {
            TopDocs top = searcher.search(query.apply(n), n);
            Set<String> concepts = new HashSet<>();
            for (ScoreDoc sd : top.scoreDocs) {
                concepts.add(ranking.offer(sd.doc, raw.applyAsDouble(sd.score)));
            }
            if (concepts.size() >= k || top.scoreDocs.length < n || n >= MAX_FETCH) {
                return;
            }
        }
    }

    private void exact(Query query, ConceptRanking ranking) throws IOException {
        for (ScoreDoc sd : searcher.search(new ConstantScoreQuery(query), MAX_EXACT).scoreDocs) {
            ranking.offer(sd.doc, 1.0);
        }
    }

    /** A disjunction of the mention's grams and words, each boosted by its unit query weight (null: none known). */
    private Query lexicalQuery(NameTerms terms) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = addWeighted(query, IndexFields.GRAMS, terms.grams(), 1 - WORD_WEIGHT)
                + addWeighted(query, IndexFields.WORDS, terms.words(), WORD_WEIGHT);
        return clauses == 0 ? null : query.build();
    }

    private int addWeighted(BooleanQuery.Builder query, String field, Map<String, Integer> tf, double fieldWeight)
            throws IOException {
        Map<String, TermStates> states = new HashMap<>();
        for (String term : tf.keySet()) {
            states.put(term, TermStates.build(searcher, new Term(field, term), true));
        }
        Map<String, Double> weights = TermWeights.unit(tf, t -> states.get(t).docFreq(), metadata.names());
        int added = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            TermStates s = states.get(w.getKey());
            if (s.docFreq() > 0) {
                Query term = new TermQuery(new Term(field, w.getKey()), s);
                query.add(new BoostQuery(term, (float) (fieldWeight * w.getValue())), Occur.SHOULD);
                added++;
            }
        }
        return added;
    }

    private static List<IndexHit> materialise(List<ConceptRanking.Best> top, HitReader hits, boolean lexical) {
        List<IndexHit> result = new ArrayList<>(top.size());
        for (ConceptRanking.Best b : top) {
            result.add(hits.hit(b.doc(), lexical ? b.raw() : IndexHit.ABSENT, lexical ? IndexHit.ABSENT : b.raw(), b.rank()));
        }
        return List.copyOf(result);
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
