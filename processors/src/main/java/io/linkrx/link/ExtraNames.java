package io.linkrx.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.retrieve.LexicalCandidateRetriever;

/**
 * Names learnt from labelled mentions (the mention dictionary) as a small lexical retriever beside the KB
 * index: new labels change this retriever only, never the index.
 */
public final class ExtraNames {
    private ExtraNames() {
    }

    /** A knowledge base holding only these names of concepts of {@code kb}. */
    public static KnowledgeBase asKnowledgeBase(KnowledgeBase kb, Map<String, ? extends Set<String>> names,
                                                String version) {
        List<Concept> concepts = new ArrayList<>();
        names.forEach((id, ns) -> kb.concept(id).ifPresent(c -> {
            List<String> list = List.copyOf(ns);
            if (!list.isEmpty()) {
                concepts.add(new Concept(c.id(), c.vocabulary(), c.type(), list.get(0), list.subList(1, list.size()),
                        List.of(), List.of()));
            }
        }));
        return KnowledgeBase.of(version, concepts);
    }

    /** The KB retriever plus a lexical retriever over the extra names. */
    public static BatchRetriever withNames(BatchRetriever kbRetriever, KnowledgeBase kb,
                                           Map<String, ? extends Set<String>> names, String version) {
        KnowledgeBase namesOnly = asKnowledgeBase(kb, names, version);
        return namesOnly.size() == 0 ? kbRetriever
                : BatchRetriever.union(kbRetriever, BatchRetriever.lexical(new LexicalCandidateRetriever(namesOnly)));
    }
}
