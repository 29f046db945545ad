package io.linkrx.kg.bench;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import io.linkrx.kg.KgLoader;
import io.linkrx.kg.KnowledgeGraph;

/**
 * Generates a DRKG-sized graph (default 5,874,261 triples, 97,238 entities in 13 types, 107 relations, Zipf-like
 * degree skew) to a temp file, loads it, prints load time and heap used after GC.
 * {@code java -Xmx1500m -cp … io.linkrx.kg.bench.KgScaleBench [triples] [entities] [relations] [gz|plain]}
 */
public final class KgScaleBench {
    public static void main(String[] args) throws Exception {
        int triples = args.length > 0 ? Integer.parseInt(args[0]) : 5_874_261;
        int entities = args.length > 1 ? Integer.parseInt(args[1]) : 97_238;
        int relations = args.length > 2 ? Integer.parseInt(args[2]) : 107;
        boolean gz = args.length <= 3 || args[3].equals("gz");
        String[] types = {"Gene", "Compound", "Disease", "Atc", "Side Effect", "Biological Process", "Symptom",
                "Anatomy", "Molecular Function", "Pharmacologic Class", "Cellular Component", "Pathway", "Tax"};
        double[] share = {0.404, 0.249, 0.052, 0.042, 0.059, 0.115, 0.004, 0.004, 0.028, 0.004, 0.016, 0.019, 0.004};
        String[] names = new String[entities];
        int[] typeStart = new int[types.length + 1];
        int e = 0;
        for (int t = 0; t < types.length; t++) {
            typeStart[t] = e;
            int n = t == types.length - 1 ? entities - e : (int) Math.round(share[t] * entities);
            for (int i = 0; i < n && e < entities; i++) {
                names[e++] = types[t] + "::" + (types[t].equals("Compound") ? String.format("DB%05d", i) : "X" + i);
            }
        }
        typeStart[types.length] = entities;
        SplittableRandom rnd = new SplittableRandom(7);
        int[][] relTypes = new int[relations][2];
        String[] relNames = new String[relations];
        for (int r = 0; r < relations; r++) {
            // most DRKG edges are Gene/Compound/Disease: bias relation endpoint types toward the first three
            relTypes[r][0] = rnd.nextDouble() < 0.8 ? rnd.nextInt(3) : rnd.nextInt(types.length);
            relTypes[r][1] = rnd.nextDouble() < 0.8 ? rnd.nextInt(3) : rnd.nextInt(types.length);
            relNames[r] = "SRC" + (r % 7) + "::rel" + r + "::" + types[relTypes[r][0]] + ":" + types[relTypes[r][1]];
        }
        // relation sizes: skewed too (a few relations hold most edges, like DRKG's ddi-interactor-in)
        double[] relW = new double[relations];
        double sum = 0;
        for (int r = 0; r < relations; r++) {
            relW[r] = 1.0 / Math.pow(r + 1, 1.1);
            sum += relW[r];
        }
        Path file = Files.createTempFile("kg-scale", gz ? ".tsv.gz" : ".tsv");
        file.toFile().deleteOnExit();
        long g0 = System.nanoTime();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(gz
                ? new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) : Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (int r = 0; r < relations; r++) {
                long n = Math.round(triples * relW[r] / sum);
                if (r == relations - 1) {
                    n = triples - countSoFar;
                }
                countSoFar += n;
                for (long i = 0; i < n; i++) {
                    w.write(names[pick(rnd, typeStart, relTypes[r][0])]);
                    w.write('\t');
                    w.write(relNames[r]);
                    w.write('\t');
                    w.write(names[pick(rnd, typeStart, relTypes[r][1])]);
                    w.write('\n');
                }
            }
        }
        System.out.printf(Locale.ROOT, "generated %d triples, %d entities, %d relations (%s, %.0f MB) in %.1f s%n",
                triples, entities, relations, gz ? "gzip" : "plain", Files.size(file) / 1e6, (System.nanoTime() - g0) / 1e9);
        names = null;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        KnowledgeGraph kg = new KgLoader().load(file);
        double loadS = (System.nanoTime() - t0) / 1e9;
        System.gc();
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "loaded %d entities, %d distinct edges, %d relations in %.2f s; "
                        + "heap used after GC %.0f MB (graph %.0f MB); max heap %.0f MB%n",
                kg.entityCount(), kg.edgeCount(), kg.relations().size(), loadS, after / 1e6, (after - before) / 1e6,
                rt.maxMemory() / 1e6);
        Files.deleteIfExists(file);
    }

    private static long countSoFar;

    /** Zipf-ish pick within a type: index = n * u^3 concentrates edges on low indexes (hubs). */
    private static int pick(SplittableRandom rnd, int[] typeStart, int type) {
        int n = typeStart[type + 1] - typeStart[type];
        double u = rnd.nextDouble();
        return typeStart[type] + (int) (n * u * u * u);
    }
}
