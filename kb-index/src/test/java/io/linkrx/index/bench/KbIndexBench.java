package io.linkrx.index.bench;

import io.linkrx.index.IndexHit;
import io.linkrx.index.IndexInfo;
import io.linkrx.index.KbIndex;
import io.linkrx.index.KbIndexBuilder;
import io.linkrx.index.TextEmbedder;
import io.linkrx.index.VectorEncoding;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Build time, disk per file type, heap and single-thread query rates of a KB index of N synthetic names (or of an
 * {@code ID||name} dictionary) with 384-d vectors, and a linear projection to UMLS scale (15M English names). Queries:
 * 2,000 names with one letter replaced (lexical) and name vectors plus noise, cosine about 0.89 (dense). Not a test.
 * <pre>
 * java -Xmx3g -cp &lt;test classpath&gt; io.linkrx.index.bench.KbIndexBench [names | ID||name file]
 *      [float32|int8|int4|none] [seconds per measurement] [index dir]
 * </pre>
 * Vectors are random unit vectors (no neighbourhood structure: the worst case for HNSW recall), or with
 * {@code -Dbench.vectors=clustered} {@link ClusteredEmbedder}'s. With an index dir the index is kept there, and an
 * existing one is reused (no build) to measure queries again.
 */
public final class KbIndexBench {
    static final int WIDTH = 384;
    static final double UMLS_NAMES = 15_000_000;
    static final int K = 10;

    private KbIndexBench() {
    }

    public static void main(String[] args) throws IOException {
        String source = args.length > 0 ? args[0] : "300000";
        String mode = args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "int8";
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        boolean vectors = !mode.equals("none");
        RandomEmbedder random384 = new RandomEmbedder(WIDTH);
        Path kept = args.length > 3 ? Path.of(args[3]) : null;
        Path dir = kept != null ? kept : Files.createTempDirectory("kb-index-bench");
        boolean reuse = kept != null && Files.isDirectory(kept) && !IndexInfo.bytesByExtension(kept).isEmpty();
        Random random = new Random(42);

        KnowledgeBase kb = source.matches("\\d+") ? SyntheticKb.generate(Integer.parseInt(source), 1)
                : IdNameDictionary.read(Path.of(source), "dictionary");
        boolean clustered = "clustered".equals(System.getProperty("bench.vectors"));
        TextEmbedder embedder = clustered ? new ClusteredEmbedder(kb, WIDTH) : random384;
        List<Query> queries = queries(kb, random, 2000, embedder, random384);
        KbIndexBuilder builder = new KbIndexBuilder(kb);
        if (vectors) {
            builder.withEmbedder(embedder, 256).withVectorEncoding(VectorEncoding.parse(mode));
        }
        long start = System.nanoTime();
        if (!reuse) {
            builder.build(dir);
        }
        double buildSeconds = reuse ? Double.NaN : (System.nanoTime() - start) / 1e9;
        kb = null;
        builder = null;

        long heapBefore = IndexInfo.usedHeapAfterGc();
        start = System.nanoTime();
        try (KbIndex index = KbIndex.open(dir)) {
            double openMillis = (System.nanoTime() - start) / 1e6;
            long heapIndex = IndexInfo.usedHeapAfterGc() - heapBefore;
            Map<String, Long> bytes = IndexInfo.bytesByExtension(dir);
            long total = bytes.values().stream().mapToLong(Long::longValue).sum();
            long indexed = index.metadata().names() + index.metadata().abbreviations();
            double factor = UMLS_NAMES / index.metadata().names();

            System.out.printf(Locale.ROOT, "names=%d (concepts %d) vectors=%s%s build=%.1f s (%.2f ms/name) open=%.0f ms%n",
                    index.metadata().names(), index.metadata().concepts(), mode, clustered ? " clustered" : "", buildSeconds,
                    buildSeconds * 1000 / indexed, openMillis);
            System.out.printf(Locale.ROOT, "disk total %s; by type:%n", mb(total));
            long small = 0;
            for (Map.Entry<String, Long> e : bytes.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList()) {
                if (e.getValue() >= total / 1000) {
                    System.out.printf(Locale.ROOT, "  .%-9s %s%n", e.getKey(), mb(e.getValue()));
                } else {
                    small += e.getValue();
                }
            }
            System.out.printf(Locale.ROOT, "  others     %s%n", mb(small));
            System.out.printf(Locale.ROOT, "heap held by the open index (after GC): %s%n", mb(heapIndex));

            double lexical = rate(queries, q -> index.lexical(q.text, q.type, K), seconds);
            System.out.printf(Locale.ROOT, "lexical top-%d, 1 thread: %.0f queries/s%n", K, lexical);
            double dense = 0;
            if (vectors) {
                dense = rate(queries, q -> index.dense(q.vector, q.type, K), seconds);
                System.out.printf(Locale.ROOT, "dense top-%d, 1 thread: %.0f queries/s; recall of the source concept@%d: %.3f%n",
                        K, dense, K, recall(index, queries));
            }
            long lexicalBytes = sum(bytes, "tim", "tip", "tmd", "doc", "dvd", "dvm");
            long denseHot = sum(bytes, mode.equals("float32") ? "vec" : "veq", "vex", "vem", "vemq", "vemf");
            System.out.printf(Locale.ROOT, "UMLS projection (x%.1f, linear): disk %s (lexical part %s, dense search"
                            + " working set %s), heap %s, build %.0f min%n", factor, gb(total * factor),
                    gb(lexicalBytes * factor), vectors ? gb(denseHot * factor) : "-", mb((long) (heapIndex * factor)),
                    buildSeconds * factor / 60);
        } finally {
            if (kept == null) {
                deleteRecursively(dir);
            }
        }
    }

