package io.linkrx.app.rx;

import io.linkrx.schema.Assertion;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.ScoredConcept;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a linked note says for drug recommendation. Conditions: linked (non-nil) Disease mentions with a MeSH id,
 * asserted PRESENT (negated, hypothetical, family and historical conditions are not treated); a composite link
 * ("breast and ovarian cancer") gives each of its concepts. Drugs: linked
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
            if (m.getComposite().isEmpty()) {
                add(m.getSemanticType(), m.getVocabulary(), m.getConceptId(), m.getPreferredName(), conditions, drugs);
            } else {
                // "breast and ovarian cancer": each concept is a condition of its own
                for (ScoredConcept c : m.getComposite()) {
                    String type = c.getSemanticType().isBlank() ? m.getSemanticType() : c.getSemanticType();
                    add(type, c.getVocabulary(), c.getConceptId(), c.getPreferredName(), conditions, drugs);
                }
            }
        }
        return new NoteConcepts(List.copyOf(conditions), Set.copyOf(drugs));
    }

    private static void add(String semanticType, String vocabularyName, String conceptId, String preferredName,
                            List<String> conditions, Set<String> drugs) {
        String type = semanticType.toLowerCase(Locale.ROOT);
        String vocabulary = vocabularyName == null ? "" : vocabularyName.toUpperCase(Locale.ROOT);
        if (type.equals("disease") && vocabulary.equals("MESH")) {
            if (!conditions.contains(conceptId)) {
                conditions.add(conceptId);
            }
        } else if (type.equals("drug") || type.equals("chemical")) {
            if (vocabulary.equals("DRUGBANK")) {
                drugs.add(conceptId);
            } else if (preferredName != null && !preferredName.isBlank()) {
                drugs.add(preferredName);
            }
        }
    }
}
