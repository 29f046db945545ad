package io.linkrx.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.linkrx.kb.SemanticType;

/**
 * Remembers the hits of a retriever whose index never changes (the KB's own names), so a query string seen before
 * (in another note, another training round) is not retrieved again. Only misses go to the retriever, still in one
 * batch call per {@link #retrieveAll}. Bounded: at most {@code capacity} query strings (text, type and k) are kept,
 * the least recently used evicted first. Thread-safe; the retriever runs outside the lock. Never wrap a retriever
 * whose answers change (the names learnt by a re-ranker version): it would serve stale hits.
 */
public final class CachingBatchRetriever implements BatchRetriever {
    /** Query strings kept by default: a few MB of hits (k = 20), far more than the distinct strings of a day of notes. */
    public static final int DEFAULT_CAPACITY = 20_000;

    private record Key(String text, SemanticType type, int k) {
    }

    private final BatchRetriever retriever;
    private final int capacity;
    private final Map<Key, List<Hit>> cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachingBatchRetriever(BatchRetriever retriever) {
        this(retriever, DEFAULT_CAPACITY);
    }

    /** @param capacity most query strings kept (at least 1) */
    public CachingBatchRetriever(BatchRetriever retriever, int capacity) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, List<Hit>> eldest) {
                return size() > CachingBatchRetriever.this.capacity;
            }
        };
    }

    @Override
    public List<List<Hit>> retrieveAll(List<Query> queries, int k) {
        List<List<Hit>> out = new ArrayList<>(queries.size());
        Map<Key, Integer> missed = new HashMap<>(); // key → index in misses (a string asked twice is retrieved once)
        List<Query> misses = new ArrayList<>();
        int[] missOf = new int[queries.size()];
        synchronized (cache) {
            for (int i = 0; i < queries.size(); i++) {
                Query q = queries.get(i);
                Key key = new Key(q.text(), q.type(), k);
                List<Hit> found = cache.get(key);
                out.add(found);
                if (found == null) {
                    Integer at = missed.putIfAbsent(key, misses.size());
                    missOf[i] = at == null ? misses.size() : at;
                    if (at == null) {
                        misses.add(q);
                    }
                }
            }
        }
        hits.addAndGet(queries.size() - misses.size());
        if (misses.isEmpty()) {
            return out;
        }
        this.misses.addAndGet(misses.size());
        List<List<Hit>> found = retriever.retrieveAll(misses, k);
        if (found.size() != misses.size()) {
            throw new IllegalStateException("retriever answered " + found.size() + " queries for " + misses.size());
        }
        List<List<Hit>> kept = new ArrayList<>(found.size());
        for (List<Hit> f : found) {
            kept.add(List.copyOf(f));
        }
        synchronized (cache) {
            for (int i = 0; i < misses.size(); i++) {
                Query q = misses.get(i);
                cache.put(new Key(q.text(), q.type(), k), kept.get(i));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                out.set(i, kept.get(missOf[i]));
            }
        }
        return out;
    }

    /** Forgets every kept hit and zeroes the counters (a benchmark's warm-up must not answer its timed queries). */
    public void clear() {
        synchronized (cache) {
            cache.clear();
        }
        hits.set(0);
        misses.set(0);
    }

    /** Query strings answered without asking the retriever so far (cached, or asked twice in one call). */
    public long hits() {
        return hits.get();
    }

    /** Query strings sent to the retriever so far. */
    public long misses() {
        return misses.get();
    }

    /** Query strings kept now (at most the capacity). */
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    public int capacity() {
        return capacity;
    }
}
