package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BatchRetrieverTest {
    @Test
    void unionKeepsTheBestEvidenceOfEachSourcePerConcept() {
        BatchRetriever lexical = (queries, k) -> queries.stream()
                .map(q -> List.of(new BatchRetriever.Hit("A", 0.9, Double.NaN), new BatchRetriever.Hit("B", 0.4, Double.NaN)))
                .toList();
        BatchRetriever dense = (queries, k) -> queries.stream()
                .map(q -> List.of(new BatchRetriever.Hit("B", 0.0, 0.95), new BatchRetriever.Hit("C", 0.0, 0.5)))
                .toList();

        List<List<BatchRetriever.Hit>> hits = BatchRetriever.union(lexical, dense)
                .retrieveAll(List.of(new BatchRetriever.Query("q", null)), 5);

        assertThat(hits.get(0)).extracting(BatchRetriever.Hit::conceptId).containsExactly("B", "A", "C");
        assertThat(hits.get(0).get(0).lexical()).isEqualTo(0.4);
        assertThat(hits.get(0).get(0).dense()).isEqualTo(0.95);
        assertThat(hits.get(0).get(1).dense()).isNaN();
    }
}
