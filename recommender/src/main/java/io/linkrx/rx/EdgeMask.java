package io.linkrx.rx;

import java.util.BitSet;

/**
 * Hides every edge of one relation that touches a masked node — how a disease is "held out": all its treats
 * edges disappear from paths and from degrees. Immutable.
 */
public final class EdgeMask {
    public static final EdgeMask NONE = new EdgeMask(-1, new BitSet());

    private final int relation;
    private final BitSet nodes;

    public EdgeMask(int relation, BitSet nodes) {
        this.relation = relation;
        this.nodes = (BitSet) nodes.clone();
    }

    public int relation() {
        return relation;
    }

    public boolean appliesTo(int rel) {
        return rel == relation && !nodes.isEmpty();
    }

    public boolean masked(int node) {
        return nodes.get(node);
    }

    /** This mask plus one more node. */
    public EdgeMask plus(int relation, int node) {
        if (this.relation >= 0 && this.relation != relation) {
            throw new IllegalArgumentException("a mask covers one relation");
        }
        BitSet b = (BitSet) nodes.clone();
        b.set(node);
        return new EdgeMask(relation, b);
    }
}
