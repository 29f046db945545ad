package io.linkrx.app;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.Setting;
import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.extract.DictionaryMentionExtractor;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.rerank.Reranker;
import io.linkrx.rerank.ScoreOrderedReranker;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import io.linkrx.route.MarginTeacherRouter;
import io.linkrx.stage.ContextWindow;
import io.linkrx.stage.ExtractMentionsStage;
import io.linkrx.stage.NoteValidator;
import io.linkrx.stage.Provenances;
import io.linkrx.stage.RerankStage;
import io.linkrx.stage.RetrieveCandidatesStage;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** The three linking stages, built once from configuration over one loaded knowledge base. */
public record LinkingStages(ExtractMentionsStage extract, RetrieveCandidatesStage retrieve, RerankStage rerank,
                           String kbVersion) {
    /** Notes longer than this are dead-lettered rather than risk a stalled partition (about 100 pages). */
    static final int MAX_NOTE_CHARS = 500_000;
    static final String RETRIEVER_VERSION = "lexical-3gram-1";

    public static LinkingStages fromConfig(LinkrxConfig config, Clock clock) {
        List<String> kbPaths = Arrays.stream(config.get(Setting.KB_PATHS).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        KnowledgeBase kb = KnowledgeBase.loadAll(kbPaths);
        Reranker reranker = new ScoreOrderedReranker(config.getDouble(Setting.RANKING_NIL_THRESHOLD));
        Provenances provenances = new Provenances(clock, kb.version());
        return new LinkingStages(
                new ExtractMentionsStage(new NoteValidator(MAX_NOTE_CHARS),
                        new DictionaryMentionExtractor(kb, new ContextAssertionDetector()), provenances),
                new RetrieveCandidatesStage(new LexicalCandidateRetriever(kb), config.getInt(Setting.RETRIEVAL_TOP_K),
                        RETRIEVER_VERSION, provenances),
                new RerankStage(reranker,
                        new MarginTeacherRouter(config.getDouble(Setting.TEACHER_MIN_SCORE), config.getDouble(Setting.TEACHER_MIN_MARGIN)),
                        new ContextWindow(config.getInt(Setting.TEACHER_CONTEXT_CHARS)), provenances),
                kb.version());
    }
}
