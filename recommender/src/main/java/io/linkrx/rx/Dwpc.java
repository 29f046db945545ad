package io.linkrx.rx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.linkrx.kg.KnowledgeGraph;
import io.linkrx.rx.Metapath.Direction;
import io.linkrx.rx.Metapath.Step;

/**
 * Degree-weighted path counts (Himmelstein &amp; Baranzini 2015, Project Rephetio): every path's degree product
 * Π (deg(u)·deg(v))^-w over its edges, degrees counted per step relation and direction; DWPC = sum over paths.
 * Computed for one disease against all compounds at once by propagating backwards from the disease; concrete
 * paths for one (compound, disease) pair by {@link #paths}. The counted features are not node-unique (the masks
 * used for held-out diseases remove the cases that matter: a path back through the pair's own treats edge); the
 * explaining paths are, because a path that revisits a node explains nothing to a reader.
 * Not thread-safe (scratch buffers): use one instance per thread.
 */
public final class Dwpc {
    private final KnowledgeGraph kg;
    private final double damping;
    private double[] cur;
    private double[] next;
    private int[] curNodes;
    private int[] nextNodes;

    public Dwpc(KnowledgeGraph kg, double damping) {
        this.kg = kg;
        this.damping = damping;
        cur = new double[kg.entityCount()];
        next = new double[kg.entityCount()];
        curNodes = new int[16];
        nextNodes = new int[16];
    }

    public double damping() {
        return damping;
    }

    /** Number of edges of the step's relation at {@code node}, on the compound side (fromSide) or disease side. */
    public int degree(Step step, int node, boolean fromSide, EdgeMask mask) {
        int r = step.relation().index();
        boolean out;
        switch (step.direction()) {
            case FORWARD -> out = fromSide;
            case BACKWARD -> out = !fromSide;
            default -> {
                return degree(r, node, true, mask) + degree(r, node, false, mask);
            }
        }
        return degree(r, node, out, mask);
    }

