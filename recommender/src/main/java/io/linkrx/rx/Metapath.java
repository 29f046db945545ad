package io.linkrx.rx;

import java.util.ArrayList;
import java.util.List;

import io.linkrx.kg.KnowledgeGraph;
import io.linkrx.kg.Relation;

/**
 * A Compound→Disease metapath: a sequence of relation steps, each walked FORWARD (head→tail), BACKWARD
 * (tail→head) or BOTH (undirected relations such as CrC/DrD, stored once per pair).
 */
public record Metapath(String abbrev, List<Step> steps) {

    public enum Direction { FORWARD, BACKWARD, BOTH }

    public record Step(Relation relation, Direction direction) {
        /** Entity type this step starts from (compound side). */
        public String fromType() {
            return direction == Direction.BACKWARD ? relation.tailType() : relation.headType();
        }

        public String toType() {
            return direction == Direction.BACKWARD ? relation.headType() : relation.tailType();
        }
    }

    public Metapath {
        steps = List.copyOf(steps);
    }

    public int length() {
        return steps.size();
    }

    /** True when the last step is the given relation (e.g. …tD: its value for a disease needs that disease's own edges). */
    public boolean endsWith(Relation r) {
        return steps.get(steps.size() - 1).relation().index() == r.index();
    }

    /** Hetionet-style specs: abbreviation, then (relation type, direction) pairs. */
    private static final String[][] HETIONET = {
        {"CbGaD", "CbG", "F", "DaG", "B"},
        {"CbGuD", "CbG", "F", "DuG", "B"},
        {"CbGdD", "CbG", "F", "DdG", "B"},
        {"CuGaD", "CuG", "F", "DaG", "B"},
        {"CdGaD", "CdG", "F", "DaG", "B"},
        {"CuGdD", "CuG", "F", "DdG", "B"},
        {"CdGuD", "CdG", "F", "DuG", "B"},
        {"CtDrD", "CtD", "F", "DrD", "X"},
        {"CtDlAlD", "CtD", "F", "DlA", "F", "DlA", "B"},
        {"CtDpSpD", "CtD", "F", "DpS", "F", "DpS", "B"},
        {"CtDaGaD", "CtD", "F", "DaG", "F", "DaG", "B"},
        {"CbGeAlD", "CbG", "F", "AeG", "B", "DlA", "B"},
        {"CrCbGaD", "CrC", "X", "CbG", "F", "DaG", "B"},
        {"CtDrDrD", "CtD", "F", "DrD", "X", "DrD", "X"},
        {"CrCtDrD", "CrC", "X", "CtD", "F", "DrD", "X"},
        {"CtDuGuD", "CtD", "F", "DuG", "F", "DuG", "B"},
        {"CtDdGdD", "CtD", "F", "DdG", "F", "DdG", "B"},
        {"CiPCiCtDrD", "PCiC", "B", "PCiC", "F", "CtD", "F", "DrD", "X"},
        {"CiPCiCtDpSpD", "PCiC", "B", "PCiC", "F", "CtD", "F", "DpS", "F", "DpS", "B"},
        {"CpDrD", "CpD", "F", "DrD", "X"},
        {"CpDpSpD", "CpD", "F", "DpS", "F", "DpS", "B"},
        {"CrCtD", "CrC", "X", "CtD", "F"},
        {"CiPCiCtD", "PCiC", "B", "PCiC", "F", "CtD", "F"},
        {"CbGbCtD", "CbG", "F", "CbG", "B", "CtD", "F"},
        {"CcSEcCtD", "CcSE", "F", "CcSE", "B", "CtD", "F"},
    };

    /**
     * More Compound→Disease metapaths of length ≤ 4 over relations the Hetionet subset has (gene–gene, pathway,
     * process, anatomy and signature links); none ends in a Compound–Disease relation.
     */
    private static final String[][] EXTRA = {
        {"CuGuD", "CuG", "F", "DuG", "B"},
        {"CdGdD", "CdG", "F", "DdG", "B"},
        {"CbGiGaD", "CbG", "F", "GiG", "X", "DaG", "B"},
        {"CbGcGaD", "CbG", "F", "GcG", "X", "DaG", "B"},
        {"CbGr>GaD", "CbG", "F", "Gr>G", "X", "DaG", "B"},
        {"CbGpPWpGaD", "CbG", "F", "GpPW", "F", "GpPW", "B", "DaG", "B"},
        {"CbGpBPpGaD", "CbG", "F", "GpBP", "F", "GpBP", "B", "DaG", "B"},
        {"CbGaDrD", "CbG", "F", "DaG", "B", "DrD", "X"},
        {"CbGbCtDrD", "CbG", "F", "CbG", "B", "CtD", "F", "DrD", "X"},
        {"CcSEcCtDrD", "CcSE", "F", "CcSE", "B", "CtD", "F", "DrD", "X"},
        {"CrCtDlAlD", "CrC", "X", "CtD", "F", "DlA", "F", "DlA", "B"},
        {"CtDdGuD", "CtD", "F", "DdG", "F", "DuG", "B"},
        {"CtDuGdD", "CtD", "F", "DuG", "F", "DdG", "B"},
        {"CiPCiCbGaD", "PCiC", "B", "PCiC", "F", "CbG", "F", "DaG", "B"},
        {"CbGuAlD", "CbG", "F", "AuG", "B", "DlA", "B"},
        {"CbGdAlD", "CbG", "F", "AdG", "B", "DlA", "B"},
    };

    /** The Hetionet metapaths whose relations all exist in {@code kg} (matched by relation type, e.g. "CtD"). */
    public static List<Metapath> hetionet(KnowledgeGraph kg) {
        return parse(kg, HETIONET);
    }

    /** {@link #hetionet} plus the extra metapaths. */
    public static List<Metapath> extended(KnowledgeGraph kg) {
        List<Metapath> out = new ArrayList<>(parse(kg, HETIONET));
        out.addAll(parse(kg, EXTRA));
        return out;
    }

    private static List<Metapath> parse(KnowledgeGraph kg, String[][] specs) {
        List<Metapath> out = new ArrayList<>();
        outer:
        for (String[] spec : specs) {
            List<Step> steps = new ArrayList<>();
            for (int i = 1; i < spec.length; i += 2) {
                var rel = kg.relationByType(spec[i]);
                if (rel.isEmpty()) {
                    continue outer;
                }
                Direction d = switch (spec[i + 1]) {
                    case "F" -> Direction.FORWARD;
                    case "B" -> Direction.BACKWARD;
                    default -> Direction.BOTH;
                };
                steps.add(new Step(rel.get(), d));
            }
            out.add(new Metapath(spec[0], steps));
        }
        return out;
    }

    public static Metapath of(String abbrev, Step... steps) {
        return new Metapath(abbrev, List.of(steps));
    }
}
