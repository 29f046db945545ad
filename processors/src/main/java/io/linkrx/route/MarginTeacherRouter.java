package io.linkrx.route;

import java.util.Optional;

import io.linkrx.rerank.RankedMention;

/**
 * Uncertainty sampling for the teacher: routes NIL mentions, mentions whose best score is below
 * {@code minScore}, and mentions whose top-2 margin is below {@code minMargin}. Priority is the relative
 * shortfall (1.0 for NIL; (min - value) / min otherwise, the larger one when both fall short), so the
 * cases furthest from confident are asked first.
 */
public final class MarginTeacherRouter {
    private final double minScore;
    private final double minMargin;

    /** Router with thresholds in [0, 1]. */
    public MarginTeacherRouter(double minScore, double minMargin) {
        this.minScore = check("minScore", minScore);
        this.minMargin = check("minMargin", minMargin);
    }

    /** A decision when the mention should go to the teacher, empty when the link is confident. */
    public Optional<RoutingDecision> route(RankedMention m) {
        if (m.nil() || m.best().isEmpty()) {
            return Optional.of(new RoutingDecision(UncertaintyReason.NIL, 1.0));
        }
        double scoreShortfall = shortfall(m.best().get().score(), minScore);
        double marginShortfall = shortfall(m.margin(), minMargin);
        if (scoreShortfall > 0) {
            return Optional.of(new RoutingDecision(UncertaintyReason.LOW_SCORE,
                    Math.max(scoreShortfall, marginShortfall)));
        }
        if (marginShortfall > 0) {
            return Optional.of(new RoutingDecision(UncertaintyReason.SMALL_MARGIN, marginShortfall));
        }
        return Optional.empty();
    }

    /** Relative distance below the threshold in (0, 1], or 0 when the value reaches it. */
    private static double shortfall(double value, double threshold) {
        if (value >= threshold || threshold == 0) {
            return 0.0;
        }
        return Math.min(1.0, (threshold - Math.max(0.0, value)) / threshold);
    }

    private static double check(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
        return value;
    }
}
