package io.linkrx.rx.safety;

import java.util.List;
import java.util.Locale;

import io.linkrx.kg.KnowledgeGraph;
import io.linkrx.kg.Relation;

/**
 * The graph's relations that signal a safety concern, found by name and by DRKG's relation glossary (so a graph
 * from another source with the same conventions works too):
 * <ul>
 * <li>interaction: Compound–Compound relations whose type mentions "ddi"/"interact" or whose glossary
 *     interaction type is "drug-drug interaction" (DRKG: {@code DRUGBANK::ddi-interactor-in::Compound:Compound});</li>
 * <li>contraindication: Compound–Disease relations whose type, interaction or description mentions
 *     "contraindicat" (e.g. PrimeKG-style {@code contraindication}), or that record the drug causing the disease
 *     as a side effect / adverse event (DRKG: {@code GNBR::Sa::Compound:Disease}) — a drug that can cause a
 *     condition the patient has is a relative contraindication.</li>
 * </ul>
 * Hetionet has neither (CrC is structural similarity, CpD palliation, CcSE points at side-effect nodes, not
 * diseases), so on the Hetionet subset no warning is ever raised: absence of a warning is not evidence of safety.
 */
public record SafetyRelations(List<Relation> interactions, List<Relation> contraindications) {

    public static SafetyRelations of(KnowledgeGraph kg) {
        List<Relation> ddi = kg.relations().stream().filter(SafetyRelations::isInteraction).toList();
        List<Relation> ci = kg.relations().stream().filter(SafetyRelations::isContraindication).toList();
        return new SafetyRelations(ddi, ci);
    }

    static boolean isInteraction(Relation r) {
        if (!r.headType().equals("Compound") || !r.tailType().equals("Compound")) {
            return false;
        }
        String type = r.type().toLowerCase(Locale.ROOT);
        return type.contains("ddi") || type.contains("interact")
                || r.interaction().toLowerCase(Locale.ROOT).contains("drug-drug interaction");
    }

    static boolean isContraindication(Relation r) {
        boolean compoundDisease = r.headType().equals("Compound") && r.tailType().equals("Disease")
                || r.headType().equals("Disease") && r.tailType().equals("Compound");
        if (!compoundDisease) {
            return false;
        }
        String text = (r.type() + " " + r.interaction() + " " + r.description()).toLowerCase(Locale.ROOT);
        return text.contains("contraindicat") || text.contains("adverse event")
                || r.source().equals("GNBR") && r.type().equals("Sa");
    }

    public boolean isEmpty() {
        return interactions.isEmpty() && contraindications.isEmpty();
    }
}
