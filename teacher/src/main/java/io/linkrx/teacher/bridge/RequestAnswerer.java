package io.linkrx.teacher.bridge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.linkrx.error.InvalidRecordException;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.teacher.CandidateOption;
import io.linkrx.teacher.LabelAnswer;
import io.linkrx.teacher.LabelQuestion;
import io.linkrx.teacher.SynthesisQuestion;
import io.linkrx.teacher.SyntheticExample;
import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.TeacherException;

/**
 * Answers one labeling request with a teacher, without Kafka: a label question becomes one {@link TeacherLabel};
 * a {@code SYNTHESIZE} request becomes one synthetic label per sentence. Whatever the teacher cannot answer is a
 * {@link Failed} outcome with a stable code and a PHI-free reason, for the dead-letter topic.
 */
public final class RequestAnswerer {
    public static final String SYNTHESIZE = "SYNTHESIZE";
    public static final String SOURCE_TEACHER = "teacher";
    public static final String SOURCE_SIMULATED = "simulated";
    public static final String SOURCE_SYNTHETIC = "synthetic";
    /** Separates a synthesis request's id from a sentence's number in synthetic labels' request ids. */
    public static final String SYNTHETIC_ID_SEPARATOR = "#s";

    /** What became of a request. */
    public sealed interface Outcome permits Answered, Failed {
    }

    /** The labels to write (a synthesis request may yield none when the teacher wrote no usable sentence). */
    public record Answered(List<TeacherLabel> labels) implements Outcome {
    }

    /** The teacher could not answer; {@code error}'s message is PHI-free when it is an InvalidRecordException. */
    public record Failed(RuntimeException error) implements Outcome {
    }

    private final Teacher teacher;
    private final String labelSource;
    private final int sentencesPerConcept;
    private final Clock clock;

    /** @param labelSource {@code teacher}, or {@code simulated} for answers from a gold corpus */
    public RequestAnswerer(Teacher teacher, String labelSource, int sentencesPerConcept, Clock clock) {
        this.teacher = teacher;
        this.labelSource = labelSource;
        this.sentencesPerConcept = sentencesPerConcept;
        this.clock = clock;
    }

    public Outcome answer(TeacherLabelingRequest request) {
        try {
            return new Answered(SYNTHESIZE.equals(request.getReason()) ? synthesize(request) : label(request));
        } catch (TeacherException e) {
            return new Failed(new InvalidRecordException(
                    e.retryable() ? "TEACHER_RETRIES_EXHAUSTED" : "TEACHER_CANNOT_ANSWER", e.getMessage()));
        } catch (InvalidRecordException e) {
            return new Failed(e);
        } catch (RuntimeException e) {
            return new Failed(e); // its message may quote the request: the DLQ withholds it
        }
    }

    private List<TeacherLabel> label(TeacherLabelingRequest r) {
        if (r.getCandidates().isEmpty()) {
            throw new InvalidRecordException("NO_CANDIDATES", "a labeling request without candidates");
        }
        LabelAnswer a = teacher.label(question(r));
        return List.of(TeacherLabel.newBuilder()
                .setRequestId(r.getRequestId())
                .setNoteId(r.getNoteId())
                .setMentionText(r.getMentionText())
                .setSemanticType(r.getSemanticType())
                .setChosenConceptId(a.conceptId())
                .setVocabulary(a.vocabulary())
                .setRationale(a.rationale() == null ? "" : a.rationale())
                .setLabelSource(labelSource)
                .setTeacherModel(a.model())
                .setLatencyMs(a.latencyMs())
                .setPromptTokens(a.promptTokens())
                .setCompletionTokens(a.completionTokens())
                .setContext(r.getContext())
                .setMentionOffsetInContext(r.getMentionOffsetInContext())
                .setStudentConceptId(r.getStudentConceptId())
                .setLabeledAt(clock.instant())
                .build());
    }

    private List<TeacherLabel> synthesize(TeacherLabelingRequest r) {
        SynthesisQuestion q = synthesisQuestion(r, sentencesPerConcept);
        long start = System.nanoTime();
        List<SyntheticExample> examples = teacher.synthesize(q);
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        List<TeacherLabel> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            SyntheticExample e = examples.get(i);
            out.add(TeacherLabel.newBuilder()
                    .setRequestId(r.getRequestId() + SYNTHETIC_ID_SEPARATOR + i)
                    .setNoteId(r.getNoteId())
                    .setMentionText(e.mention())
                    .setSemanticType(e.semanticType() == null ? r.getSemanticType() : e.semanticType())
                    .setChosenConceptId(e.conceptId())
                    .setVocabulary(e.vocabulary())
                    .setRationale("synthetic example sentence")
                    .setLabelSource(SOURCE_SYNTHETIC)
                    .setTeacherModel(e.model())
                    .setLatencyMs(i == 0 ? latencyMs : 0) // one call wrote them all
                    .setPromptTokens(e.promptTokens())
                    .setCompletionTokens(e.completionTokens())
                    .setContext(e.sentence())
                    .setMentionOffsetInContext(e.mentionBegin())
                    .setStudentConceptId(null)
                    .setLabeledAt(clock.instant())
                    .build());
        }
        return out;
    }

    /** The label question of a request: its candidates with the student's scores, its context and offsets. */
    public static LabelQuestion question(TeacherLabelingRequest r) {
        List<CandidateOption> options = new ArrayList<>();
        for (ScoredConcept c : r.getCandidates()) {
            options.add(new CandidateOption(c.getConceptId(), c.getVocabulary(), c.getPreferredName(), c.getScore()));
        }
        return new LabelQuestion(r.getRequestId(), r.getNoteId(), r.getMentionText(), r.getBegin(), r.getEnd(),
                r.getSemanticType(), r.getContext(), r.getMentionOffsetInContext(), options,
                r.getStudentConceptId());
    }

    /**
     * The synthesis question of a SYNTHESIZE request: the concept is {@code candidates[0]}; its names are the
     * preferred names of every candidate entry with that concept id, in order (see {@link SynthesisRequests}).
     */
    public static SynthesisQuestion synthesisQuestion(TeacherLabelingRequest r, int count) {
        if (r.getCandidates().isEmpty()) {
            throw new InvalidRecordException("NO_CANDIDATES", "a SYNTHESIZE request without the concept in candidates");
        }
        ScoredConcept concept = r.getCandidates().get(0);
        Set<String> names = new LinkedHashSet<>();
        for (ScoredConcept c : r.getCandidates()) {
            if (c.getConceptId().equals(concept.getConceptId()) && c.getVocabulary().equals(concept.getVocabulary())
                    && !c.getPreferredName().isBlank()) {
                names.add(c.getPreferredName());
            }
        }
        String type = concept.getSemanticType().isBlank() ? r.getSemanticType() : concept.getSemanticType();
        return new SynthesisQuestion(r.getRequestId(), concept.getConceptId(), concept.getVocabulary(), type,
                List.copyOf(names), count);
    }
}
