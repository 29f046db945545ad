package io.linkrx.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.linkrx.link.BatchRetriever;

/** The KB index as the linker's retriever: lexical and dense scores of each hit kept apart as evidence. */
public final class IndexBatchRetriever implements BatchRetriever {
    private final HybridRetriever hybrid;

    public IndexBatchRetriever(HybridRetriever hybrid) {
        this.hybrid = Objects.requireNonNull(hybrid, "hybrid");
    }

    @Override
    public List<List<Hit>> retrieveAll(List<Query> queries, int k) {
        List<MentionQuery> mentions = queries.stream().map(q -> new MentionQuery(q.text(), q.type())).toList();
        List<List<Hit>> out = new ArrayList<>(queries.size());
        for (List<IndexHit> hits : hybrid.search(mentions, k).hits()) {
            out.add(hits.stream()
                    .map(h -> new Hit(h.conceptId(), h.hasLexical() ? h.lexicalScore() : 0.0, h.denseScore()))
                    .toList());
        }
        return out;
    }
}
