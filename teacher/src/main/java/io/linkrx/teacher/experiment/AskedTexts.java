package io.linkrx.teacher.experiment;

import java.util.HashSet;
import java.util.Set;

import io.linkrx.text.Normalizer;

/**
 * Mention texts already sent to the teacher in a run: like the app's request gate, a text (normalised, with its
 * semantic type) is asked about once; one label of a text already teaches the mention dictionary every occurrence.
 */
final class AskedTexts {
    private final Set<String> asked = new HashSet<>();

    /** True, and remembered, when the mention's text was not asked before. */
    boolean take(LinkedPoolMention m) {
        return asked.add(key(m));
    }

    boolean contains(LinkedPoolMention m) {
        return asked.contains(key(m));
    }

    static String key(LinkedPoolMention m) {
        return m.pool().mention().type() + "|" + Normalizer.normalize(m.pool().mention().text());
    }
}
