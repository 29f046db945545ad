package io.linkrx.rx.safety;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.linkrx.kg.KnowledgeGraph;
import io.linkrx.kg.Relation;
import io.linkrx.rx.NodeNames;

/**
 * Warnings for one recommended compound against the patient's current drugs and linked conditions, read straight
 * from the graph's edges (either direction: DRKG stores a DDI pair once). Thread-safe.
 */
public final class SafetyChecker {
    private final KnowledgeGraph kg;
    private final NodeNames names;
    private final SafetyRelations relations;

    public SafetyChecker(KnowledgeGraph kg, NodeNames names, SafetyRelations relations) {
        this.kg = kg;
        this.names = names;
        this.relations = relations;
    }

    public SafetyRelations relations() { return relations; }

    /** @param currentDrugs graph ids of the patient's current compounds; @param conditions graph disease ids */
    public List<SafetyWarning> check(int compound, Collection<Integer> currentDrugs, Collection<Integer> conditions) {
        List<SafetyWarning> out = new ArrayList<>();
        for (int drug : currentDrugs) {
            Relation r = linking(relations.interactions(), compound, drug);
            if (r != null) {
                out.add(new SafetyWarning(SafetyWarning.Kind.INTERACTION, SafetyWarning.UNKNOWN_SEVERITY,
                        name(compound) + " has a known drug-drug interaction with the current drug " + name(drug)
                                + " (" + r.name() + ")", kg.entityName(drug), r.name()));
            }
        }
        for (int disease : conditions) {
            Relation r = linking(relations.contraindications(), compound, disease);
            if (r != null) {
                out.add(new SafetyWarning(SafetyWarning.Kind.CONTRAINDICATION, SafetyWarning.UNKNOWN_SEVERITY,
                        name(compound) + " may be contraindicated in " + name(disease) + ": the graph links them by "
                                + r.name() + describe(r), kg.entityName(disease), r.name()));
            }
        }
        return out;
    }

    private Relation linking(List<Relation> candidates, int a, int b) {
        for (Relation r : candidates) {
            if (kg.hasEdge(r.index(), a, b) || kg.hasEdge(r.index(), b, a)) {
                return r;
            }
        }
        return null;
    }

    private static String describe(Relation r) {
        return r.interaction().isEmpty() ? "" : " (" + r.interaction() + ")";
    }

    private String name(int node) {
        return names.name(kg.entityName(node));
    }
}
