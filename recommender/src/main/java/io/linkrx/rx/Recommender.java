package io.linkrx.rx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.linkrx.kg.KnowledgeGraph;
import io.linkrx.kg.Relation;

/**
 * Scores every candidate compound against the query diseases and explains the top ones with concrete paths.
 * A disease is scored as in training: with its own treats edges masked (the model never learned to trust them);
 * a compound that already treats the disease in the graph is flagged {@code knownIndication} and that edge is
 * shown as its first path. Only compounds with at least one metapath path to the disease are recommended, so every
 * recommendation has an explanation. Not thread-safe (one {@link Dwpc} scratch): one instance per thread.
 */
public final class Recommender {
    /** A query disease: its graph node and a note on how the linked id got there (may be empty). */
    public record Target(int node, String note) {}

    private final FeatureSpace space;
    private final TreatsModel model;
    private final NodeNames names;
    private final Dwpc dwpc;
    private final int pathVisitLimit;

    public Recommender(FeatureSpace space, TreatsModel model, NodeNames names, double damping) {
        this.space = space;
        this.model = model;
        this.names = names;
        this.dwpc = new Dwpc(space.graph(), damping);
        this.pathVisitLimit = 50_000;
    }

    public TreatsModel model() { return model; }

    /** P(treats) for every candidate compound (order of {@link FeatureSpace#compounds()}), under {@code mask}. */
    public double[] probabilities(int disease, EdgeMask mask) {
        double[][] raw = space.raw(disease, mask, dwpc);
        double[] p = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            p[i] = model.probability(model.transform().apply(raw[i]));
        }
        return p;
    }

    /**
     * Top {@code k} compounds over all {@code targets} (a compound's best disease wins), excluding
     * {@code currentCompounds} (graph ids of drugs the patient takes), each with up to {@code pathsPerItem} paths.
     */
    public List<Recommendation> recommend(Collection<Target> targets, Set<Integer> currentCompounds, int k,
                                          int pathsPerItem) {
        KnowledgeGraph kg = space.graph();
        Relation treats = space.treats();
        int[] compounds = space.compounds();
        int nMp = space.metapaths().size();
        record Cand(int ci, Target target, double p, double[] raw, double[] z) {}
        Map<Integer, Cand> best = new HashMap<>();
        for (Target t : targets) {
            EdgeMask mask = EdgeMask.NONE.plus(treats.index(), t.node());
            double[][] raw = space.raw(t.node(), mask, dwpc);
            for (int ci = 0; ci < compounds.length; ci++) {
                if (currentCompounds.contains(compounds[ci]) || !hasPath(raw[ci], nMp)) {
                    continue;
                }
                double[] z = model.transform().apply(raw[ci]);
                double p = model.probability(z);
                Cand prev = best.get(ci);
                if (prev == null || p > prev.p()) {
                    best.put(ci, new Cand(ci, t, p, raw[ci], z));
                }
            }
        }
        List<Cand> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Cand::p).reversed().thenComparingInt(Cand::ci));
        List<Recommendation> out = new ArrayList<>();
        for (Cand c : ranked.subList(0, Math.min(k, ranked.size()))) {
            int compound = compounds[c.ci()];
            int disease = c.target().node();
            EdgeMask mask = EdgeMask.NONE.plus(treats.index(), disease);
            List<Recommendation.ExplainedPath> paths = new ArrayList<>();
            boolean known = kg.hasEdge(treats.index(), compound, disease);
            if (known) {
                paths.add(explain("CtD (known indication, not used in the score)", new int[] {compound, disease},
                        List.of(treats.type()), 1.0, 0.0));
            }
            List<Recommendation.ExplainedPath> scored = new ArrayList<>();
            for (int m = 0; m < nMp; m++) {
                if (c.raw()[m] <= 0) {
                    continue;
                }
                Metapath mp = space.metapaths().get(m);
                double contribution = model.contribution(m, c.z());
                List<String> rels = mp.steps().stream().map(s -> label(s)).toList();
                for (Dwpc.Path path : dwpc.paths(mp, compound, disease, mask, pathVisitLimit)) {
                    scored.add(explain(mp.abbrev(), path.nodes(), rels, path.pdp(),
                            contribution * path.pdp() / c.raw()[m]));
                }
            }
            scored.sort(Comparator.comparingDouble(Recommendation.ExplainedPath::contribution).reversed());
            paths.addAll(scored.subList(0, Math.min(pathsPerItem, scored.size())));
            String dId = kg.entityName(disease);
            String cId = kg.entityName(compound);
            out.add(new Recommendation(cId, names.name(cId), c.p(), dId, names.name(dId), c.target().note(), known,
                    List.copyOf(paths)));
        }
        return out;
    }

    private static boolean hasPath(double[] raw, int nMp) {
        for (int m = 0; m < nMp; m++) {
            if (raw[m] > 0) {
                return true;
            }
        }
        return false;
    }

    private static String label(Metapath.Step s) {
        String t = s.relation().type();
        return switch (s.direction()) {
            case FORWARD -> t + ">";
            case BACKWARD -> "<" + t;
            default -> t;
        };
    }

    private Recommendation.ExplainedPath explain(String metapath, int[] nodes, List<String> rels, double pdp,
                                                 double contribution) {
        KnowledgeGraph kg = space.graph();
        List<String> ids = new ArrayList<>();
        List<String> ns = new ArrayList<>();
        for (int n : nodes) {
            String id = kg.entityName(n);
            ids.add(id);
            ns.add(names.name(id));
        }
        return new Recommendation.ExplainedPath(metapath, ids, ns, rels, pdp, contribution);
    }
}
