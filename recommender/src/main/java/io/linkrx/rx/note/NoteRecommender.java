package io.linkrx.rx.note;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.linkrx.kg.KnowledgeGraph;
import io.linkrx.rx.Recommendation;
import io.linkrx.rx.Recommender;
import io.linkrx.rx.bridge.DiseaseBridge;

/**
 * One note's conditions and the patient's drugs → recommended drugs with paths and safety warnings. Conditions
 * reach graph diseases through {@link DiseaseBridge} (the roll-up note travels with each path); current drugs are
 * excluded from the recommendations and checked for interactions. Not thread-safe: one per thread.
 */
public final class NoteRecommender {
    private final RxEngine engine;
    private final Recommender recommender;

    NoteRecommender(RxEngine engine, Recommender recommender) {
        this.engine = engine;
        this.recommender = recommender;
    }

    public NoteAdvice advise(NoteQuery query) {
        KnowledgeGraph kg = engine.graph();
        Map<Integer, List<String>> meshByNode = new LinkedHashMap<>();
        Map<Integer, String> noteByNode = new LinkedHashMap<>();
        List<String> unresolvedConditions = new ArrayList<>();
        for (String mesh : new LinkedHashSet<>(query.conditionMeshIds())) {
            Optional<DiseaseBridge.Resolution> r = engine.diseases().resolve(mesh);
            if (r.isEmpty()) {
                unresolvedConditions.add(mesh);
                continue;
            }
            meshByNode.computeIfAbsent(r.get().node(), n -> new ArrayList<>()).add(mesh);
            noteByNode.merge(r.get().node(), r.get().note(), (a, b) -> a.isEmpty() ? b : a);
        }
        Set<Integer> current = new LinkedHashSet<>();
        List<String> unresolvedDrugs = new ArrayList<>();
        for (String drug : query.currentDrugs()) {
            int node = compoundNode(drug);
            if (node < 0) {
                unresolvedDrugs.add(drug);
            } else {
                current.add(node);
            }
        }
        List<Recommender.Target> targets = new ArrayList<>();
        noteByNode.forEach((node, note) -> targets.add(new Recommender.Target(node, note)));
        List<NoteAdvice.Item> items = new ArrayList<>();
        if (!targets.isEmpty()) {
            for (Recommendation rec : recommender.recommend(targets, current, query.topK(), query.pathsPerDrug())) {
                int compound = kg.entity(rec.compoundId());
                items.add(new NoteAdvice.Item(rec, stripType(rec.compoundId()),
                        List.copyOf(meshByNode.getOrDefault(kg.entity(rec.diseaseId()), List.of())),
                        rec.paths().stream().map(p -> p.nodeIds().stream().map(id -> kg.entityType(kg.entity(id))).toList()).toList(),
                        engine.safety().check(compound, current, meshByNode.keySet())));
            }
        }
        return new NoteAdvice(items, unresolvedConditions, unresolvedDrugs);
    }

    /** Graph node of a DrugBank id, or of a name/synonym/UNII when a DrugBank vocabulary is loaded; -1 if none. */
    int compoundNode(String drug) {
        String s = drug.strip();
        if (s.startsWith("Compound::")) {
            return engine.graph().entity(s);
        }
        if (s.matches("DB\\d{5}")) {
            return engine.graph().entity("Compound::" + s);
        }
        if (engine.compounds() == null) {
            return -1;
        }
        return engine.compounds().resolve(s).map(engine.graph()::entity).orElse(-1);
    }

    private static String stripType(String id) {
        int sep = id.indexOf("::");
        return sep < 0 ? id : id.substring(sep + 2);
    }
}
