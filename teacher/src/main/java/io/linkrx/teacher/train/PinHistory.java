package io.linkrx.teacher.train;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.linkrx.schema.ModelEvent;

/**
 * Which versions of a model were pinned, in order, read from its model events: PROMOTED pins modelVersion,
 * ROLLED_BACK pins previousVersion (as the sidecar's follower applies them). A rollback goes back to the version
 * pinned before the current one, so repeated rollbacks walk back through the promotions.
 */
public final class PinHistory {
    private final Deque<String> pins = new ArrayDeque<>();

    public static PinHistory of(String model, List<ModelEvent> events) {
        PinHistory h = new PinHistory();
        for (ModelEvent e : events) {
            if (model.equals(e.getModelName())) {
                h.apply(e);
            }
        }
        return h;
    }

    private void apply(ModelEvent e) {
        if (ModelEvents.PROMOTED.equals(e.getEventType()) && present(e.getModelVersion())) {
            if (pins.isEmpty() && present(e.getPreviousVersion())) {
                pins.push(e.getPreviousVersion());
            }
            if (!e.getModelVersion().equals(pins.peek())) {
                pins.push(e.getModelVersion());
            }
        } else if (ModelEvents.ROLLED_BACK.equals(e.getEventType()) && present(e.getPreviousVersion())) {
            String to = e.getPreviousVersion();
            if (pins.contains(to)) {
                while (!to.equals(pins.peek())) {
                    pins.pop();
                }
            } else {
                pins.push(to);
            }
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** The version the events pin now. */
    public Optional<String> current() {
        return Optional.ofNullable(pins.peek());
    }

    /** The version a rollback returns to: the one pinned before the current one. */
    public Optional<String> rollbackTarget() {
        return pins.stream().skip(1).findFirst();
    }
}
