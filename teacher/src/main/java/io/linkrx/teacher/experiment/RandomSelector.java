package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The baseline: mentions in a seeded random order. */
final class RandomSelector implements MentionSelector {
    private final Random random;

    RandomSelector(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public List<Choice> order(List<LinkedPoolMention> unlabelled) {
        List<LinkedPoolMention> shuffled = new ArrayList<>(unlabelled);
        Collections.shuffle(shuffled, random);
        return shuffled.stream().map(m -> new Choice(m, false)).toList();
    }

    @Override
    public String name() {
        return "random";
    }
}
