package io.linkrx.rx;

import java.util.ArrayList;
import java.util.List;

import io.linkrx.kg.KnowledgeGraph;
import io.linkrx.kg.Relation;

/**
 * The features of a (compound, disease) pair: one DWPC per metapath, plus the compound's treats-degree and
 * binds-degree (Rephetio's prior: well-studied drugs treat more). Metapaths ending in the treats relation are left
 * out: for a disease scored as unseen (own treats edges masked) they are always zero. Optionally (default on) the
 * compound's and the disease's degrees in every other relation touching their type, never a Compound–Disease
 * relation (treats, palliates): those would read the scored disease's own indications.
 */
public final class FeatureSpace {
    private final KnowledgeGraph kg;
    private final Relation treats;
    private final List<Metapath> metapaths;
    private final List<Metapath> excluded;
    private final Relation binds;
    private final int[] compounds;
    private final String[] names;
    /** Relations whose degree (in + out) is a compound-side / disease-side feature. */
    private final List<Relation> compoundDegreeRels;
    private final List<Relation> diseaseDegreeRels;

    /** Default feature space: the candidate metapaths (minus those ending in treats) plus node degrees. */
    public FeatureSpace(KnowledgeGraph kg, Relation treats, List<Metapath> candidates) {
        this(kg, treats, candidates, true);
    }

    /**
     * @param nodeDegrees add the compound's and the disease's degree in every relation that touches their type,
     *                    except any relation between the compound and disease types (treats itself, and
     *                    label-adjacent relations such as palliates): for a scored disease these would read its
     *                    own indications.
     */
    public FeatureSpace(KnowledgeGraph kg, Relation treats, List<Metapath> candidates, boolean nodeDegrees) {
        this.kg = kg;
        this.treats = treats;
        List<Metapath> keep = new ArrayList<>();
        List<Metapath> drop = new ArrayList<>();
        for (Metapath mp : candidates) {
            (mp.endsWith(treats) ? drop : keep).add(mp);
        }
        this.metapaths = List.copyOf(keep);
        this.excluded = List.copyOf(drop);
        this.binds = kg.relationByType("CbG").orElse(null);
        this.compounds = kg.entitiesOfType(treats.headType());
        List<String> n = new ArrayList<>();
        for (Metapath mp : metapaths) {
            n.add("dwpc:" + mp.abbrev());
        }
        n.add("degree:" + treats.type());
        if (binds != null) {
            n.add("degree:" + binds.type());
        }
        List<Relation> cr = new ArrayList<>();
        List<Relation> dr = new ArrayList<>();
        if (nodeDegrees) {
            String ct = treats.headType();
            String dt = treats.tailType();
            for (Relation r : kg.relations()) {
                boolean labelAdjacent = (r.headType().equals(ct) && r.tailType().equals(dt))
                        || (r.headType().equals(dt) && r.tailType().equals(ct));
                if (labelAdjacent || (binds != null && r.index() == binds.index())) {
                    continue;
                }
                if (r.headType().equals(ct) || r.tailType().equals(ct)) {
                    cr.add(r);
                    n.add("cdegree:" + r.type());
                }
            }
            for (Relation r : kg.relations()) {
                boolean labelAdjacent = (r.headType().equals(ct) && r.tailType().equals(dt))
                        || (r.headType().equals(dt) && r.tailType().equals(ct));
                if (!labelAdjacent && (r.headType().equals(dt) || r.tailType().equals(dt))) {
                    dr.add(r);
                    n.add("ddegree:" + r.type());
                }
            }
        }
        this.compoundDegreeRels = List.copyOf(cr);
        this.diseaseDegreeRels = List.copyOf(dr);
        this.names = n.toArray(new String[0]);
    }

    public KnowledgeGraph graph() { return kg; }

    public Relation treats() { return treats; }

    public List<Metapath> metapaths() { return metapaths; }

    public List<Metapath> excludedMetapaths() { return excluded; }

    /** Candidate compounds (all entities of the treats relation's head type), ascending ids. */
    public int[] compounds() { return compounds; }

    public String[] names() { return names.clone(); }

    public int size() { return names.length; }

    /** True for DWPC features (index &lt; number of metapaths). */
    public boolean isDwpc(int feature) { return feature < metapaths.size(); }

    /** Raw features of every candidate compound against {@code disease}: [compound index][feature]. */
    public double[][] raw(int disease, EdgeMask mask, Dwpc dwpc) {
        double[][] x = new double[compounds.length][names.length];
        for (int m = 0; m < metapaths.size(); m++) {
            Dwpc.Sparse s = dwpc.toDisease(metapaths.get(m), disease, mask);
            int[] nodes = s.nodes();
            int ci = 0;
            for (int k = 0; k < nodes.length; k++) {
                while (ci < compounds.length && compounds[ci] < nodes[k]) {
                    ci++;
                }
                if (ci < compounds.length && compounds[ci] == nodes[k]) {
                    x[ci][m] = s.values()[k];
                }
            }
        }
        int dTreats = metapaths.size();
        Metapath.Step treatsStep = new Metapath.Step(treats, Metapath.Direction.FORWARD);
        for (int ci = 0; ci < compounds.length; ci++) {
            x[ci][dTreats] = dwpc.degree(treatsStep, compounds[ci], true, mask);
            if (binds != null) {
                x[ci][dTreats + 1] = kg.outDegree(binds.index(), compounds[ci]);
            }
        }
        int j0 = dTreats + 1 + (binds != null ? 1 : 0);
        for (int k = 0; k < compoundDegreeRels.size(); k++) {
            int r = compoundDegreeRels.get(k).index();
            for (int ci = 0; ci < compounds.length; ci++) {
                x[ci][j0 + k] = kg.outDegree(r, compounds[ci]) + kg.inDegree(r, compounds[ci]);
            }
        }
        j0 += compoundDegreeRels.size();
        for (int k = 0; k < diseaseDegreeRels.size(); k++) {
            int r = diseaseDegreeRels.get(k).index();
            double v = kg.outDegree(r, disease) + kg.inDegree(r, disease);
            for (int ci = 0; ci < compounds.length; ci++) {
                x[ci][j0 + k] = v;
            }
        }
        return x;
    }

    /** Index of {@code compound} among {@link #compounds()}, or -1. */
    public int compoundIndex(int compound) {
        int i = java.util.Arrays.binarySearch(compounds, compound);
        return i >= 0 ? i : -1;
    }
}
