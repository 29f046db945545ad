package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.SemanticType;

class CachingBatchRetrieverTest {
    /** Answers "text/type/k" as the only hit's id and remembers every batch it was asked. */
    private static final class Recording implements BatchRetriever {
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public synchronized List<List<Hit>> retrieveAll(List<Query> queries, int k) {
            batches.add(queries.stream().map(Query::text).toList());
            return queries.stream()
                    .map(q -> List.of(new Hit(q.text() + "/" + q.type() + "/" + k, 0.5, Double.NaN)))
                    .toList();
        }

        synchronized int asked() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    private static BatchRetriever.Query q(String text, SemanticType type) {
        return new BatchRetriever.Query(text, type);
    }

    private static List<String> ids(List<List<BatchRetriever.Hit>> hits) {
        return hits.stream().map(h -> h.get(0).conceptId()).toList();
    }

    @Test
    void givenSeenQueriesWhenRetrievedAgainThenOnlyTheMissesGoToTheRetrieverInOneBatchInQueryOrder() {
        Recording inner = new Recording();
        CachingBatchRetriever cache = new CachingBatchRetriever(inner);

        assertThat(ids(cache.retrieveAll(List.of(q("asthma", SemanticType.DISEASE), q("aspirin", null)), 20)))
                .containsExactly("asthma/DISEASE/20", "aspirin/null/20");
        List<List<BatchRetriever.Hit>> again = cache.retrieveAll(List.of(q("gout", SemanticType.DISEASE),
                q("asthma", SemanticType.DISEASE), q("fever", SemanticType.DISEASE), q("aspirin", null)), 20);

        assertThat(ids(again)).containsExactly("gout/DISEASE/20", "asthma/DISEASE/20", "fever/DISEASE/20",
                "aspirin/null/20");
        assertThat(inner.batches).containsExactly(List.of("asthma", "aspirin"), List.of("gout", "fever"));
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.misses()).isEqualTo(4);
        assertThat(cache.retrieveAll(List.of(q("gout", SemanticType.DISEASE)), 20)).hasSize(1);
        assertThat(inner.asked()).isEqualTo(4);
    }

    @Test
    void givenAStringTwiceInOneBatchWhenMissedThenItIsRetrievedOnce() {
        Recording inner = new Recording();
        CachingBatchRetriever cache = new CachingBatchRetriever(inner);

        List<List<BatchRetriever.Hit>> hits = cache.retrieveAll(
                List.of(q("gout", null), q("fever", null), q("gout", null)), 5);

        assertThat(ids(hits)).containsExactly("gout/null/5", "fever/null/5", "gout/null/5");
        assertThat(inner.batches).containsExactly(List.of("gout", "fever"));
    }

    @Test
    void givenACachedStringWhenClearedThenItIsRetrievedAgainAndTheCountsStartFromZero() {
        Recording inner = new Recording();
        CachingBatchRetriever cache = new CachingBatchRetriever(inner);
        cache.retrieveAll(List.of(q("gout", null), q("gout", null)), 5);

        cache.clear();
        cache.retrieveAll(List.of(q("gout", null)), 5);

        assertThat(inner.batches).containsExactly(List.of("gout"), List.of("gout"));
        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void typeAndKArePartOfTheKey() {
        Recording inner = new Recording();
        CachingBatchRetriever cache = new CachingBatchRetriever(inner);

        cache.retrieveAll(List.of(q("lithium", SemanticType.CHEMICAL)), 20);
        List<String> other = ids(cache.retrieveAll(List.of(q("lithium", SemanticType.DRUG), q("lithium", null),
                q("lithium", SemanticType.CHEMICAL)), 20));
        List<String> otherK = ids(cache.retrieveAll(List.of(q("lithium", SemanticType.CHEMICAL)), 10));

        assertThat(other).containsExactly("lithium/DRUG/20", "lithium/null/20", "lithium/CHEMICAL/20");
        assertThat(otherK).containsExactly("lithium/CHEMICAL/10");
        assertThat(inner.asked()).isEqualTo(4);
    }

    @Test
    void givenMoreStringsThanTheCapacityThenTheLeastRecentlyUsedAreEvictedAndTheSizeStaysBounded() {
        Recording inner = new Recording();
        CachingBatchRetriever cache = new CachingBatchRetriever(inner, 3);

        cache.retrieveAll(List.of(q("a", null), q("b", null), q("c", null)), 20);
        cache.retrieveAll(List.of(q("a", null)), 20); // a is now the most recently used
        cache.retrieveAll(List.of(q("d", null)), 20); // evicts b
        assertThat(cache.size()).isEqualTo(3);
        int asked = inner.asked();

        cache.retrieveAll(List.of(q("a", null), q("c", null), q("d", null)), 20);
        assertThat(inner.asked()).isEqualTo(asked);
        cache.retrieveAll(List.of(q("b", null)), 20);
        assertThat(inner.asked()).isEqualTo(asked + 1);

        // a batch larger than the capacity is still answered in full
        List<BatchRetriever.Query> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(q("s" + i, null));
        }
        assertThat(ids(cache.retrieveAll(many, 20))).hasSize(10).allSatisfy(id -> assertThat(id).endsWith("/null/20"));
        assertThat(cache.size()).isEqualTo(3);
        assertThatThrownBy(() -> new CachingBatchRetriever(inner, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenManyThreadsWhenRetrievingThenEveryAnswerIsTheRetrieversAndTheBoundHolds() throws Exception {
        Recording inner = new Recording();
        CachingBatchRetriever cache = new CachingBatchRetriever(inner, 50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    for (int i = 0; i < 500; i++) {
                        List<BatchRetriever.Query> batch = new ArrayList<>();
                        for (int j = 0; j < 4; j++) {
                            batch.add(q("m" + random.nextInt(120), null));
                        }
                        List<List<BatchRetriever.Hit>> hits = cache.retrieveAll(batch, 20);
                        for (int j = 0; j < batch.size(); j++) {
                            if (!hits.get(j).get(0).conceptId().equals(batch.get(j).text() + "/null/20")) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(50);
        assertThat(cache.hits() + cache.misses()).isEqualTo(8 * 500 * 4);
    }
}
