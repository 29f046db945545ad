package io.linkrx.extract;

import java.util.List;

/** Finds concept mentions in a note. Implementations are thread-safe. */
public interface MentionExtractor {
    /** Mentions in text order, without overlaps. */
    List<Mention> extract(String text);
}
