package io.linkrx.stage;

import io.linkrx.rerank.RankedMention;
import io.linkrx.rerank.RerankResult;
import io.linkrx.rerank.Reranker;
import io.linkrx.retrieve.Candidate;
import io.linkrx.route.RoutingDecision;
import io.linkrx.route.UncertaintyRouter;
import io.linkrx.schema.LinkedMention;
import io.linkrx.schema.LinkedNote;
import io.linkrx.schema.NoteCandidates;
import io.linkrx.schema.Provenance;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.schema.TeacherLabelingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Stage 3: one re-ranking call per note (all its mentions), the best candidate becomes the link (or NIL), and
 * every mention the router finds uncertain becomes a teacher labeling request, with a PHI-minimised context.
 * The router compares the model's ranking with retrieval's (the input order) and asks the re-ranker whether it
 * knows the concept it chose.
 */
public final class RerankStage implements Function<NoteCandidates, LinkingOutcome> {
    private static final int ALTERNATIVES = 4;

    private final Reranker reranker;
    private final UncertaintyRouter router;
    private final ContextWindow contextWindow;
    private final Provenances provenances;

    public RerankStage(Reranker reranker, UncertaintyRouter router, ContextWindow contextWindow, Provenances provenances) {
        this.reranker = reranker;
        this.router = router;
        this.contextWindow = contextWindow;
        this.provenances = provenances;
    }

    @Override
    public LinkingOutcome apply(NoteCandidates note) {
        List<io.linkrx.rerank.MentionCandidates> input = note.getMentions().stream()
                .map(mc -> new io.linkrx.rerank.MentionCandidates(AvroMapping.fromAvro(mc.getMention()),
                        mc.getCandidates().stream().map(AvroMapping::fromAvro).toList()))
                .toList();
        RerankResult result = reranker.rerank(note.getText(), input);
        Provenance provenance = provenances.now(result.modelVersion());
        String source = result.degraded() ? "lexical" : "reranker";

        List<LinkedMention> linked = new ArrayList<>();
        List<TeacherLabelingRequest> requests = new ArrayList<>();
        for (int i = 0; i < result.mentions().size(); i++) {
            RankedMention ranked = result.mentions().get(i);
            linked.add(linkedMention(ranked, result.degraded(), source));
            // a degraded note was ranked by retrieval, not by the model: no model signal to read
            List<Candidate> retrievalOrder = result.degraded() ? List.of() : input.get(i).candidates();
            Predicate<String> knowsConcept = result.degraded() ? conceptId -> true : reranker::knowsConcept;
            router.route(ranked, retrievalOrder, knowsConcept).ifPresent(decision ->
                    requests.add(request(note, ranked, decision, source, provenance)));
        }
        LinkedNote linkedNote = LinkedNote.newBuilder()
                .setNoteId(note.getNoteId())
                .setPatientId(note.getPatientId())
                .setEncounterId(note.getEncounterId())
                .setNoteType(note.getNoteType())
                .setEventTime(note.getEventTime())
                .setMentions(linked)
                .setDegraded(result.degraded())
                .setProvenance(provenance)
                .build();
        return new LinkingOutcome(linkedNote, requests);
    }

    private TeacherLabelingRequest request(NoteCandidates note, RankedMention ranked, RoutingDecision decision,
                                           String source, Provenance provenance) {
        ContextWindow.Excerpt context = contextWindow.excerpt(note.getText(), ranked.mention().begin(), ranked.mention().end());
        return TeacherLabelingRequest.newBuilder()
                .setRequestId(note.getNoteId() + ":" + ranked.mention().begin() + "-" + ranked.mention().end())
                .setNoteId(note.getNoteId())
                .setPatientId(note.getPatientId())
                .setMentionText(ranked.mention().text())
                .setBegin(ranked.mention().begin())
                .setEnd(ranked.mention().end())
                .setSemanticType(AvroMapping.typeName(ranked.mention().type()))
                .setContext(context.text())
                .setMentionOffsetInContext(context.mentionOffset())
                .setCandidates(ranked.ranked().stream().map(c -> AvroMapping.toAvro(c, source)).toList())
                .setStudentConceptId(ranked.nil() ? null : ranked.best().map(Candidate::conceptId).orElse(null))
                .setReason(decision.reason().name())
                .setPriority(decision.priority())
                .setProvenance(provenance)
                .build();
    }

    private static LinkedMention linkedMention(RankedMention ranked, boolean degraded, String source) {
        var mention = AvroMapping.toAvro(ranked.mention());
        Optional<Candidate> best = ranked.nil() ? Optional.empty() : ranked.best();
        List<ScoredConcept> alternatives = ranked.ranked().stream()
                .skip(best.isPresent() ? 1 : 0).limit(ALTERNATIVES)
                .map(c -> AvroMapping.toAvro(c, source)).toList();
        return LinkedMention.newBuilder()
                .setBegin(mention.getBegin()).setEnd(mention.getEnd()).setText(mention.getText())
                .setSemanticType(mention.getSemanticType())
                .setAssertion(mention.getAssertion()).setAssertionTrigger(mention.getAssertionTrigger())
                .setConceptId(best.map(Candidate::conceptId).orElse(null))
                .setVocabulary(best.map(Candidate::vocabulary).orElse(null))
                .setPreferredName(best.map(Candidate::preferredName).orElse(null))
                .setScore(ranked.ranked().isEmpty() ? 0.0 : ranked.ranked().get(0).score())
                .setAlternatives(alternatives)
                .setNil(best.isEmpty())
                .setDegraded(degraded)
                .setComposite(ranked.composite().stream().map(c -> AvroMapping.toAvro(c, source)).toList())
                .build();
    }
}
