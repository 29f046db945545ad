package io.linkrx.rx.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.linkrx.kg.KgLoader;
import io.linkrx.kg.KnowledgeGraph;
import io.linkrx.kg.Relation;
import io.linkrx.rx.EdgeMask;
import io.linkrx.rx.FeatureSpace;
import io.linkrx.rx.Metapath;
import io.linkrx.rx.NodeNames;
import io.linkrx.rx.Recommendation;
import io.linkrx.rx.Recommender;
import io.linkrx.rx.TreatsLearner;
import io.linkrx.rx.TreatsModel;

/**
 * {@code EvalKg --kg <file> [--xrefs <DO-slim-to-mesh.tsv>] [--folds 5] [--validate <treats file>] [--seed N]
 * [--names <nodes.tsv>] [--glossary <relation_glossary.tsv>] [--neg-per-pos 0] [--latency-queries 500]
 * [--model v2|v1] [--damping 0.4] [--asinh B] [--select B] [--l1 x] [--l2 x] [--node-degrees B]
 * [--metapaths hetionet|extended]}. {@code --model v1} reproduces the first model (log1p, no selection, no node
 * degrees); the other flags override single options of the chosen model.
 * Whole diseases are held out per fold: all their treats edges are masked before any feature is computed and
 * before training. Prints one JSON document on stdout (progress on stderr).
 */
