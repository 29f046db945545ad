package io.linkrx.teacher.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.error.InvalidRecordException;
import io.linkrx.schema.Provenance;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.schema.TeacherLabel;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.bridge.simulated.SimulatedTeacher;

/** Requests in, labels out, with the simulated teacher over a corpus this test writes. */
class RequestAnswererTest {
    @TempDir
    static Path dir;
    static Teacher teacher;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    static final String TITLE = "Gout and colorectal cancer.";
    static final String ABSTRACT = "A man with gout was seen.";

    @BeforeAll
    static void corpus() throws Exception {
        Path file = dir.resolve("gold.txt");
        Files.writeString(file, "7|t|" + TITLE + "\n7|a|" + ABSTRACT + "\n"
                + "7\t0\t4\tGout\tSpecificDisease\tD006073\n"
                + "7\t9\t26\tcolorectal cancer\tSpecificDisease\tD015179\n"
                + "7\t39\t43\tgout\tSpecificDisease\tD006073\n\n");
        teacher = SimulatedTeacher.fromFile(file, null);
    }

    static ScoredConcept concept(String id, String name, double score) {
        return ScoredConcept.newBuilder().setConceptId(id).setVocabulary("MESH").setPreferredName(name)
                .setSemanticType("Disease").setScore(score).build();
    }

    static TeacherLabelingRequest.Builder request(String reason, List<ScoredConcept> candidates) {
        return TeacherLabelingRequest.newBuilder().setRequestId("7:39-43").setNoteId("7").setPatientId("p-1")
                .setMentionText("gout").setBegin(39).setEnd(43).setSemanticType("Disease")
                .setContext("A man with gout was seen.").setMentionOffsetInContext(11)
                .setCandidates(candidates).setStudentConceptId("D003092").setReason(reason).setPriority(0.8)
                .setProvenance(Provenance.newBuilder().setAppVersion("dev").setModelVersion("reranker:1")
                        .setKbVersion("kb").setProducedAt(CLOCK.instant()).build());
    }

    @Test
    void aLabelRequestBecomesOneLabelWithTheRequestsContext() {
        // Given a request whose mention the gold corpus annotates at these offsets
        TeacherLabelingRequest r = request("SMALL_MARGIN", List.of(concept("D003092", "Colitis", 0.41),
                concept("D006073", "Gout", 0.39))).build();
        // When the simulated teacher answers it
        RequestAnswerer.Outcome o = new RequestAnswerer(teacher, RequestAnswerer.SOURCE_SIMULATED, 3, CLOCK).answer(r);
        // Then one label names the gold concept, with the request's context and the student's choice
        assertThat(o).isInstanceOf(RequestAnswerer.Answered.class);
        List<TeacherLabel> labels = ((RequestAnswerer.Answered) o).labels();
        assertThat(labels).hasSize(1);
        TeacherLabel l = labels.get(0);
        assertThat(l.getRequestId()).isEqualTo("7:39-43");
        assertThat(l.getChosenConceptId()).isEqualTo("D006073");
        assertThat(l.getVocabulary()).isEqualTo("MESH");
        assertThat(l.getLabelSource()).isEqualTo("simulated");
        assertThat(l.getTeacherModel()).isEqualTo("simulated:gold.txt");
        assertThat(l.getContext()).isEqualTo("A man with gout was seen.");
        assertThat(l.getMentionOffsetInContext()).isEqualTo(11);
        assertThat(l.getStudentConceptId()).isEqualTo("D003092");
        assertThat(l.getMentionText()).isEqualTo("gout");
        assertThat(l.getLabeledAt()).isEqualTo(CLOCK.instant());
        assertThat(l.getRationale()).isNotBlank();
    }

    @Test
    void aSynthesisRequestBecomesOneSyntheticLabelPerSentence() {
        // Given a SYNTHESIZE request for colorectal cancer, its names as candidate entries
        TeacherLabelingRequest r = request(RequestAnswerer.SYNTHESIZE, List.of(
                concept("D015179", "Colorectal Neoplasms", 1), concept("D015179", "colorectal cancer", 1)))
                .setRequestId("synthesize:MESH:D015179").setStudentConceptId(null).build();
        assertThat(RequestAnswerer.synthesisQuestion(r, 2).names())
                .containsExactly("Colorectal Neoplasms", "colorectal cancer");
        // When it is answered
        List<TeacherLabel> labels = ((RequestAnswerer.Answered) new RequestAnswerer(teacher,
                RequestAnswerer.SOURCE_SIMULATED, 2, CLOCK).answer(r)).labels();
        // Then each sentence is a synthetic label whose context holds the mention at its offset
        assertThat(labels).hasSize(1); // the corpus has one sentence with the concept
        TeacherLabel l = labels.get(0);
        assertThat(l.getRequestId()).isEqualTo("synthesize:MESH:D015179#s0");
        assertThat(l.getLabelSource()).isEqualTo("synthetic");
        assertThat(l.getChosenConceptId()).isEqualTo("D015179");
        assertThat(l.getContext()).isEqualTo(TITLE);
        assertThat(l.getContext().substring(l.getMentionOffsetInContext())).startsWith(l.getMentionText());
        assertThat(l.getMentionText()).isEqualTo("colorectal cancer");
        assertThat(l.getStudentConceptId()).isNull();
    }

    @Test
    void whatTheTeacherCannotAnswerFailsWithACodeAndNoText() {
        TeacherLabelingRequest unknown = request("LOW_SCORE", List.of(concept("D001249", "Asthma", 0.2)))
                .setNoteId("other").setMentionText("wheezing").build();
        RequestAnswerer answerer = new RequestAnswerer(teacher, RequestAnswerer.SOURCE_SIMULATED, 2, CLOCK);
        RequestAnswerer.Outcome o = answerer.answer(unknown);
        assertThat(o).isInstanceOf(RequestAnswerer.Failed.class);
        RuntimeException e = ((RequestAnswerer.Failed) o).error();
        assertThat(e).isInstanceOf(InvalidRecordException.class).hasMessageNotContaining("wheezing");
        assertThat(((InvalidRecordException) e).code()).isEqualTo("TEACHER_CANNOT_ANSWER");

        RequestAnswerer.Outcome empty = answerer.answer(request("NIL", List.of()).build());
        assertThat(((InvalidRecordException) ((RequestAnswerer.Failed) empty).error()).code())
                .isEqualTo("NO_CANDIDATES");
    }
}
