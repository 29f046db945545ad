package io.linkrx.launcher.demo;

import io.linkrx.schema.Assertion;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.ScoredConcept;
import java.util.Locale;

/** A readable table of one linked note: mention, concept id, name, score, assertion; conjuncts of composite links. */
final class LinkedNoteTable {
    private static final String ROW = "  %-28s %-9s %-9s %-32s %5s  %s%n";

    private LinkedNoteTable() {}

    static String render(LinkedNote note) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n== %s  patient %s  %s  (model %s, KB %s)%s%n", note.getNoteId(), note.getPatientId(),
                note.getNoteType(), note.getProvenance().getModelVersion(), note.getProvenance().getKbVersion(),
                note.getDegraded() ? "  [DEGRADED]" : ""));
        out.append(String.format(ROW, "mention", "concept", "vocab", "name", "score", "assertion"));
        for (LinkedMention m : note.getMentions()) {
            out.append(String.format(Locale.ROOT, ROW, cut(m.getText(), 28),
                    m.getNil() ? "NIL" : m.getConceptId(), m.getNil() ? "" : m.getVocabulary(),
                    cut(m.getNil() ? "" : m.getPreferredName(), 32), String.format(Locale.ROOT, "%.2f", m.getScore()),
                    assertion(m)));
            for (ScoredConcept c : m.getComposite()) { // a coordinated mention: the concept of each conjunct
                out.append(String.format(Locale.ROOT, ROW, "  + conjunct", c.getConceptId(), c.getVocabulary(),
                        cut(c.getPreferredName(), 32), String.format(Locale.ROOT, "%.2f", c.getScore()), ""));
            }
        }
        if (note.getMentions().isEmpty()) {
            out.append("  (no mentions)\n");
        }
        return out.toString();
    }

    private static String assertion(LinkedMention m) {
        return m.getAssertion() == Assertion.PRESENT || m.getAssertionTrigger() == null
                ? m.getAssertion().name() : m.getAssertion() + " (" + m.getAssertionTrigger() + ")";
    }

    private static String cut(String s, int width) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 1) + "…";
    }
}
