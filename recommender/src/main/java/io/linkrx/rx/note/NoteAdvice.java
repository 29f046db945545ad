package io.linkrx.rx.note;

import java.util.List;

import io.linkrx.rx.Recommendation;
import io.linkrx.rx.safety.SafetyWarning;

/**
 * The answer to a {@link NoteQuery}: recommended drugs best first, plus which conditions and drugs could not be
 * placed in the graph (so a consumer can tell "nothing to recommend" from "not understood").
 */
public record NoteAdvice(List<Item> items, List<String> unresolvedConditions, List<String> unresolvedDrugs) {

    /**
     * One drug: the recommender's output, the linked MeSH ids it is recommended for, the path type of each
     * path node, and its warnings. {@code drugbankId} is the graph id without its {@code Compound::} prefix.
     */
    public record Item(Recommendation recommendation, String drugbankId, List<String> forConditions,
                       List<List<String>> pathNodeTypes, List<SafetyWarning> warnings) {}
}
