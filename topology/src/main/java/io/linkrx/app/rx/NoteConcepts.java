package io.linkrx.app.rx;

import io.linkrx.schema.Assertion;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a linked note says for drug recommendation. Conditions: linked (non-nil) Disease mentions with a MeSH id,
 * asserted PRESENT (negated, hypothetical, family and historical conditions are not treated). Drugs: linked
 * Drug/Chemical mentions asserted PRESENT, as their DrugBank id (or, for other vocabularies, their preferred name,
 * which the DrugBank vocabulary may resolve). HISTORICAL drugs are not current ("history of warfarin" may be long
 * stopped) and NEGATED ones ("no aspirin") were never taken; recognising that a drug was stopped ("stopped
 * metformin") is out of scope: it stays current until the horizon passes.
 */
public record NoteConcepts(List<String> conditionMeshIds, Set<String> drugs) {

    public static NoteConcepts of(LinkedNote note) {
        List<String> conditions = new ArrayList<>();
        Set<String> drugs = new LinkedHashSet<>();
        for (LinkedMention m : note.getMentions()) {
            if (m.getNil() || m.getConceptId() == null || m.getAssertion() != Assertion.PRESENT) {
                continue;
            }
            String type = m.getSemanticType().toLowerCase(Locale.ROOT);
            String vocabulary = m.getVocabulary() == null ? "" : m.getVocabulary().toUpperCase(Locale.ROOT);
            if (type.equals("disease") && vocabulary.equals("MESH")) {
                if (!conditions.contains(m.getConceptId())) {
                    conditions.add(m.getConceptId());
                }
            } else if (type.equals("drug") || type.equals("chemical")) {
                if (vocabulary.equals("DRUGBANK")) {
                    drugs.add(m.getConceptId());
                } else if (m.getPreferredName() != null && !m.getPreferredName().isBlank()) {
                    drugs.add(m.getPreferredName());
                }
            }
        }
        return new NoteConcepts(List.copyOf(conditions), Set.copyOf(drugs));
    }
}
