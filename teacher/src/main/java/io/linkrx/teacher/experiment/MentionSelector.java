package io.linkrx.teacher.experiment;

import java.util.List;
import java.util.function.Predicate;

import io.linkrx.teacher.LabelAnswer;

/** Chooses which unlabelled mentions the teacher is asked about next. */
interface MentionSelector {
    /** A chosen mention, and whether the selector judged it uncertain (random: never). */
    record Choice(LinkedPoolMention mention, boolean uncertain) {
    }

    /**
     * Up to {@code n} of {@code unlabelled} whose text was not asked before, in the order they are sent; each
     * chosen text is recorded in {@code asked}.
     */
    List<Choice> select(List<LinkedPoolMention> unlabelled, int n, AskedTexts asked);

    /** The teacher's answer about a chosen mention (for selectors that learn from the answers). */
    default void answered(LinkedPoolMention mention, LabelAnswer answer) {
    }

    /** Which concepts the current student saw in training (for routers that read it). */
    default void knows(Predicate<String> knowsConcept) {
    }

    String name();
}