    private int degree(int r, int node, boolean out, EdgeMask mask) {
        if (!mask.appliesTo(r)) {
            return out ? kg.outDegree(r, node) : kg.inDegree(r, node);
        }
        if (mask.masked(node)) {
            return 0;
        }
        int[] adj = out ? kg.outArray(r) : kg.inArray(r);
        int from = out ? kg.outStart(r, node) : kg.inStart(r, node);
        int to = out ? kg.outEnd(r, node) : kg.inEnd(r, node);
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!mask.masked(adj[i])) {
                n++;
            }
        }
        return n;
    }

    private double edgeWeight(Step step, int u, int v, EdgeMask mask) {
        double du = degree(step, u, true, mask);
        double dv = degree(step, v, false, mask);
        return Math.pow(du * dv, -damping);
    }

    /** DWPC from every compound to {@code disease}: sparse result (compounds with a non-zero value only). */
    public Sparse toDisease(Metapath mp, int disease, EdgeMask mask) {
        int nCur = 1;
        curNodes[0] = disease;
        cur[disease] = 1.0;
        List<Step> steps = mp.steps();
        for (int s = steps.size() - 1; s >= 0; s--) {
            Step step = steps.get(s);
            int r = step.relation().index();
            boolean masked = mask.appliesTo(r);
            int nNext = 0;
            for (int k = 0; k < nCur; k++) {
                int v = curNodes[k];
                double val = cur[v];
                cur[v] = 0;
                if (masked && mask.masked(v)) {
                    continue;
                }
                double dv = degree(step, v, false, mask);
                if (dv == 0) {
                    continue;
                }
                double fv = val * Math.pow(dv, -damping);
                // predecessors u of v along this step
                for (int pass = 0; pass < 2; pass++) {
                    boolean useIn;
                    if (step.direction() == Direction.FORWARD) {
                        if (pass == 1) break;
                        useIn = true;
                    } else if (step.direction() == Direction.BACKWARD) {
                        if (pass == 1) break;
                        useIn = false;
                    } else {
                        useIn = pass == 0;
                    }
                    int[] adj = useIn ? kg.inArray(r) : kg.outArray(r);
                    int from = useIn ? kg.inStart(r, v) : kg.outStart(r, v);
                    int to = useIn ? kg.inEnd(r, v) : kg.outEnd(r, v);
                    for (int i = from; i < to; i++) {
                        int u = adj[i];
                        if (masked && mask.masked(u)) {
                            continue;
                        }
                        double du = degree(step, u, true, mask);
                        double add = fv * Math.pow(du, -damping);
                        if (next[u] == 0) {
                            if (nNext == nextNodes.length) {
                                nextNodes = Arrays.copyOf(nextNodes, nNext * 2);
                            }
                            nextNodes[nNext++] = u;
                        }
                        next[u] += add;
                    }
                }
            }
            double[] t = cur; cur = next; next = t;
            int[] tn = curNodes; curNodes = nextNodes; nextNodes = tn;
            nCur = nNext;
        }
        int[] nodes = Arrays.copyOf(curNodes, nCur);
        Arrays.sort(nodes);
        double[] vals = new double[nCur];
        for (int k = 0; k < nCur; k++) {
            vals[k] = cur[nodes[k]];
        }
        for (int k = 0; k < nCur; k++) {
            cur[nodes[k]] = 0;
        }
        return new Sparse(nodes, vals);
    }

    /** A concrete path: its nodes (compound first, disease last) and its degree product. */
    public record Path(Metapath metapath, int[] nodes, double pdp) {}

    /** Concrete paths from {@code compound} to {@code disease} along {@code mp}, at most {@code limit} visited. */
    public List<Path> paths(Metapath mp, int compound, int disease, EdgeMask mask, int limit) {
        List<Path> out = new ArrayList<>();
        int[] nodes = new int[mp.length() + 1];
        nodes[0] = compound;
        int[] budget = {limit};
        dfs(mp, 0, nodes, 1.0, disease, mask, out, budget);
        return out;
    }

    private void dfs(Metapath mp, int s, int[] nodes, double pdp, int disease, EdgeMask mask, List<Path> out,
                     int[] budget) {
        Step step = mp.steps().get(s);
        int r = step.relation().index();
        int u = nodes[s];
        boolean masked = mask.appliesTo(r);
        if (masked && mask.masked(u)) {
            return;
        }
        boolean last = s == mp.length() - 1;
        for (int pass = 0; pass < 2; pass++) {
            boolean useOut;
            if (step.direction() == Direction.FORWARD) {
                if (pass == 1) break;
                useOut = true;
            } else if (step.direction() == Direction.BACKWARD) {
                if (pass == 1) break;
                useOut = false;
            } else {
                useOut = pass == 0;
            }
            int[] adj = useOut ? kg.outArray(r) : kg.inArray(r);
            int from = useOut ? kg.outStart(r, u) : kg.inStart(r, u);
            int to = useOut ? kg.outEnd(r, u) : kg.inEnd(r, u);
            if (last) {
                if (Arrays.binarySearch(adj, from, to, disease) >= 0 && !(masked && mask.masked(disease))
                        && !onPath(nodes, s, disease)) {
                    nodes[s + 1] = disease;
                    out.add(new Path(mp, nodes.clone(), pdp * edgeWeight(step, u, disease, mask)));
                }
                continue;
            }
            for (int i = from; i < to && budget[0] > 0; i++) {
                int v = adj[i];
                budget[0]--;
                if (masked && mask.masked(v) || onPath(nodes, s, v)) {
                    continue; // an explanation visits each node once ("A -> class -> A -> ..." explains nothing)
                }
                nodes[s + 1] = v;
                dfs(mp, s + 1, nodes, pdp * edgeWeight(step, u, v, mask), disease, mask, out, budget);
            }
        }
    }

    private static boolean onPath(int[] nodes, int last, int node) {
        for (int i = 0; i <= last; i++) {
            if (nodes[i] == node) {
                return true;
            }
        }
        return false;
    }

    /** Sorted node ids with their values. */
    public record Sparse(int[] nodes, double[] values) {
        public double get(int node) {
            int i = Arrays.binarySearch(nodes, node);
            return i >= 0 ? values[i] : 0.0;
        }
    }
}
