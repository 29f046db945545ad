package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Routing with exploration: of every batch, a fraction goes to mentions drawn at random (the router's confident
 * ones included), the rest to the routed order. Uncertainty sampling alone asks only about the hard tail, so the
 * student's training mix drifts away from the mentions it will see; the random share keeps the mix representative
 * (and measures how often confident links are wrong).
 */
final class ExploringSelector implements MentionSelector {
    private final MentionSelector routed;
    private final MentionSelector random;
    private final double explore;

    /** @param explore the share of each batch drawn at random, in [0, 1] */
    ExploringSelector(MentionSelector routed, MentionSelector random, double explore) {
        if (!(explore >= 0 && explore <= 1)) {
            throw new IllegalArgumentException("the exploration share must be in [0, 1], was " + explore);
        }
        this.routed = routed;
        this.random = random;
        this.explore = explore;
    }

    @Override
    public List<Choice> select(List<LinkedPoolMention> unlabelled, int n, AskedTexts asked) {
        int exploring = (int) Math.round(n * explore);
        List<Choice> out = new ArrayList<>(routed.select(unlabelled, n - exploring, asked));
        out.addAll(random.select(unlabelled, n - out.size(), asked));
        return out;
    }

    @Override
    public void knows(Predicate<String> knowsConcept) {
        routed.knows(knowsConcept);
    }

    @Override
    public String name() {
        return routed.name() + "-explore";
    }
}
