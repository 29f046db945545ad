package io.linkrx.index;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the Lucene index of a knowledge base: one document per (concept, name) with weighted 3-gram and word
 * terms, exact-match terms, doc values for the hit fields and, with an embedder, an HNSW vector per name
 * (abbreviations get none: they are short and ambiguous, and are matched exactly instead).
 *
 * <p>Two passes over the KB: the first counts document frequencies, so the second can index each name's
 * TF-IDF weights already normalised (see {@link WeightedTermStream}). The result is one segment, with the
 * build's metadata in the commit.
 */
public final class KbIndexBuilder {
    public static final int DEFAULT_BATCH = 64;
    private static final int PROGRESS_EVERY = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(KbIndexBuilder.class);
    /**
     * A quarter of the heap, at most Lucene's per-thread limit: every flush is an HNSW graph that the final merge
     * must extend again, so fewer, larger segments build faster.
     */
    private static final double RAM_BUFFER_MB = Math.max(64, Math.min(1900, Runtime.getRuntime().maxMemory() / 4e6));

    private final KnowledgeBase kb;
    private TextEmbedder embedder;
    private int batchSize = DEFAULT_BATCH;
    private VectorEncoding encoding = VectorEncoding.INT8;

    public KbIndexBuilder(KnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "kb");
    }

    /** Adds a vector per name, computed {@code batchSize} names per embedder call. */
    public KbIndexBuilder withEmbedder(TextEmbedder embedder, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.batchSize = batchSize;
        return this;
    }

    /** How vectors are stored; {@link VectorEncoding#INT8} by default. */
    public KbIndexBuilder withVectorEncoding(VectorEncoding encoding) {
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        return this;
    }

    /**
     * Builds the index in {@code dir}, which must be absent or empty.
     *
     * @throws KbIndexException   when the directory is not empty or the embedder answers inconsistently
     * @throws EmbeddingException when the embedder fails; nothing is committed then, so no half-built index can be
     *                            opened later
     */
    public IndexMetadata build(Path dir) throws IOException {
        requireEmpty(dir);
        long start = System.nanoTime();
        Statistics stats = Statistics.count(kb);
        LOG.info("Building KB index in {} from knowledge base {}: {} concepts, {} names, {} abbreviations, vectors {}",
                dir, kb.version(), kb.size(), stats.names, stats.abbreviations, embedder == null ? "off" : "on");
        IndexWriterConfig config = new IndexWriterConfig(new NameAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new PrecomputedWeightSimilarity())
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCodec(codec(encoding.format()))
                .setUseCompoundFile(false)
                .setCommitOnClose(false) // only a complete build, with its metadata, is ever committed
                // merges adjacent segments only: documents keep KB order, the tie-break of equal-scoring names
                .setMergePolicy(new LogByteSizeMergePolicy());
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            Writer w = new Writer(writer, stats);
            for (Concept c : kb.concepts()) {
                for (NameEntry e : NameEntry.of(c)) {
                    w.add(e);
                }
            }
            w.flushBatch();
            writer.forceMerge(1);
            IndexMetadata meta = new IndexMetadata(IndexMetadata.FORMAT, kb.version(),
                    w.vectors > 0 ? embedder.modelId() : "", w.dimension, encoding, Instant.now(), kb.size(),
                    stats.names, stats.abbreviations, w.vectors);
            writer.setLiveCommitData(meta.toUserData().entrySet());
            writer.commit();
            LOG.info("Built KB index in {}: {} documents, {} vectors, {} ms", dir, writer.getDocStats().numDocs,
                    w.vectors, (System.nanoTime() - start) / 1_000_000);
            return meta;
        }
    }

    /** The default codec with our vector format on every vector field. */
    static Codec codec(KnnVectorsFormat vectors) {
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) {
                    throw new KbIndexException(dir + ": index directory is not empty; remove it or choose another");
                }
            }
        }
    }

    /** Document frequencies of grams and words over all name entries (pass one). */
    private static final class Statistics {
        final Map<String, Integer> gramDf = new HashMap<>();
        final Map<String, Integer> wordDf = new HashMap<>();
        long names;
        long abbreviations;

        static Statistics count(KnowledgeBase kb) {
            Statistics s = new Statistics();
            for (Concept c : kb.concepts()) {
                for (NameEntry e : NameEntry.of(c)) {
                    if (e.isAbbreviation()) {
                        s.abbreviations++;
                    } else {
                        s.names++;
                        e.terms().grams().keySet().forEach(g -> s.gramDf.merge(g, 1, Integer::sum));
                        e.terms().words().keySet().forEach(g -> s.wordDf.merge(g, 1, Integer::sum));
                    }
                }
            }
            return s;
        }
    }

    /** Pass two: documents, with vectors embedded a batch at a time. */
    private final class Writer {
        private final IndexWriter writer;
        private final Statistics stats;
        private final List<Document> pending = new ArrayList<>();
        private final List<String> pendingNames = new ArrayList<>();
        int dimension;
        long vectors;
        long written;

        Writer(IndexWriter writer, Statistics stats) {
            this.writer = writer;
            this.stats = stats;
        }

        void add(NameEntry e) throws IOException {
            Document doc = document(e);
            if (embedder == null || e.isAbbreviation()) {
                write(doc);
                return;
            }
            pending.add(doc);
            pendingNames.add(e.name());
            if (pending.size() >= batchSize) {
                flushBatch();
            }
        }

        void flushBatch() throws IOException {
            if (pending.isEmpty()) {
                return;
            }
            float[][] embedded = embedder.embed(pendingNames);
            if (embedded.length != pending.size()) {
                throw new KbIndexException("encoder " + embedder.modelId() + " returned " + embedded.length
                        + " vectors for " + pending.size() + " names");
            }
            for (int i = 0; i < pending.size(); i++) {
                float[] unit = Vectors.unit(embedded[i]);
                if (unit != null) {
                    checkDimension(unit.length);
                    pending.get(i).add(new KnnFloatVectorField(IndexFields.VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
                    vectors++;
                }
                write(pending.get(i));
            }
            pending.clear();
            pendingNames.clear();
        }

        private void write(Document doc) throws IOException {
            writer.addDocument(doc);
            if (++written % PROGRESS_EVERY == 0) {
                LOG.info("Indexed {} of {} entries", written, stats.names + stats.abbreviations);
            }
        }

        private void checkDimension(int width) {
            if (dimension == 0) {
                dimension = width;
            } else if (width != dimension) {
                throw new KbIndexException("encoder " + embedder.modelId() + " returned vectors of width " + width
                        + " after " + dimension);
            }
        }

        private Document document(NameEntry e) {
            Concept c = e.concept();
            Document doc = new Document();
            doc.add(new SortedDocValuesField(IndexFields.CONCEPT_ID, new BytesRef(c.id())));
            doc.add(new SortedDocValuesField(IndexFields.VOCABULARY, new BytesRef(c.vocabulary())));
            doc.add(new SortedDocValuesField(IndexFields.PREFERRED_NAME, new BytesRef(c.preferredName())));
            doc.add(new SortedDocValuesField(IndexFields.NAME, new BytesRef(e.name())));
            doc.add(new NumericDocValuesField(IndexFields.KIND, e.kind().ordinal()));
            doc.add(new StringField(IndexFields.TYPE, c.type().name(), Field.Store.NO));
            doc.add(new NumericDocValuesField(IndexFields.TYPE, c.type().ordinal()));
            doc.add(new NumericDocValuesField(IndexFields.PRIOR, Float.floatToIntBits(e.prior())));
            if (e.isAbbreviation()) {
                doc.add(new StringField(IndexFields.ABBREVIATION, e.name(), Field.Store.NO));
                return doc;
            }
            NameTerms t = e.terms();
            doc.add(new StringField(IndexFields.EXACT, t.norm(), Field.Store.NO));
            doc.add(new Field(IndexFields.GRAMS, new WeightedTermStream(
                    TermWeights.unit(t.grams(), g -> stats.gramDf.get(g), stats.names)), IndexFields.WEIGHTED_TERMS));
            doc.add(new Field(IndexFields.WORDS, new WeightedTermStream(
                    TermWeights.unit(t.words(), w -> stats.wordDf.get(w), stats.names)), IndexFields.WEIGHTED_TERMS));
            return doc;
        }
    }
}
