package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.linkrx.link.ScoredConcept;
import io.linkrx.teacher.LabelAnswer;

/**
 * Routing and random sampling as two arms of a bandit, each batch split between them by what their labels have
 * fixed so far ("active learning by learning", Hsu &amp; Lin 2015). Uncertainty order asks about the hard, rare
 * texts first; random draws follow the stream's frequencies, so they reach the frequent texts the student gets
 * wrong with confidence. Which pays more changes as labels accumulate, and the teacher's answers tell: a label's
 * reward is the number of still-unlabelled occurrences of its text whose student link differs from the answer
 * (one label fixes them all through the mention dictionary); a NIL answer fixes nothing. No gold is read.
 */
final class AdaptiveSelector implements MentionSelector {
    /** Prior answers per arm: routing is expected to pay {@link #ROUTED_PRIOR} fix per label, random a quarter. */
    static final double PRIOR_LABELS = 20;
    static final double ROUTED_PRIOR = 1.0;
    static final double RANDOM_PRIOR = 0.25;
    /** The least share of a batch either arm gets in the experiment. */
    static final double FLOOR = 0.1;

    private final MentionSelector routed;
    private final MentionSelector random;
    private final double floor;
    /** Per arm (0 routed, 1 random): {fixes, labels}, priors included. */
    private final double[][] rewards = {
        {ROUTED_PRIOR * PRIOR_LABELS, PRIOR_LABELS}, {RANDOM_PRIOR * PRIOR_LABELS, PRIOR_LABELS}};
    private final Map<LinkedPoolMention, Integer> armOfAsked = new IdentityHashMap<>();
    private Map<String, List<LinkedPoolMention>> unlabelledByText = Map.of();

    /** @param floor the least share of a batch either arm gets, in [0, 0.5], so each keeps being measured */
    AdaptiveSelector(MentionSelector routed, MentionSelector random, double floor) {
        if (!(floor >= 0 && floor <= 0.5)) {
            throw new IllegalArgumentException("the floor share must be in [0, 0.5], was " + floor);
        }
        this.routed = routed;
        this.random = random;
        this.floor = floor;
    }

    @Override
    public List<Choice> select(List<LinkedPoolMention> unlabelled, int n, AskedTexts asked) {
        Map<String, List<LinkedPoolMention>> byText = new HashMap<>();
        for (LinkedPoolMention m : unlabelled) {
            byText.computeIfAbsent(AskedTexts.key(m), k -> new ArrayList<>()).add(m);
        }
        unlabelledByText = byText;
        int toRouted = (int) Math.round(n * routedShare());
        List<Choice> out = new ArrayList<>(routed.select(unlabelled, toRouted, asked));
        out.forEach(c -> armOfAsked.put(c.mention(), 0));
        List<Choice> drawn = random.select(unlabelled, n - out.size(), asked);
        drawn.forEach(c -> armOfAsked.put(c.mention(), 1));
        out.addAll(drawn);
        return out;
    }

    /** The routed arm's share of the next batch: its part of the two arms' mean rewards, within the floor. */
    double routedShare() {
        double r = mean(0);
        double x = mean(1);
        double share = r + x == 0 ? 0.5 : r / (r + x);
        return Math.max(floor, Math.min(1 - floor, share));
    }

    private double mean(int arm) {
        return rewards[arm][0] / rewards[arm][1];
    }

    @Override
    public void answered(LinkedPoolMention mention, LabelAnswer answer) {
        Integer arm = armOfAsked.remove(mention);
        if (arm == null) {
            return;
        }
        rewards[arm][0] += fixes(mention, answer);
        rewards[arm][1] += 1;
    }

    /** Unlabelled occurrences of the mention's text whose student link is not the teacher's answer. */
    int fixes(LinkedPoolMention mention, LabelAnswer answer) {
        if (answer.nil()) {
            return 0;
        }
        int fixed = 0;
        for (LinkedPoolMention m : unlabelledByText.getOrDefault(AskedTexts.key(mention), List.of(mention))) {
            String top = m.linked().best().map(ScoredConcept::conceptId).orElse(null);
            fixed += answer.conceptId().equals(top) ? 0 : 1;
        }
        return fixed;
    }

    @Override
    public void knows(Predicate<String> knowsConcept) {
        routed.knows(knowsConcept);
        random.knows(knowsConcept);
    }

    @Override
    public String name() {
        return "adaptive";
    }
}
