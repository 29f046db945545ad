package io.linkrx.teacher;

/** The teacher's answer: a candidate's id, or {@code null} for NIL, with its rationale and what it cost. */
public record LabelAnswer(String conceptId, String vocabulary, String rationale, String model, long latencyMs,
                          int promptTokens, int completionTokens) {
    public boolean nil() {
        return conceptId == null;
    }
}
