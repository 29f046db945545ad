package io.linkrx.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.rerank.MentionCandidates;
import io.linkrx.rerank.RankedMention;
import io.linkrx.rerank.RerankResult;
import io.linkrx.rerank.Reranker;
import io.linkrx.retrieve.Candidate;
import io.linkrx.route.PhiMinimizer;
import io.linkrx.route.UncertaintyRouter;
import io.linkrx.schema.ExtractedMention;
import io.linkrx.schema.NoteCandidates;
import io.linkrx.schema.Provenance;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.schema.TeacherLabelingRequest;

/** The re-rank stage feeds the router the model's ranking, retrieval's order and what the model knows. */
class RerankStageRoutingTest {
    static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");
    static final String TEXT = "Seen by Dr. Okafor on 03/14/2026. Known MS. Also HTN.";

    /**
     * A model with fixed beliefs: it scores concepts from a table, and it was trained on every concept except D009103.
     */
    static class TableReranker implements Reranker {
        @Override
        public RerankResult rerank(String noteText, List<MentionCandidates> mentions) {
            List<RankedMention> out = new ArrayList<>();
            for (MentionCandidates mc : mentions) {
                List<Candidate> scored = new ArrayList<>();
                for (Candidate c : mc.candidates()) {
                    double p = switch (c.conceptId()) {
                        case "D008946" -> 0.30; // mitral stenosis: retrieval's first for "MS", the model disagrees
                        case "D009103" -> 0.95; // multiple sclerosis: the model's choice, a concept it never saw
                        case "D006973" -> 0.97; // hypertension: confident, agreed, known
                        default -> 0.01;
                    };
                    scored.add(new Candidate(c.conceptId(), c.vocabulary(), c.preferredName(), c.type(), p));
                }
                scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
                out.add(new RankedMention(mc.mention(), scored, false));
            }
            return new RerankResult(out, "table@1", false);
        }

        @Override
        public String modelVersion() {
            return "table@1";
        }

        @Override
        public boolean knowsConcept(String conceptId) {
            return !conceptId.equals("D009103");
        }
    }

    @Test
    void givenTheModelOverridesRetrievalWithAnUnseenConcept_whenReranked_thenOnlyThatMentionIsRoutedWithARedactedContext() {
        RerankStage stage = new RerankStage(new TableReranker(), new UncertaintyRouter(0.7, 0.1),
                new ContextWindow(40, PhiMinimizer.parse("names,dates,ids,numbers")),
                new Provenances(Clock.fixed(T0, ZoneOffset.UTC), "kb-1"));

        LinkingOutcome outcome = stage.apply(note(
                mention("MS", "D008946", "D009103"),
                mention("HTN", "D006973", "D006976")));

        assertThat(outcome.linkedNote().getMentions()).hasSize(2);
        assertThat(outcome.teacherRequests()).singleElement().satisfies(r -> {
            assertThat(r.getMentionText()).isEqualTo("MS");
            // disagreement 1 - (0.95 - 0.30) = 0.35, unseen concept 0.5: the stronger is the reason
            assertThat(r.getReason()).isEqualTo("UNSEEN_CONCEPT");
            assertThat(r.getPriority()).isCloseTo(1 - (1 - 0.35) * (1 - 0.5), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(r.getStudentConceptId()).isEqualTo("D009103");
            assertThat(r.getContext()).isEqualTo("Seen by Dr. [NAME] on [DATE]. Known MS. Also HTN.");
            assertThat(r.getContext().substring(r.getMentionOffsetInContext())).startsWith("MS. Also");
            assertThat(r.getCandidates()).extracting(ScoredConcept::getConceptId).containsExactly("D009103", "D008946");
        });
    }

    @Test
    void givenTheUnseenSignalOff_whenReranked_thenTheDisagreementIsTheReason() {
        RerankStage stage = new RerankStage(new TableReranker(),
                new UncertaintyRouter(0.7, 0.1, UncertaintyRouter.signals("nil,low-score,small-margin,disagreement")),
                new ContextWindow(40), new Provenances(Clock.fixed(T0, ZoneOffset.UTC), "kb-1"));

        List<TeacherLabelingRequest> requests = stage.apply(note(mention("MS", "D008946", "D009103"))).teacherRequests();

        assertThat(requests).extracting(TeacherLabelingRequest::getReason).containsExactly("DISAGREEMENT");
    }

    @Test
    void givenACompositeLink_whenReranked_thenTheLinkedMentionNamesEachConjunctsConcept() {
        Reranker composite = new TableReranker() {
            @Override
            public RerankResult rerank(String noteText, List<MentionCandidates> mentions) {
                RankedMention ranked = super.rerank(noteText, mentions).mentions().get(0);
                List<Candidate> conjuncts = List.of(
                        new Candidate("D008946", "MESH", "Mitral Valve Stenosis", io.linkrx.kb.SemanticType.DISEASE, 0.8),
                        new Candidate("D006973", "MESH", "Hypertension", io.linkrx.kb.SemanticType.DISEASE, 0.9));
                return new RerankResult(List.of(new RankedMention(ranked.mention(), ranked.ranked(), false, conjuncts)),
                        "table@1", false);
            }
        };
        RerankStage stage = new RerankStage(composite, new UncertaintyRouter(0.7, 0.1), new ContextWindow(40),
                new Provenances(Clock.fixed(T0, ZoneOffset.UTC), "kb-1"));

        var linked = stage.apply(note(mention("MS", "D008946", "D009103"))).linkedNote().getMentions().get(0);

        assertThat(linked.getConceptId()).isEqualTo("D009103");
        assertThat(linked.getComposite()).extracting(ScoredConcept::getConceptId).containsExactly("D008946", "D006973");
        assertThat(linked.getComposite()).extracting(ScoredConcept::getScore).containsExactly(0.8, 0.9);
    }

    private static io.linkrx.schema.MentionCandidates mention(String text, String... retrievalOrder) {
        int begin = TEXT.indexOf(text + ".");
        List<ScoredConcept> candidates = new ArrayList<>();
        for (int i = 0; i < retrievalOrder.length; i++) {
            candidates.add(ScoredConcept.newBuilder().setConceptId(retrievalOrder[i]).setVocabulary("MESH")
                    .setPreferredName(retrievalOrder[i]).setSemanticType("Disease").setScore(0.9 - 0.1 * i)
                    .setSource("lexical").build());
        }
        return io.linkrx.schema.MentionCandidates.newBuilder()
                .setMention(ExtractedMention.newBuilder().setBegin(begin).setEnd(begin + text.length()).setText(text)
                        .setSemanticType("Disease").build())
                .setCandidates(candidates).build();
    }

    private static NoteCandidates note(io.linkrx.schema.MentionCandidates... mentions) {
        return NoteCandidates.newBuilder().setNoteId("n-1").setPatientId("pt-1").setEventTime(T0).setText(TEXT)
                .setMentions(List.of(mentions))
                .setProvenance(Provenance.newBuilder().setAppVersion("test").setModelVersion("lexical")
                        .setKbVersion("kb-1").setProducedAt(T0).build())
                .build();
    }
}
