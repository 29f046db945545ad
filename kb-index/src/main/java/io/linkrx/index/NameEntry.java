package io.linkrx.index;

import io.linkrx.kb.Concept;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One index document: a concept's name, synonym or abbreviation. Names that normalise alike within a concept
 * ("Cancers", "cancer") are one entry, the first kept, as in the in-memory retriever; names without words and
 * absurdly long ones (beyond Lucene's term limit) are left out.
 *
 * @param terms the analysed name; null for abbreviations, which are matched exactly only
 */
record NameEntry(Concept concept, String name, NameKind kind, NameTerms terms, float prior) {
    static final int MAX_NAME_CHARS = 1000;

    static List<NameEntry> of(Concept c) {
        List<String> names = new ArrayList<>();
        List<NameKind> kinds = new ArrayList<>();
        List<NameTerms> terms = new ArrayList<>();
        Set<String> norms = new HashSet<>();
        for (String name : c.names()) {
            NameTerms t = name.length() > MAX_NAME_CHARS ? null : NameTerms.of(name);
            if (t != null && !t.isEmpty() && norms.add(t.norm())) {
                names.add(name);
                kinds.add(name.equals(c.preferredName()) ? NameKind.PREFERRED : NameKind.SYNONYM);
                terms.add(t);
            }
        }
        Set<String> abbreviations = new HashSet<>();
        for (String a : c.abbreviations()) {
            String s = a.strip();
            if (!s.isEmpty() && s.length() <= MAX_NAME_CHARS && abbreviations.add(s)) {
                names.add(s);
                kinds.add(NameKind.ABBREVIATION);
                terms.add(null);
            }
        }
        float prior = prior(names.size());
        List<NameEntry> entries = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            entries.add(new NameEntry(c, names.get(i), kinds.get(i), terms.get(i), prior));
        }
        return entries;
    }

    /** {@code 1 - 1 / (1 + ln n)}: 0 for a single name, saturating as names are added. */
    static float prior(int names) {
        return names <= 1 ? 0f : (float) (1 - 1 / (1 + Math.log(names)));
    }

    boolean isAbbreviation() {
        return kind == NameKind.ABBREVIATION;
    }
}
