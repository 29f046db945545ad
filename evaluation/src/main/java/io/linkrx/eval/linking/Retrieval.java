package io.linkrx.eval.linking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.linkrx.index.HybridRetriever;
import io.linkrx.index.IndexBatchRetriever;
import io.linkrx.index.IndexMetadata;
import io.linkrx.index.IndexRequirements;
import io.linkrx.index.KbIndex;
import io.linkrx.index.KbIndexBuilder;
import io.linkrx.index.SidecarTextEmbedder;
import io.linkrx.index.TextEmbedder;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.link.BatchRetriever;
import io.linkrx.link.CachingBatchRetriever;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import io.linkrx.serving.client.EncoderClient;

/**
 * Retrieval over the KB's own names for an evaluation: the Lucene KB index (lexical, plus dense through the
 * sidecar's encoder when an encoder is in effect), built at {@code --index} when missing (with an encoder and no
 * {@code --index}: in the model repository, one index per KB version and encoder, reused by later runs); or, with
 * neither, the in-memory 3-gram retriever.
 */
final class Retrieval implements AutoCloseable {
    static final String INDEX_DIR = "kb-index";

    private final CachingBatchRetriever kbRetriever;
    private final KbIndex index;
    private final Map<String, Object> description = new LinkedHashMap<>();

    private Retrieval(BatchRetriever kbRetriever, KbIndex index) {
        // the KB's names (and the encoder, within one run) never change: a query string seen in another document
        // or in training is answered from memory
        this.kbRetriever = new CachingBatchRetriever(kbRetriever);
        this.index = index;
    }

    /** Where the run's index lives: {@code --index}, the repository's index for this KB and encoder, or none. */
    static Path indexDir(LinkingEvalOptions o, Path repository, KnowledgeBase kb) {
        if (o.index() != null || o.encoder() == null) {
            return o.index();
        }
        // a short stable key of the KB version (names, options, file hashes): another KB gets another index
        String kbKey = UUID.nameUUIDFromBytes(kb.version().getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "").substring(0, 16);
        return repository.resolve(INDEX_DIR).resolve(o.encoder() + "-" + kbKey);
    }

    static Retrieval open(LinkingEvalOptions o, Path indexDir, KnowledgeBase kb, SidecarSession sidecar) {
        if (indexDir == null) {
            Retrieval r = new Retrieval(BatchRetriever.lexical(new LexicalCandidateRetriever(kb)), null);
            r.description.put("retriever", "in-memory character 3-gram TF-IDF");
            return r;
        }
        TextEmbedder embedder = o.encoder() == null ? null
                : new SidecarTextEmbedder(new EncoderClient(sidecar.client, LinkingEvalCommand.ENCODER_MODEL, 64));
        if (embedder != null) {
            sidecar.awaitModel(LinkingEvalCommand.ENCODER_MODEL, ""); // whichever version the sidecar serves
            embedder.embed(java.util.List.of("warm-up")); // learns the served version the index must match
        }
        try {
            long t0 = System.nanoTime();
            boolean built = false;
            if (!Files.isDirectory(indexDir) || isEmpty(indexDir)) {
                KbIndexBuilder builder = new KbIndexBuilder(kb);
                if (embedder != null) {
                    builder.withEmbedder(embedder, KbIndexBuilder.DEFAULT_BATCH);
                }
                builder.build(indexDir);
                built = true;
            }
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            IndexRequirements wanted = IndexRequirements.ANY.withKbVersion(kb.version());
            if (embedder != null) {
                wanted = wanted.withVectorsFrom(embedder.modelId());
            }
            KbIndex index = KbIndex.open(indexDir, wanted);
            double openSeconds = (System.nanoTime() - t1) / 1e9;
            BatchRetriever retriever;
            String description;
            if (embedder == null) {
                retriever = new IndexBatchRetriever(new HybridRetriever(index));
                description = "Lucene KB index, lexical";
            } else if (o.indexLexical()) {
                retriever = new IndexBatchRetriever(new HybridRetriever(index, embedder));
                description = "Lucene KB index, lexical + dense";
            } else {
                // the in-memory 3-gram scores rank better than the index's lexical scores (docs/BENCHMARKS.md)
                retriever = BatchRetriever.union(BatchRetriever.lexical(new LexicalCandidateRetriever(kb)),
                        new IndexBatchRetriever(HybridRetriever.denseOnly(index, embedder)));
                description = "in-memory character 3-gram TF-IDF + Lucene KB index dense (HNSW)";
            }
            Retrieval r = new Retrieval(retriever, index);
            IndexMetadata meta = index.metadata();
            r.description.put("retriever", description);
            r.description.put("index", indexDir.toString());
            r.description.put("index_built_now", built);
            if (built) {
                r.description.put("index_build_seconds", LinkingMetrics.round(buildSeconds));
            }
            r.description.put("index_open_seconds", LinkingMetrics.round(openSeconds));
            r.description.put("index_metadata", meta.toString());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(indexDir + ": cannot build or open the KB index: " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(java.nio.file.Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    BatchRetriever kbRetriever() {
        return kbRetriever;
    }

    /** Empties the KB retrieval cache (after a warm-up). */
    void forgetCachedHits() {
        kbRetriever.clear();
    }

    /** Query strings of the KB retrieval answered from the cache and sent to the retriever so far. */
    long[] cacheCounts() {
        return new long[] {kbRetriever.hits(), kbRetriever.misses()};
    }

    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>(description);
        d.put("kb_retrieval_cache", CachingBatchRetriever.DEFAULT_CAPACITY + " query strings (LRU)");
        return d;
    }

    @Override
    public void close() {
        if (index != null) {
            index.close();
        }
    }
}
