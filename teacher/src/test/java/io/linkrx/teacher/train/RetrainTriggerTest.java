package io.linkrx.teacher.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetrainTriggerTest {
    @Test
    void aRetrainRequestForThisModelIsDueOnceThenCleared() {
        RetrainTrigger t = new RetrainTrigger("reranker", 0);

        t.event(ModelEvents.retrainRequested("tagger", "ops", ""));
        assertThat(t.due()).isEmpty();
        t.event(ModelEvents.retrainRequested("reranker", "ops", ""));
        t.event(ModelEvents.retrainRequested("reranker", "cron", ""));

        assertThat(t.due()).contains("RETRAIN_REQUESTED by cron");
        t.cycleRan();
        assertThat(t.due()).isEmpty();
    }

    @Test
    void theTrainersOwnEventsAndLabelsAloneNeverTriggerWhenNotConfigured() {
        RetrainTrigger t = new RetrainTrigger("reranker", 0);

        t.event(ModelEvents.promoted("reranker", "2", "1", "trainer", ""));
        t.labelsArrived(10_000);

        assertThat(t.due()).isEmpty();
    }

    @Test
    void enoughNewLabelsTriggerWhenConfigured() {
        RetrainTrigger t = new RetrainTrigger("reranker", 100);

        t.labelsArrived(60);
        assertThat(t.due()).isEmpty();
        t.labelsArrived(40);
        assertThat(t.due()).contains("100 new labels");
        t.cycleRan();
        t.labelsArrived(99);
        assertThat(t.due()).isEmpty();
    }
}
