package io.linkrx.teacher.bridge.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.teacher.CandidateOption;
import io.linkrx.teacher.LabelAnswer;
import io.linkrx.teacher.LabelQuestion;
import io.linkrx.teacher.SynthesisQuestion;
import io.linkrx.teacher.SyntheticExample;
import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.TeacherException;
import io.linkrx.teacher.Teachers;
import io.linkrx.teacher.bridge.ConceptNameLookup;
import io.linkrx.teacher.bridge.TeacherSetting;

/** The simulated teacher on a small PubTator corpus this test writes (NCBI Disease style, with an OMIM id). */
class SimulatedTeacherTest {
    @TempDir
    static Path dir;
    static Path corpus;

    static final String T1 = "Colorectal cancer in Lynch syndrome families.";
    static final String A1 = "Lynch syndrome causes colorectal cancer. Most colorectal cancers are sporadic. "
            + "Breast and ovarian cancer were rare.";
    static final String T2 = "Hereditary colorectal cancer.";
    static final String A2 = "A colorectal cancer of the cecum was seen. The patient had gout.";

    static final CandidateOption CRC = new CandidateOption("D015179", "MESH", "Colorectal Neoplasms", 0.4);
    static final CandidateOption HNPCC = new CandidateOption("D003123", "MESH",
            "Colorectal Neoplasms, Hereditary Nonpolyposis", 0.35);
    static final CandidateOption COLITIS = new CandidateOption("D003092", "MESH", "Colitis", 0.2);

