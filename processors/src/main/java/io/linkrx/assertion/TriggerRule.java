package io.linkrx.assertion;

import java.util.List;
import java.util.Objects;

/**
 * One lexicon entry.
 *
 * @param phrase    the trigger as written in the lexicon
 * @param keys      its normalised tokens, the matching keys
 * @param category  what it does
 * @param direction where it applies
 */
public record TriggerRule(String phrase, List<String> keys, TriggerCategory category, TriggerDirection direction) {
    public TriggerRule {
        Objects.requireNonNull(phrase, "phrase");
        keys = List.copyOf(keys);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(direction, "direction");
    }
}
