package io.linkrx.rx;

import java.util.List;

/**
 * One recommended compound for one of the query's diseases, with its calibrated probability and the concrete
 * paths that contribute most to it. {@code diseaseNote} says how the linked id reached the graph node (e.g. a
 * MeSH roll-up); {@code knownIndication} is true when the graph already has the treats edge (which, by design,
 * is not used in the score).
 */
public record Recommendation(String compoundId, String compoundName, double probability, String diseaseId,
                             String diseaseName, String diseaseNote, boolean knownIndication,
                             List<ExplainedPath> paths) {

    /** A concrete path compound → … → disease with its share of the score (logit units). */
    public record ExplainedPath(String metapath, List<String> nodeIds, List<String> nodeNames,
                                List<String> relations, double pathWeight, double contribution) {

        /** "Metformin –binds→ PRKAB1 ←associates– type 2 diabetes mellitus"-style text. */
        public String describe() {
            StringBuilder sb = new StringBuilder(nodeNames.get(0));
            for (int i = 0; i < relations.size(); i++) {
                sb.append(" -").append(relations.get(i)).append("- ").append(nodeNames.get(i + 1));
            }
            return sb.toString();
        }
    }
}
