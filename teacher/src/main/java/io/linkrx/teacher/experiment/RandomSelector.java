package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The baseline: mentions chosen uniformly at random (seeded). */
final class RandomSelector implements MentionSelector {
    private final Random random;

    RandomSelector(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public List<LinkedPoolMention> select(List<LinkedPoolMention> unlabelled, int n) {
        List<LinkedPoolMention> shuffled = new ArrayList<>(unlabelled);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(n, shuffled.size())));
    }

    @Override
    public int lastUncertain() {
        return 0;
    }

    @Override
    public String name() {
        return "random";
    }
}
