package io.linkrx.rx.note;

import java.util.List;
import java.util.Set;

/**
 * What one note asks: the MeSH ids of its conditions and the drugs the patient takes (DrugBank ids, or names /
 * UNIIs when a DrugBank vocabulary is loaded), however they were learnt (this note or earlier ones).
 */
public record NoteQuery(List<String> conditionMeshIds, Set<String> currentDrugs, int topK, int pathsPerDrug) {
    public NoteQuery {
        conditionMeshIds = List.copyOf(conditionMeshIds);
        currentDrugs = Set.copyOf(currentDrugs);
        if (topK < 1 || pathsPerDrug < 1) {
            throw new IllegalArgumentException("topK and pathsPerDrug must be at least 1");
        }
    }
}
