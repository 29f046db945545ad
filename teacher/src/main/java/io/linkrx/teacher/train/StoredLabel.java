package io.linkrx.teacher.train;

import java.util.Locale;

/**
 * One label as the trainer keeps it: a mention in a short text (the request's PHI-minimised context, or a
 * synthesised sentence) with the concept the teacher, a simulation or a human chose ({@code null}: NIL).
 *
 * @param labelSource teacher, simulated, synthetic or human
 * @param labeledAt   epoch milliseconds (UTC); the newest label of a request wins
 */
public record StoredLabel(String requestId, String noteId, String mentionText, String semanticType,
                          String chosenConceptId, String vocabulary, String labelSource, String teacherModel,
                          String context, int mentionOffsetInContext, long labeledAt) {
    public static final String SYNTHETIC = "synthetic";
    public static final String HUMAN = "human";

    /** The label of a {@code teacher.labels.v1} record. */
    public static StoredLabel of(io.linkrx.schema.TeacherLabel l) {
        return new StoredLabel(l.getRequestId(), l.getNoteId(), l.getMentionText(), l.getSemanticType(),
                l.getChosenConceptId(), l.getVocabulary(), l.getLabelSource(), l.getTeacherModel(), l.getContext(),
                l.getMentionOffsetInContext(), l.getLabeledAt() == null ? 0 : l.getLabeledAt().toEpochMilli());
    }

    public boolean nil() {
        return chosenConceptId == null || chosenConceptId.isBlank();
    }

    public String source() {
        return labelSource == null || labelSource.isBlank() ? "teacher" : labelSource.toLowerCase(Locale.ROOT);
    }

    /** Labels of one request replace each other; a synthesis request yields one label per distinct sentence. */
    public String dedupeKey() {
        return SYNTHETIC.equals(source()) ? requestId + "\u0000" + context : requestId;
    }
}