    /** A mention: a name with one letter changed; its vector: the name's vector plus noise. */
    record Query(String text, SemanticType type, float[] vector, String conceptId) {
    }

    static List<Query> queries(KnowledgeBase kb, Random random, int count, TextEmbedder embedder, RandomEmbedder noise) {
        List<Concept> concepts = new ArrayList<>(kb.concepts());
        List<Query> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Concept c = concepts.get(random.nextInt(concepts.size()));
            String name = c.names().get(random.nextInt(c.names().size()));
            char[] chars = name.toCharArray();
            chars[random.nextInt(chars.length)] = (char) ('a' + random.nextInt(26));
            float[] v = unit(embedder.embed(List.of(name))[0]);
            float[] n = noise.vector(random.nextLong());
            for (int d = 0; d < v.length; d++) {
                v[d] += 0.5f * n[d]; // cosine with the name about 0.89
            }
            queries.add(new Query(new String(chars), c.type(), v, c.id()));
        }
        return queries;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] u = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            u[d] = (float) (v[d] / Math.sqrt(norm));
        }
        return u;
    }

    static double rate(List<Query> queries, Function<Query, List<IndexHit>> search, double seconds) {
        run(queries, search, seconds); // warm-up: the JIT takes several seconds to settle on Lucene's scorers
        long[] r = run(queries, search, seconds);
        return r[0] / (r[1] / 1e9);
    }

    static long[] run(List<Query> queries, Function<Query, List<IndexHit>> search, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            for (Query q : queries) {
                sink += search.apply(q).size();
                count++;
                if ((count & 63) == 0 && System.nanoTime() >= deadline) {
                    break;
                }
            }
        }
        if (sink < 0) {
            throw new AssertionError(); // keeps results observable
        }
        return new long[] {count, System.nanoTime() - start};
    }

    static double recall(KbIndex index, List<Query> queries) {
        long found = queries.stream().filter(q -> index.dense(q.vector, q.type, K).stream()
                .anyMatch(h -> h.conceptId().equals(q.conceptId))).count();
        return (double) found / queries.size();
    }

    static long sum(Map<String, Long> bytes, String... types) {
        long s = 0;
        for (String t : types) {
            s += bytes.getOrDefault(t, 0L);
        }
        return s;
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String gb(double bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