    @BeforeAll
    static void writeCorpus() throws IOException {
        String d1 = T1 + " " + A1;
        String d2 = T2 + " " + A2;
        StringBuilder sb = new StringBuilder();
        sb.append("100|t|").append(T1).append('\n').append("100|a|").append(A1).append('\n');
        mention(sb, "100", d1, "Colorectal cancer", 0, "Modifier", "D015179");
        mention(sb, "100", d1, "Lynch syndrome", 0, "SpecificDisease", "D003123");
        mention(sb, "100", d1, "Lynch syndrome", 1, "SpecificDisease", "D003123");
        // the same text annotated as HNPCC once (a note-specific reading); the corpus majority stays D015179
        mention(sb, "100", d1, "colorectal cancer", 0, "SpecificDisease", "D003123");
        mention(sb, "100", d1, "colorectal cancers", 0, "DiseaseClass", "D015179");
        mention(sb, "100", d1, "Breast and ovarian cancer", 0, "CompositeMention", "D001943|D010051");
        sb.append('\n');
        sb.append("200|t|").append(T2).append('\n').append("200|a|").append(A2).append('\n');
        mention(sb, "200", d2, "colorectal cancer", 0, "Modifier", "MESH:D015179");
        mention(sb, "200", d2, "colorectal cancer", 1, "SpecificDisease", "D015179");
        mention(sb, "200", d2, "gout", 0, "SpecificDisease", "OMIM:138900");
        sb.append('\n');
        corpus = dir.resolve("gold.PubTator.txt");
        Files.writeString(corpus, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Appends the n-th occurrence of {@code text} in the document as a mention line. */
    private static void mention(StringBuilder sb, String id, String doc, String text, int nth, String type, String ids) {
        int at = -1;
        for (int i = 0; i <= nth; i++) {
            at = doc.indexOf(text, at + 1);
        }
        assertThat(at).as(text).isNotNegative();
        sb.append(id).append('\t').append(at).append('\t').append(at + text.length()).append('\t').append(text)
                .append('\t').append(type).append('\t').append(ids).append('\n');
    }

    private static LabelQuestion question(String noteId, String mention, int begin, List<CandidateOption> candidates) {
        return new LabelQuestion("r-" + begin, noteId, mention, begin, begin < 0 ? -1 : begin + mention.length(),
                "Disease", "", -1, candidates, candidates.get(0).conceptId());
    }

    private static int offset(String doc, String text, int nth) {
        int at = -1;
        for (int i = 0; i <= nth; i++) {
            at = doc.indexOf(text, at + 1);
        }
        return at;
    }

    @Test
    void answersTheGoldAnnotationAtTheNotesOffsetsEvenAgainstTheCorpusMajority() {
        // Given the simulated teacher over the corpus
        Teacher teacher = SimulatedTeacher.fromFile(corpus, null);
        // When it is asked about the mention annotated D003123 at these offsets of note 100
        int begin = offset(T1 + " " + A1, "colorectal cancer", 0);
        LabelAnswer a = teacher.label(question("100", "colorectal cancer", begin, List.of(CRC, HNPCC, COLITIS)));
        // Then it answers that annotation, not the text's majority concept, and names the rule
        assertThat(a.conceptId()).isEqualTo("D003123");
        assertThat(a.vocabulary()).isEqualTo("MESH");
        assertThat(a.rationale()).isEqualTo(SimulatedTeacher.BY_OFFSETS);
        assertThat(a.model()).isEqualTo("simulated:gold.PubTator.txt");
        assertThat(a.promptTokens() + a.completionTokens()).isZero();
    }

    @Test
    void answersNilWhenTheGoldConceptIsNotOffered() {
        Teacher teacher = SimulatedTeacher.fromFile(corpus, null);
        int begin = offset(T1 + " " + A1, "Lynch syndrome", 1);
        LabelAnswer a = teacher.label(question("100", "Lynch syndrome", begin, List.of(CRC, COLITIS)));
        assertThat(a.nil()).isTrue();
        assertThat(a.vocabulary()).isNull();
        assertThat(a.rationale()).startsWith(SimulatedTeacher.BY_OFFSETS).contains("not among the candidates");
    }

    @Test
    void fallsBackToTheMostFrequentGoldConceptOfTheNormalisedText() {
        // Given a note the corpus does not hold; "Colorectal cancers" normalises like "colorectal cancer":
        // D015179 is annotated 4 times (with and without "MESH:"), D003123 once
        Teacher teacher = SimulatedTeacher.fromFile(corpus, null);
        LabelAnswer a = teacher.label(question("other-note", "Colorectal cancers", 10, List.of(HNPCC, CRC)));
        assertThat(a.conceptId()).isEqualTo("D015179");
        assertThat(a.rationale()).startsWith(SimulatedTeacher.BY_TEXT).contains("(4 of 5 annotations)");
        // and NIL when that concept is not offered
        LabelAnswer notOffered = teacher.label(question("other-note", "colorectal cancer", 10, List.of(HNPCC)));
        assertThat(notOffered.nil()).isTrue();
        assertThat(notOffered.rationale()).contains("not among the candidates");
    }

    @Test
    void resolvesAlternativeGoldIdsThroughTheKnowledgeBase() {
        // Given a KB whose gout concept carries the corpus's OMIM id as an xref
        KnowledgeBase kb = KnowledgeBase.of("test", List.of(new Concept("D006073", "MESH", SemanticType.DISEASE,
                "Gout", List.of(), List.of(), List.of("OMIM:138900"))));
        CandidateOption gout = new CandidateOption("D006073", "MESH", "Gout", 0.3);
        int begin = offset(T2 + " " + A2, "gout", 0);
        LabelQuestion q = question("200", "gout", begin, List.of(COLITIS, gout));
        // Then with the KB the OMIM gold id finds the MeSH candidate; without it the teacher must say NIL
        assertThat(new SimulatedTeacher(io.linkrx.corpus.PubTatorReader.read(corpus), kb, "gold").label(q).conceptId())
                .isEqualTo("D006073");
        assertThat(SimulatedTeacher.fromFile(corpus, null).label(q).nil()).isTrue();
    }

    @Test
    void namesTheGoldConceptFromTheKnowledgeBaseWhenItIsNotOffered() {
        // Given a teacher that may name concepts of a KB holding gout, asked with only colitis offered
        KnowledgeBase kb = KnowledgeBase.of("test", List.of(new Concept("D006073", "MESH", SemanticType.DISEASE,
                "Gout", List.of(), List.of(), List.of("OMIM:138900"))));
        int begin = offset(T2 + " " + A2, "gout", 0);
        LabelQuestion q = question("200", "gout", begin, List.of(COLITIS));
        // When it answers
        LabelAnswer a = new SimulatedTeacher(io.linkrx.corpus.PubTatorReader.read(corpus), kb, "gold",
                new ConceptNameLookup(kb)).label(q);
        // Then it names the gold concept itself, and says so; restricted to the candidates it says NIL
        assertThat(a.conceptId()).isEqualTo("D006073");
        assertThat(a.vocabulary()).isEqualTo("MESH");
        assertThat(a.rationale()).endsWith(SimulatedTeacher.OUTSIDE);
        assertThat(new SimulatedTeacher(io.linkrx.corpus.PubTatorReader.read(corpus), kb, "gold").label(q).nil())
                .isTrue();
    }

    @Test
    void refusesMentionsTheCorpusNeverAnnotates() {
        Teacher teacher = SimulatedTeacher.fromFile(corpus, null);
        assertThatThrownBy(() -> teacher.label(question("other-note", "asthma", 5, List.of(COLITIS))))
                .isInstanceOf(TeacherException.class)
                .matches(e -> !((TeacherException) e).retryable())
                .hasMessageNotContaining("asthma");
    }

    @Test
    void synthesisReusesDistinctCorpusSentencesWithTheMentionSpan() {
        Teacher teacher = SimulatedTeacher.fromFile(corpus, null);
        List<SyntheticExample> examples = teacher.synthesize(new SynthesisQuestion("s1", "D015179", "MESH",
                "Disease", List.of("Colorectal Neoplasms", "colorectal cancer"), 3));
        assertThat(examples).extracting(SyntheticExample::sentence).containsExactly(
                "Colorectal cancer in Lynch syndrome families.", "Most colorectal cancers are sporadic.",
                "Hereditary colorectal cancer.");
        assertThat(examples).extracting(SyntheticExample::mention)
                .containsExactly("Colorectal cancer", "colorectal cancers", "colorectal cancer");
        assertThat(examples).allSatisfy(e -> {
            assertThat(e.conceptId()).isEqualTo("D015179");
            assertThat(e.model()).isEqualTo("simulated:gold.PubTator.txt");
        });
        // composite spans do not count as a mention of one concept
        assertThat(teacher.synthesize(new SynthesisQuestion("s2", "D001943", "MESH", "Disease",
                List.of("Breast Neoplasms"), 2))).extracting(SyntheticExample::sentence)
                .noneMatch(s -> s.contains("Breast and ovarian"));
    }

    @Test
    void synthesisBuildsTemplateSentencesFromSynonymsForConceptsTheCorpusLacks() {
        Teacher teacher = SimulatedTeacher.fromFile(corpus, null);
        SynthesisQuestion q = new SynthesisQuestion("s3", "D003924", "MESH", "Disease",
                List.of("Diabetes Mellitus, Type 2", "Type 2 Diabetes", "type 2 diabetes", "NIDDM",
                        "Diabetes Mellitus, Noninsulin-Dependent"), 3);
        List<SyntheticExample> examples = teacher.synthesize(q);
        assertThat(examples).hasSize(3);
        // synonyms (mid-sentence spelling, acronyms kept), without case variants and inverted MeSH forms
        assertThat(examples).extracting(SyntheticExample::mention)
                .containsExactly("type 2 diabetes", "NIDDM", "type 2 diabetes");
        // the preferred name comes after the synonyms; inverted forms only when there is nothing else
        assertThat(ClinicalTemplates.namesByPreference(List.of("Acute Abdomen", "acute abdomens", "Abdomen, Acute",
                "surgical abdomen"))).containsExactly("surgical abdomen", "Acute Abdomen");
        assertThat(ClinicalTemplates.namesByPreference(List.of("Abdomen, Acute"))).containsExactly("Abdomen, Acute");
        assertThat(examples).extracting(SyntheticExample::sentence).doesNotHaveDuplicates()
                .allMatch(s -> s.endsWith("."));
        assertThat(teacher.synthesize(q)).isEqualTo(examples); // deterministic
        // chemicals get chemical templates
        List<SyntheticExample> drug = teacher.synthesize(new SynthesisQuestion("s4", "D008687", "MESH", "Chemical",
                List.of("Metformin"), 2));
        assertThat(drug).hasSize(2).extracting(SyntheticExample::mention).containsOnly("metformin");
        assertThat(drug).extracting(SyntheticExample::sentence).noneMatch(s -> s.contains("history of"));
    }

    @Test
    void providerCreatesTheTeacherFromSettings() {
        try (Teacher teacher = Teachers.create("simulated",
                Map.of(TeacherSetting.SIMULATED_CORPUS.key(), corpus.toString()))) {
            assertThat(teacher.model()).isEqualTo("simulated:gold.PubTator.txt");
        }
        assertThatThrownBy(() -> Teachers.create("simulated", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linkrx.teacher.simulated.corpus");
        assertThatThrownBy(() -> Teachers.create("nope", Map.of())).hasMessageContaining("simulated");
    }
}
