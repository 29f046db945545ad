package io.linkrx.eval.linking;

import java.util.List;
import java.util.Map;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.link.EntityLinker;
import io.linkrx.link.LinkedMention;
import io.linkrx.link.MentionDictionary;

/** A linker trained by {@link StudentTraining}: links gold spans and scores itself as {@code eval linking --gold-mentions}. */
public final class Student {
    private final EntityLinker linker;
    private final MentionDictionary dictionary;
    private final GoldResolver resolver;
    private final KnowledgeBase kb;
    private final int threads;
    private final int trainingMentions;
    private final int trainingRows;

    Student(EntityLinker linker, MentionDictionary dictionary, GoldResolver resolver, KnowledgeBase kb, int threads, int trainingMentions,
            int trainingRows) {
        this.linker = linker;
        this.dictionary = dictionary;
        this.resolver = resolver;
        this.kb = kb;
        this.threads = threads;
        this.trainingMentions = trainingMentions;
        this.trainingRows = trainingRows;
    }

    /** Links these annotated spans of one document, in input order. */
    public List<LinkedMention> link(PubTatorDocument doc, List<GoldMention> mentions) {
        return new DocumentQueries(doc).linkGold(linker, mentions);
    }

    /** The metrics of {@code eval linking --gold-mentions} on these documents (per type and "all"). */
    public Map<String, Object> evaluate(List<PubTatorDocument> docs) {
        return LinkingEvalCommand.goldMentions(docs, resolver, linker, ErrorLog.open(null, kb), threads);
    }

    /** Whether training linked a mention to this concept at least once (the router's unseen-concept signal). */
    public boolean knowsConcept(String conceptId) {
        return dictionary.seen(conceptId, null);
    }

    public String version() {
        return linker.modelVersion();
    }

    public int trainingMentions() {
        return trainingMentions;
    }

    public int trainingRows() {
        return trainingRows;
    }
}
