package io.linkrx.teacher;

import java.util.List;

/**
 * Which of these candidates does the mention mean (or none)? {@code context} is the request's PHI-minimised
 * window; the mention starts at {@code mentionOffsetInContext} (-1 when unknown). {@code begin}/{@code end} are the
 * mention's offsets in the note (-1 when unknown); a teacher that knows the note's gold annotation uses them.
 */
public record LabelQuestion(String requestId, String noteId, String mentionText, int begin, int end,
                            String semanticType, String context, int mentionOffsetInContext,
                            List<CandidateOption> candidates, String studentConceptId) {
    public LabelQuestion {
        candidates = List.copyOf(candidates);
    }

    /** A question without the mention's note offsets. */
    public LabelQuestion(String requestId, String noteId, String mentionText, String semanticType, String context,
                         int mentionOffsetInContext, List<CandidateOption> candidates, String studentConceptId) {
        this(requestId, noteId, mentionText, -1, -1, semanticType, context, mentionOffsetInContext, candidates,
                studentConceptId);
    }
}
