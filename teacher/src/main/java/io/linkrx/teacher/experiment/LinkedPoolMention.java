package io.linkrx.teacher.experiment;

import io.linkrx.link.LinkedMention;

/** A pool mention as the current student links it. */
record LinkedPoolMention(PoolMention pool, LinkedMention linked) {
    /** True when the student's top-1 concept is not one of the gold ids (what the teacher would correct). */
    boolean studentWrong() {
        return linked.best().map(b -> !pool.gold().contains(b.conceptId())).orElse(true);
    }
}
