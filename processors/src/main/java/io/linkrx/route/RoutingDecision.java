package io.linkrx.route;

import java.util.Objects;

/**
 * A request to send a mention to the teacher.
 *
 * @param reason   why it is uncertain
 * @param priority in [0, 1]; higher is asked sooner when the teacher budget is limited
 */
public record RoutingDecision(UncertaintyReason reason, double priority) {
    public RoutingDecision {
        Objects.requireNonNull(reason, "reason");
        if (!(priority >= 0.0 && priority <= 1.0)) {
            throw new IllegalArgumentException("priority must be in [0, 1], was " + priority);
        }
    }
}
