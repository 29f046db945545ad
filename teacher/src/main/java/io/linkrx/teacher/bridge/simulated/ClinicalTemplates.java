package io.linkrx.teacher.bridge.simulated;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.linkrx.kb.SemanticType;
import io.linkrx.teacher.SynthesisQuestion;
import io.linkrx.teacher.SyntheticExample;

/**
 * Synthetic sentences built from a small set of clinical templates around a concept's names, for concepts the gold
 * corpus never mentions. Synonyms come before the preferred name (they teach the re-ranker new surface forms) and
 * names in MeSH's inverted form ("Diabetes Mellitus, Type 2") come last; the choice of templates is seeded by the
 * concept id, so the same question always gets the same sentences.
 */
final class ClinicalTemplates {
    private static final List<String> DISEASE = List.of(
            "The patient has a long-standing history of %s.",
            "Findings on examination were consistent with %s.",
            "She was referred to the clinic for evaluation of suspected %s.",
            "His family history is notable for %s in his mother.",
            "The differential diagnosis at discharge includes %s.",
            "He was admitted last year with an exacerbation of %s.",
            "There is no evidence of %s on the current imaging.",
            "The patient was counselled about the long-term management of %s.");
    private static final List<String> CHEMICAL = List.of(
            "The patient was started on %s at a low dose.",
            "She reports an allergy to %s.",
            "Serum levels of %s were measured on admission.",
            "He has been taking %s daily for the past two years.",
            "Treatment with %s was continued during the hospital stay.",
            "The toxicology screen was positive for %s.",
            "The dose of %s was reduced because of renal impairment.",
            "Exposure to %s at work was reported by the patient.");

    private ClinicalTemplates() {
    }

    static List<SyntheticExample> sentences(SynthesisQuestion q, String model) {
        List<String> names = namesByPreference(q.names());
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> templates = new ArrayList<>(isDisease(q.semanticType()) ? DISEASE : CHEMICAL);
        Collections.shuffle(templates, new Random(q.conceptId().hashCode()));
        List<SyntheticExample> out = new ArrayList<>();
        for (int i = 0; i < Math.min(q.count(), templates.size()); i++) {
            String name = asWritten(names.get(i % names.size()));
            String template = templates.get(i);
            int begin = template.indexOf("%s");
            String sentence = template.substring(0, begin) + name + template.substring(begin + 2);
            out.add(new SyntheticExample(q.conceptId(), q.vocabulary(), q.semanticType(), sentence, begin,
                    begin + name.length(), model, 0, 0));
        }
        return out;
    }

    /** Synonyms first, then the preferred name ({@code names[0]}); inverted "X, Y" forms after the others. */
    static List<String> namesByPreference(List<String> names) {
        List<String> natural = new ArrayList<>();
        List<String> inverted = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            String n = names.get(i % names.size()).strip(); // synonyms 1..n-1, then the preferred name 0
            if (!n.isEmpty() && !natural.contains(n) && !inverted.contains(n)) {
                (n.contains(", ") ? inverted : natural).add(n);
            }
        }
        natural.addAll(inverted);
        return natural;
    }

    /** Mid-sentence spelling: capitalised words lower-cased, acronyms and mixed case ("HbA1c") kept. */
    static String asWritten(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (String word : name.split(" ", -1)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            boolean capitalised = word.length() > 1 && Character.isUpperCase(word.charAt(0))
                    && word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT));
            sb.append(capitalised ? word.toLowerCase(Locale.ROOT) : word);
        }
        return sb.toString();
    }

    private static boolean isDisease(String semanticType) {
        try {
            return semanticType == null || semanticType.isBlank()
                    || SemanticType.parse(semanticType) == SemanticType.DISEASE;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
