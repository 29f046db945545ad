package io.linkrx.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Splits text into sentences without changing it: every sentence is a span of the original text.
 *
 * <p>A sentence ends at a line break, or at '.', '!' or '?' followed by whitespace and then an upper-case
 * letter, a digit or an opening bracket, unless the period closes a common abbreviation ("et al.", "e.g.",
 * "vs.") or an initial ("J. Smith"). Deliberately simple: biomedical abstracts and notes rarely need more,
 * and a missed split only makes a sentence longer. Spans are trimmed of surrounding whitespace; blank
 * sentences are dropped. Stateless and thread-safe.
 */
public final class SentenceSplitter {
    /** Words whose trailing period rarely ends a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("al", "e.g", "i.e", "vs", "cf", "ca", "approx", "dr",
            "mr", "mrs", "ms", "prof", "st", "fig", "figs", "no", "nos", "vol", "ref", "refs", "eq", "resp", "inc",
            "ltd", "co", "sp", "spp", "var", "ssp");

    /** A sentence: {@code text[begin, end)}. */
    public record Span(int begin, int end) {
        public Span {
            if (begin < 0 || end < begin) {
                throw new IllegalArgumentException("invalid sentence span [" + begin + ", " + end + ")");
            }
        }
    }

    private SentenceSplitter() {
    }

    /** The sentences of {@code text} in order. */
    public static List<Span> split(String text) {
        Objects.requireNonNull(text, "text");
        List<Span> sentences = new ArrayList<>();
        int start = 0;
        for (int p = 0; p < text.length(); p++) {
            char c = text.charAt(p);
            if (c == '\n' || c == '\r') {
                add(text, start, p, sentences);
                start = p + 1;
            } else if (endsSentence(text, p)) {
                add(text, start, p + 1, sentences);
                start = p + 1;
            }
        }
        add(text, start, text.length(), sentences);
        return sentences;
    }

    private static boolean endsSentence(String text, int p) {
        char c = text.charAt(p);
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        int next = p + 1;
        if (next >= text.length() || !Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        if (next >= text.length()) {
            return true;
        }
        char following = text.charAt(next);
        if (!Character.isUpperCase(following) && !Character.isDigit(following) && following != '('
                && following != '[' && following != '\n' && following != '\r') {
            return false;
        }
        return c != '.' || !abbreviationBefore(text, p);
    }

    private static boolean abbreviationBefore(String text, int period) {
        int s = period;
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1)) && text.charAt(s - 1) != '(') {
            s--;
        }
        String word = text.substring(s, period);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(String text, int from, int to, List<Span> out) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            out.add(new Span(from, to));
        }
    }
}
