package io.linkrx.teacher;

import java.util.List;

/**
 * Which of these candidates does the mention mean (or none)? {@code context} is the request's PHI-minimised
 * window; the mention starts at {@code mentionOffsetInContext} (-1 when unknown).
 */
public record LabelQuestion(String requestId, String noteId, String mentionText, String semanticType, String context,
                            int mentionOffsetInContext, List<CandidateOption> candidates, String studentConceptId) {
    public LabelQuestion {
        candidates = List.copyOf(candidates);
    }
}
