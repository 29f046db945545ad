package io.linkrx.teacher.experiment;

import java.util.List;

/** Orders unlabelled mentions by which the teacher should be asked about first. */
interface MentionSelector {
    /** A mention in the selector's order, and whether the selector judged it uncertain (random: never). */
    record Choice(LinkedPoolMention mention, boolean uncertain) {
    }

    /** Every one of {@code unlabelled}, in the order they would be sent to the teacher. */
    List<Choice> order(List<LinkedPoolMention> unlabelled);

    String name();
}
