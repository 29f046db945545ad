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
    public List<Choice> select(List<LinkedPoolMention> unlabelled, int n, AskedTexts asked) {
        List<LinkedPoolMention> shuffled = new ArrayList<>(unlabelled);
        Collections.shuffle(shuffled, random);
        List<Choice> out = new ArrayList<>(n);
        for (int i = 0; i < shuffled.size() && out.size() < n; i++) {
            if (asked.take(shuffled.get(i))) {
                out.add(new Choice(shuffled.get(i), false));
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "random";
    }
}
