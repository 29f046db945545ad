package io.linkrx.stage;

import io.linkrx.rerank.RankedMention;
import io.linkrx.rerank.RerankResult;
import io.linkrx.rerank.Reranker;
import io.linkrx.retrieve.Candidate;
import io.linkrx.route.MarginTeacherRouter;
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

/**
 * Stage 3: one re-ranking call per note (all its mentions), the best candidate becomes the link (or NIL), and
 * every mention the router finds uncertain becomes a teacher labeling request.
 */
public final class RerankStage implements Function<NoteCandidates, LinkingOutcome> {
    private static final int ALTERNATIVES = 4;

    private final Reranker reranker;
    private final MarginTeacherRouter router;
    private final ContextWindow contextWindow;
    private final Provenances provenances;

    public RerankStage(Reranker reranker, MarginTeacherRouter router, ContextWindow contextWindow, Provenances provenances) {
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
        for (RankedMention ranked : result.mentions()) {
            linked.add(linkedMention(ranked, result.degraded(), source));
            router.route(ranked).ifPresent(decision -> requests.add(TeacherLabelingRequest.newBuilder()
                    .setRequestId(note.getNoteId() + ":" + ranked.mention().begin() + "-" + ranked.mention().end())
                    .setNoteId(note.getNoteId())
                    .setPatientId(note.getPatientId())
                    .setMentionText(ranked.mention().text())
                    .setBegin(ranked.mention().begin())
                    .setEnd(ranked.mention().end())
                    .setSemanticType(AvroMapping.typeName(ranked.mention().type()))
                    .setContext(contextWindow.around(note.getText(), ranked.mention().begin(), ranked.mention().end()))
                    .setCandidates(ranked.ranked().stream().map(c -> AvroMapping.toAvro(c, source)).toList())
                    .setStudentConceptId(ranked.nil() ? null : ranked.best().map(Candidate::conceptId).orElse(null))
                    .setReason(decision.reason().name())
                    .setPriority(decision.priority())
                    .setProvenance(provenance)
                    .build()));
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
                .build();
    }
}
