package io.linkrx.teacher.experiment;

import java.util.List;

/** Chooses which unlabelled mentions the teacher is asked about next. */
interface MentionSelector {
    /** Up to {@code n} of {@code unlabelled}, in the order they would be sent. */
    List<LinkedPoolMention> select(List<LinkedPoolMention> unlabelled, int n);

    /** How many of the last selection the selector itself judged uncertain (random: 0). */
    int lastUncertain();

    String name();
}
