package io.linkrx.app.rx;

import io.linkrx.rx.Recommendation;
import io.linkrx.rx.note.NoteAdvice;
import io.linkrx.rx.safety.SafetyWarning;
import io.linkrx.schema.DrugRecommendation;
import io.linkrx.schema.DrugRecommendations;
import io.linkrx.schema.ExplanationPath;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.PathNode;
import io.linkrx.schema.Provenance;
import java.util.ArrayList;
import java.util.List;

/** Domain advice → the {@code DrugRecommendations} contract. */
final class RecommendationMapper {
    private RecommendationMapper() {}

    static DrugRecommendations toRecord(LinkedNote note, NoteAdvice advice, Provenance provenance) {
        return DrugRecommendations.newBuilder()
                .setNoteId(note.getNoteId())
                .setPatientId(note.getPatientId())
                .setEncounterId(note.getEncounterId())
                .setEventTime(note.getEventTime())
                .setRecommendations(advice.items().stream().map(RecommendationMapper::item).toList())
                .setProvenance(provenance)
                .build();
    }

    private static DrugRecommendation item(NoteAdvice.Item item) {
        Recommendation r = item.recommendation();
        List<ExplanationPath> paths = new ArrayList<>();
        for (int i = 0; i < r.paths().size(); i++) {
            paths.add(path(r.paths().get(i), item.pathNodeTypes().get(i), r.diseaseNote()));
        }
        return DrugRecommendation.newBuilder()
                .setDrugId(item.drugbankId())
                .setVocabulary("DRUGBANK")
                .setDrugName(r.compoundName())
                .setScore(r.probability())
                .setForConditions(item.forConditions())
                .setPaths(paths)
                .setWarnings(item.warnings().stream().map(RecommendationMapper::warning).toList())
                .build();
    }

    private static ExplanationPath path(Recommendation.ExplainedPath p, List<String> types, String diseaseNote) {
        List<PathNode> nodes = new ArrayList<>();
        for (int i = 0; i < p.nodeIds().size(); i++) {
            nodes.add(PathNode.newBuilder().setId(p.nodeIds().get(i)).setName(p.nodeNames().get(i)).setType(types.get(i)).build());
        }
        return ExplanationPath.newBuilder()
                .setNodes(nodes)
                .setRelations(p.relations())
                .setMetapath(p.metapath())
                .setContribution(p.contribution())
                .setNote(diseaseNote == null || diseaseNote.isEmpty() ? null : diseaseNote)
                .build();
    }

    private static io.linkrx.schema.SafetyWarning warning(SafetyWarning w) {
        return io.linkrx.schema.SafetyWarning.newBuilder()
                .setKind(w.kind().name())
                .setSeverity(w.severity())
                .setMessage(w.message())
                .setRelatedConceptId(w.relatedId())
                .build();
    }
}