public final class EvalKg {
    static final double DAMPING = 0.4;

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            opt.put(args[i].substring(2), args[i + 1]);
        }
        if (!opt.containsKey("kg")) {
            System.err.println("usage: EvalKg --kg <file> [--xrefs f] [--folds 5] [--validate f] [--seed N] [--names f]");
            System.exit(2);
        }
        int folds = Integer.parseInt(opt.getOrDefault("folds", "5"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        int negPerPos = Integer.parseInt(opt.getOrDefault("neg-per-pos", "0"));
        int epochs = Integer.parseInt(opt.getOrDefault("epochs", "10"));
        int latencyQueries = Integer.parseInt(opt.getOrDefault("latency-queries", "500"));

        long t0 = System.nanoTime();
        KgLoader loader = new KgLoader();
        if (opt.containsKey("glossary")) {
            loader.glossary(Path.of(opt.get("glossary")));
        }
        KnowledgeGraph kg = loader.load(Path.of(opt.get("kg")));
        double loadS = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "loaded %d entities, %d edges, %d relations in %.2f s%n",
                kg.entityCount(), kg.edgeCount(), kg.relations().size(), loadS);
        for (Relation r : kg.relations()) {
            System.err.printf(Locale.ROOT, "  relation %-45s %8d%n", r.name(), kg.edgeCount(r.index()));
        }
        Relation treats = opt.containsKey("treats") ? kg.relation(opt.get("treats")).orElseThrow()
                : kg.relationByType("CtD").orElseThrow(() -> new IllegalArgumentException("no CtD relation"));
        double damping = Double.parseDouble(opt.getOrDefault("damping", String.valueOf(DAMPING)));
        String modelName = opt.getOrDefault("model", "v2");
        boolean v1 = modelName.equals("v1");
        TreatsLearner.Options lopt = new TreatsLearner.Options(
                Boolean.parseBoolean(opt.getOrDefault("asinh", String.valueOf(!v1 && TreatsLearner.Options.DEFAULT.asinh()))),
                Double.parseDouble(opt.getOrDefault("l1", String.valueOf(v1 ? 0 : TreatsLearner.Options.DEFAULT.l1()))),
                Double.parseDouble(opt.getOrDefault("l2", String.valueOf(v1 ? 0 : TreatsLearner.Options.DEFAULT.l2()))),
                Boolean.parseBoolean(opt.getOrDefault("select", String.valueOf(!v1 && TreatsLearner.Options.DEFAULT.selectPositive()))));
        boolean nodeDegrees = Boolean.parseBoolean(opt.getOrDefault("node-degrees", String.valueOf(!v1)));
        List<Metapath> mps = opt.getOrDefault("metapaths", "hetionet").equals("hetionet")
                ? Metapath.hetionet(kg) : Metapath.extended(kg);
        FeatureSpace space = new FeatureSpace(kg, treats, mps, nodeDegrees);
        System.err.println("options: model=" + modelName + " damping=" + damping + " " + lopt + " nodeDegrees=" + nodeDegrees);
        System.err.println("features: " + String.join(", ", space.names()));
        System.err.println("excluded (need the held-out disease's own treats edges): "
                + space.excludedMetapaths().stream().map(Metapath::abbrev).toList());
        NodeNames names = opt.containsKey("names") ? NodeNames.fromTsv(Path.of(opt.get("names"))) : NodeNames.empty();

        int[] compounds = space.compounds();
        int[] allDiseases = kg.entitiesOfType(treats.tailType());
        List<Integer> posDiseases = new ArrayList<>();
        for (int d : allDiseases) {
            if (kg.inDegree(treats.index(), d) > 0) {
                posDiseases.add(d);
            }
        }
        // fold assignment: shuffle diseases with treats edges
        SplittableRandom rnd = new SplittableRandom(seed);
        Integer[] shuffled = posDiseases.toArray(new Integer[0]);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Integer t = shuffled[i]; shuffled[i] = shuffled[j]; shuffled[j] = t;
        }
        Map<Integer, double[]> modelScores = new LinkedHashMap<>();
        Map<Integer, double[]> treatsDegree = new LinkedHashMap<>();
        Map<Integer, double[]> totalDegree = new LinkedHashMap<>();
        TreatsModel firstFoldModel = null;
        EdgeMask firstFoldMask = null;
        long trainNanos = 0;
        for (int f = 0; f < folds; f++) {
            BitSet held = new BitSet();
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < shuffled.length; i++) {
                if (i % folds == f) {
                    held.set(shuffled[i]);
                    test.add(shuffled[i]);
                } else {
                    train.add(shuffled[i]);
                }
            }
            EdgeMask mask = new EdgeMask(treats.index(), held);
            long ts = System.nanoTime();
            TreatsModel model = new TreatsLearner(space, damping, negPerPos, epochs, seed, lopt).train(train, mask);
            trainNanos += System.nanoTime() - ts;
            if (f == 0) {
                firstFoldModel = model;
                firstFoldMask = mask;
            }
            Recommender rec = new Recommender(space, model, names, damping);
            for (int d : test) {
                modelScores.put(d, rec.probabilities(d, mask));
                treatsDegree.put(d, degreeBaseline(kg, space, mask, false));
                totalDegree.put(d, degreeBaseline(kg, space, mask, true));
            }
            System.err.printf(Locale.ROOT, "fold %d: %d train / %d held-out diseases; weights %s%n", f, train.size(),
                    test.size(), weights(model));
        }
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        kv(json, "kg", opt.get("kg"));
        json.append(String.format(Locale.ROOT,
                "  \"graph\": {\"entities\": %d, \"edges\": %d, \"relations\": %d, \"load_seconds\": %.2f},%n",
                kg.entityCount(), kg.edgeCount(), kg.relations().size(), loadS));
        json.append(String.format(Locale.ROOT,
                "  \"setup\": {\"folds\": %d, \"seed\": %d, \"damping\": %.1f, \"candidates\": %d, "
                        + "\"diseases_with_treats\": %d, \"treats_edges\": %d, \"features\": %s, \"learner\": "
                        + "\"Tribuo 4.3.1 LinearSGDTrainer(LogMulticlass, AdaGrad 0.1, %d epochs)\", \"options\": \"%s\", "
                        + "\"negatives_per_positive\": \"%s\", \"train_seconds_total\": %.1f},%n",
                folds, seed, damping, compounds.length, posDiseases.size(), kg.edgeCount(treats.index()),
                jsonList(Arrays.asList(space.names())), epochs, modelName + " " + lopt + " nodeDegrees=" + nodeDegrees, negPerPos <= 0 ? "all" : String.valueOf(negPerPos),
                trainNanos / 1e9));
        json.append("  \"held_out_diseases\": {\n");
        json.append("    \"model\": ").append(metrics(kg, treats, compounds, modelScores, null, true)).append(",\n");
        json.append("    \"baseline_treats_degree\": ").append(metrics(kg, treats, compounds, treatsDegree, null, false)).append(",\n");
        json.append("    \"baseline_total_degree\": ").append(metrics(kg, treats, compounds, totalDegree, null, false)).append("\n");
        json.append("  },\n");

        if (opt.containsKey("validate")) {
            List<String[]> rows = readValidation(Path.of(opt.get("validate")));
            String positive = opt.getOrDefault("validate-category", "DM");
            Recommender firstRec = new Recommender(space, firstFoldModel, names, damping);
            Map<Integer, Map<Integer, Boolean>> vlabels = new LinkedHashMap<>();
            int unmapped = 0;
            for (String[] r : rows) {
                int d = kg.entity(r[0]);
                int c = kg.entity(r[1]);
                if (d < 0 || c < 0 || space.compoundIndex(c) < 0) {
                    unmapped++;
                    continue;
                }
                String cat = r[2];
                if (cat.isEmpty() || cat.equals(positive)) {
                    vlabels.computeIfAbsent(d, x -> new HashMap<>()).put(c, true);
                } else if (cat.equals("NOT")) {
                    vlabels.computeIfAbsent(d, x -> new HashMap<>()).putIfAbsent(c, false);
                }
            }
            Map<Integer, double[]> vm = new LinkedHashMap<>();
            Map<Integer, double[]> vb = new LinkedHashMap<>();
            for (int d : vlabels.keySet()) {
                if (modelScores.containsKey(d)) {
                    vm.put(d, modelScores.get(d));
                    vb.put(d, treatsDegree.get(d));
                } else { // disease without treats edges: never trained on; score with the first fold's model
                    EdgeMask m = firstFoldMask.plus(treats.index(), d);
                    vm.put(d, firstRec.probabilities(d, m));
                    vb.put(d, degreeBaseline(kg, space, m, false));
                }
            }
            json.append("  \"validate\": {\n");
            kv(json, "file", opt.get("validate"));
            kv(json, "positive_category", positive);
            json.append("    \"rows\": ").append(rows.size()).append(", \"unmapped\": ").append(unmapped).append(",\n");
            json.append("    \"model\": ").append(metrics(kg, treats, compounds, vm, vlabels, false)).append(",\n");
            json.append("    \"baseline_treats_degree\": ").append(metrics(kg, treats, compounds, vb, vlabels, false)).append("\n");
            json.append("  },\n");
        }

        // latency: full model (every treats edge), one query = one note's diseases → top 10 with 3 paths each
        TreatsModel full = new TreatsLearner(space, damping, negPerPos, epochs, seed, lopt).train(posDiseases, EdgeMask.NONE);
        Recommender rec = new Recommender(space, full, names, damping);
        SplittableRandom lr = new SplittableRandom(seed + 1);
        List<long[]> lat = new ArrayList<>();
        long[] nanos = new long[latencyQueries];
        int withoutPath = 0;
        long recs = 0;
        for (int pass = 0; pass < 2; pass++) { // pass 0 warms up the JIT
            for (int q = 0; q < latencyQueries; q++) {
                int nd = 1 + lr.nextInt(3);
                List<Recommender.Target> targets = new ArrayList<>();
                for (int i = 0; i < nd; i++) {
                    targets.add(new Recommender.Target(allDiseases[lr.nextInt(allDiseases.length)], ""));
                }
                Set<Integer> current = new HashSet<>();
                for (int i = 0; i < 3; i++) {
                    current.add(compounds[lr.nextInt(compounds.length)]);
                }
                long s = System.nanoTime();
                List<Recommendation> out = rec.recommend(targets, current, 10, 3);
                nanos[q] = System.nanoTime() - s;
                if (pass == 1) {
                    recs += out.size();
                    withoutPath += (int) out.stream().filter(r -> r.paths().isEmpty()).count();
                }
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        json.append(String.format(Locale.ROOT,
                "  \"latency\": {\"queries\": %d, \"diseases_per_query\": \"1-3\", \"top_k\": 10, \"paths_per_item\": 3, "
                        + "\"p50_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f, \"recommendations\": %d, "
                        + "\"recommendations_without_path\": %d},%n",
                latencyQueries, sorted[latencyQueries / 2] / 1e6, sorted[(int) Math.ceil(latencyQueries * 0.99) - 1] / 1e6,
                sorted[latencyQueries - 1] / 1e6, recs, withoutPath));
        // one worked example
        int example = kg.entity(opt.getOrDefault("example", "Disease::DOID:9352"));
        if (example < 0) {
            example = posDiseases.get(0);
        }
        json.append("  \"example\": ").append(exampleJson(rec.recommend(List.of(new Recommender.Target(example, "")),
                Set.of(), 5, 1))).append("\n");
        json.append("}\n");
        System.out.print(json);
    }

    private static String weights(TreatsModel m) {
        StringBuilder sb = new StringBuilder("{");
        for (int j = 0; j < m.weights().length; j++) {
            sb.append(j == 0 ? "" : ", ").append(m.featureNames()[j]).append('=')
                    .append(String.format(Locale.ROOT, "%.2f", m.weights()[j]));
        }
        return sb.append('}').toString();
    }

    /** Compound degree under the mask: treats edges only, or all relations (treats edges masked). */
    static double[] degreeBaseline(KnowledgeGraph kg, FeatureSpace space, EdgeMask mask, boolean total) {
        int[] compounds = space.compounds();
        double[] s = new double[compounds.length];
        Metapath.Step treatsStep = new Metapath.Step(space.treats(), Metapath.Direction.FORWARD);
        io.linkrx.rx.Dwpc dwpc = new io.linkrx.rx.Dwpc(kg, DAMPING);
        for (int i = 0; i < compounds.length; i++) {
            double v = dwpc.degree(treatsStep, compounds[i], true, mask);
            if (total) {
                for (Relation r : kg.relations()) {
                    if (r.index() != space.treats().index()) {
                        v += kg.outDegree(r.index(), compounds[i]) + kg.inDegree(r.index(), compounds[i]);
                    }
                }
            }
            s[i] = v;
        }
        return s;
    }

    /**
     * Metrics over the given diseases' score vectors. Labels: the graph's treats edges, or {@code explicit}
     * (compound → true/false; with explicit labels only listed compounds count when some are false, i.e. the
     * validation file has explicit negatives — otherwise all other candidates are negatives).
     */
    static String metrics(KnowledgeGraph kg, Relation treats, int[] compounds, Map<Integer, double[]> scores,
                          Map<Integer, Map<Integer, Boolean>> explicit, boolean calibration) {
        List<Double> pooledS = new ArrayList<>();
        List<Boolean> pooledL = new ArrayList<>();
        List<Double> ranks = new ArrayList<>();
        double aurocSum = 0;
        int aurocN = 0;
        double probSum = 0;
        double brier = 0;
        int nNeg = 0;
        Map<Integer, Boolean> dummy = Map.of();
        List<Double> vsNotS = new ArrayList<>();
        List<Boolean> vsNotL = new ArrayList<>();
        for (var e : scores.entrySet()) {
            int d = e.getKey();
            double[] s = e.getValue();
            Map<Integer, Boolean> ex = explicit == null ? dummy : explicit.getOrDefault(d, dummy);
            boolean[] lab = new boolean[compounds.length];
            for (int i = 0; i < compounds.length; i++) {
                lab[i] = explicit == null ? kg.hasEdge(treats.index(), compounds[i], d)
                        : Boolean.TRUE.equals(ex.get(compounds[i]));
                pooledS.add(s[i]);
                pooledL.add(lab[i]);
                probSum += s[i];
                brier += (s[i] - (lab[i] ? 1 : 0)) * (s[i] - (lab[i] ? 1 : 0));
                Boolean x = ex.get(compounds[i]);
                if (x != null) {
                    vsNotS.add(s[i]);
                    vsNotL.add(x);
                    if (!x) nNeg++;
                }
            }
            double a = Metrics.auroc(s, lab);
            if (!Double.isNaN(a)) {
                aurocSum += a;
                aurocN++;
            }
            for (double r : Metrics.positiveRanks(s, lab)) {
                ranks.add(r);
            }
        }
        double[] ps = pooledS.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] pl = new boolean[pooledL.size()];
        int npos = 0;
        for (int i = 0; i < pl.length; i++) {
            pl[i] = pooledL.get(i);
            if (pl[i]) npos++;
        }
        double[] rk = ranks.stream().mapToDouble(Double::doubleValue).toArray();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "{\"diseases\": %d, \"pairs\": %d, \"positives\": %d, \"auroc\": %.4f, \"auprc\": %.4f, "
                        + "\"mean_per_disease_auroc\": %.4f, \"hits@1\": %.4f, \"hits@3\": %.4f, \"hits@10\": %.4f, \"mrr\": %.4f",
                scores.size(), ps.length, npos, Metrics.auroc(ps, pl), Metrics.auprc(ps, pl),
                aurocSum / Math.max(1, aurocN), Metrics.hitsAt(rk, 1), Metrics.hitsAt(rk, 3), Metrics.hitsAt(rk, 10),
                Metrics.mrr(rk)));
        if (calibration) {
            sb.append(String.format(Locale.ROOT, ", \"sum_of_probabilities\": %.1f, \"brier\": %.5f", probSum,
                    brier / ps.length));
        }
        if (nNeg > 0) {
            double[] vs = vsNotS.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] vl = new boolean[vsNotL.size()];
            for (int i = 0; i < vl.length; i++) vl[i] = vsNotL.get(i);
            sb.append(String.format(Locale.ROOT, ", \"auroc_vs_NOT_indications\": %.4f, \"NOT_pairs\": %d",
                    Metrics.auroc(vs, vl), nNeg));
        }
        return sb.append('}').toString();
    }

    /**
     * Reads treats pairs: PharmacotherapyDB {@code indications.tsv} (doid_id, drugbank_id, …, category …), DRKG
     * triples (Compound, relation, Disease), or two columns disease/compound. Returns {disease node, compound node,
     * category ("" when none)}.
     */
    static List<String[]> readValidation(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(KgLoader.open(file), StandardCharsets.UTF_8))) {
            String line;
            int catCol = -1;
            boolean first = true;
            while ((line = r.readLine()) != null) {
                String[] f = line.strip().split("\t");
                if (first) {
                    first = false;
                    if (f[0].equals("doid_id")) {
                        catCol = Arrays.asList(f).indexOf("category");
                        continue;
                    }
                }
                if (f.length >= 3 && f[0].startsWith("Compound::")) {
                    out.add(new String[] {f[2], f[0], ""});
                } else if (f.length >= 2) {
                    String d = f[0].contains("::") ? f[0] : "Disease::" + f[0];
                    String c = f[1].contains("::") ? f[1] : "Compound::" + f[1];
                    out.add(new String[] {d, c, catCol >= 0 && catCol < f.length ? f[catCol] : ""});
                }
            }
        }
        return out;
    }

    private static String exampleJson(List<Recommendation> recs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < recs.size(); i++) {
            Recommendation r = recs.get(i);
            sb.append(i == 0 ? "\n    " : ",\n    ").append(String.format(Locale.ROOT,
                    "{\"compound\": %s, \"disease\": %s, \"probability\": %.4f, \"known_indication\": %s, \"path\": %s}",
                    q(r.compoundId() + " " + r.compoundName()), q(r.diseaseId() + " " + r.diseaseName()),
                    r.probability(), r.knownIndication(),
                    q(r.paths().get(r.paths().size() - 1).describe() + String.format(Locale.ROOT, " (%s, %+.3f)",
                            r.paths().get(r.paths().size() - 1).metapath(), r.paths().get(r.paths().size() - 1).contribution()))));
        }
        return sb.append("\n  ]").toString();
    }

    private static void kv(StringBuilder sb, String k, String v) {
        sb.append("  \"").append(k).append("\": ").append(q(v)).append(",\n");
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String jsonList(List<String> xs) {
        return xs.stream().map(EvalKg::q).toList().toString();
    }
}
