package io.linkrx.index;

import io.linkrx.text.Normalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A text's normal form ({@link Normalizer}, as everywhere else in linkrx) and its 3-gram and word frequencies.
 * KB names and mentions both go through {@link #of}, so they are analysed identically.
 *
 * @param norm  normalised text; "" when the text has no words
 * @param grams 3-grams of {@code " " + norm + " "} with their counts
 * @param words words of {@code norm} with their counts
 */
record NameTerms(String norm, Map<String, Integer> grams, Map<String, Integer> words) {
    private static final char BOUNDARY = ' ';
    private static final NameAnalyzer ANALYZER = new NameAnalyzer();
    private static final NameTerms EMPTY = new NameTerms("", Map.of(), Map.of());

    static NameTerms of(String text) {
        String norm = Normalizer.normalize(text);
        if (norm.isEmpty()) {
            return EMPTY;
        }
        return new NameTerms(norm, count(IndexFields.GRAMS, BOUNDARY + norm + BOUNDARY), count(IndexFields.WORDS, norm));
    }

    boolean isEmpty() {
        return norm.isEmpty();
    }

    private static Map<String, Integer> count(String field, String text) {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream ts = ANALYZER.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return counts;
    }
}
