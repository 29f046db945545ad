package io.linkrx.eval.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.linkrx.link.BatchRetriever;

/**
 * Remembers the hits of a retriever whose index never changes (the KB's own names), so an experiment that
 * retrains and relinks the same mentions many times retrieves each query string once. Only misses go to the
 * retriever, still in one batch call. Thread-safe.
 */
final class CachingBatchRetriever implements BatchRetriever {
    private record Key(String text, io.linkrx.kb.SemanticType type, int k) {
    }

    private final BatchRetriever retriever;
    private final Map<Key, List<Hit>> cache = new ConcurrentHashMap<>();

    CachingBatchRetriever(BatchRetriever retriever) {
        this.retriever = retriever;
    }

    @Override
    public List<List<Hit>> retrieveAll(List<Query> queries, int k) {
        List<Query> misses = new ArrayList<>();
        for (Query q : queries) {
            if (!cache.containsKey(new Key(q.text(), q.type(), k))) {
                misses.add(q);
            }
        }
        if (!misses.isEmpty()) {
            List<List<Hit>> found = retriever.retrieveAll(misses, k);
            for (int i = 0; i < misses.size(); i++) {
                cache.put(new Key(misses.get(i).text(), misses.get(i).type(), k), found.get(i));
            }
        }
        List<List<Hit>> out = new ArrayList<>(queries.size());
        for (Query q : queries) {
            out.add(cache.get(new Key(q.text(), q.type(), k)));
        }
        return out;
    }
}
