package io.linkrx.teacher.train;

import java.util.Optional;

import io.linkrx.schema.ModelEvent;

/**
 * When the trainer retrains its model: on a RETRAIN_REQUESTED event for that model (several pending requests make
 * one cycle), or, when {@code afterLabels > 0}, once that many labels arrived since the last cycle.
 */
final class RetrainTrigger {
    private final String model;
    private final int afterLabels;
    private int newLabels;
    private String requested;

    RetrainTrigger(String model, int afterLabels) {
        this.model = model;
        this.afterLabels = afterLabels;
    }

    void labelsArrived(int n) {
        newLabels += n;
    }

    void event(ModelEvent e) {
        if (e != null && ModelEvents.RETRAIN_REQUESTED.equals(e.getEventType()) && model.equals(e.getModelName())) {
            requested = "RETRAIN_REQUESTED by " + (e.getActor() == null || e.getActor().isBlank() ? "?" : e.getActor());
        }
    }

    /** Why a cycle is due now, if one is. */
    Optional<String> due() {
        if (requested != null) {
            return Optional.of(requested);
        }
        if (afterLabels > 0 && newLabels >= afterLabels) {
            return Optional.of(newLabels + " new labels");
        }
        return Optional.empty();
    }

    /** A cycle ran (or failed): requests and label counts start again. */
    void cycleRan() {
        requested = null;
        newLabels = 0;
    }
}
