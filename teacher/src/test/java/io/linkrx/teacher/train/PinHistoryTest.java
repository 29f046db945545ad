package io.linkrx.teacher.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkrx.schema.ModelEvent;

class PinHistoryTest {
    private static ModelEvent promoted(String model, String v, String previous) {
        return ModelEvents.promoted(model, v, previous, "trainer", "");
    }

    @Test
    void aRollbackReturnsToTheVersionPinnedBeforeTheCurrentOne() {
        // Given 1 served before 2 was promoted, then 3; a retrain request and another model's events
        List<ModelEvent> events = List.of(promoted("reranker", "2", "1"), promoted("reranker", "3", "2"),
                ModelEvents.retrainRequested("reranker", "ops", ""), promoted("tagger", "9", "8"));

        PinHistory h = PinHistory.of("reranker", events);

        assertThat(h.current()).contains("3");
        assertThat(h.rollbackTarget()).contains("2");
    }

    @Test
    void repeatedRollbacksWalkBackThroughThePromotions() {
        List<ModelEvent> events = List.of(promoted("reranker", "2", "1"), promoted("reranker", "3", "2"),
                ModelEvents.rolledBack("reranker", "3", "2", "ops", ""));

        PinHistory h = PinHistory.of("reranker", events);

        assertThat(h.current()).contains("2");
        assertThat(h.rollbackTarget()).contains("1");
    }

    @Test
    void aRollbackToAVersionNeverPinnedPinsItOnTop() {
        PinHistory h = PinHistory.of("reranker", List.of(promoted("reranker", "3", null),
                ModelEvents.rolledBack("reranker", "3", "1", "ops", "")));

        assertThat(h.current()).contains("1");
        assertThat(h.rollbackTarget()).contains("3");
    }

    @Test
    void withoutEventsThereIsNothingToRollBackTo() {
        PinHistory h = PinHistory.of("reranker", List.of(promoted("reranker", "1", null)));

        assertThat(h.current()).contains("1");
        assertThat(h.rollbackTarget()).isEmpty();
    }
}
