package io.linkrx.assertion;

import java.util.Locale;
import java.util.Set;

/**
 * The clause around a mention: the scope in which triggers can reach it. Clauses end at sentence ends,
 * line breaks, ';' and known section headers; termination words inside a clause are handled by the
 * detector.
 */
final class ClauseBounds {
    private static final int MAX_SCAN = 1000;
    /** Words whose trailing period does not end a sentence ("PE vs. pneumonia"). */
    private static final Set<String> NO_STOP_ABBREVIATIONS = Set.of("vs", "dr", "mr", "mrs", "ms", "st", "approx",
            "e.g", "i.e", "etc", "pt", "hx", "h/o", "s/p", "r/o", "b.i.d", "t.i.d", "q.i.d", "p.o", "q.d");

    private final SectionHeaders headers;

    ClauseBounds(SectionHeaders headers) {
        this.headers = headers;
    }

    /** First char of the clause containing a mention starting at {@code begin}. */
    int start(String text, int begin) {
        int limit = Math.max(0, begin - MAX_SCAN);
        for (int p = begin - 1; p >= limit; p--) {
            char c = text.charAt(p);
            if (c == '\n' || c == '\r' || c == ';' || sentenceEnd(text, p)
                    || c == ':' && headers.headerAt(text, p, true) != null) {
                return p + 1;
            }
        }
        return limit;
    }

    /** End (exclusive) of the clause containing a mention ending at {@code end}. */
    int end(String text, int end) {
        int limit = Math.min(text.length(), end + MAX_SCAN);
        for (int p = end; p < limit; p++) {
            char c = text.charAt(p);
            if (c == '\n' || c == '\r' || c == ';' || sentenceEnd(text, p)) {
                return p;
            }
            if (c == ':') {
                SectionHeaders.Header h = headers.headerAt(text, p, true);
                if (h != null) {
                    return Math.max(end, h.begin());
                }
            }
        }
        return limit;
    }

    /** True when a sentence ends in {@code text[from, to)}. */
    static boolean sentenceEndIn(String text, int from, int to) {
        for (int p = from; p < to; p++) {
            if (sentenceEnd(text, p)) {
                return true;
            }
        }
        return false;
    }

    static boolean sentenceEnd(String text, int p) {
        char c = text.charAt(p);
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        if (p + 1 < text.length() && !Character.isWhitespace(text.charAt(p + 1))) {
            return false;
        }
        return c != '.' || !NO_STOP_ABBREVIATIONS.contains(wordBefore(text, p));
    }

    private static String wordBefore(String text, int p) {
        int s = p;
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1)) && p - s < 8) {
            s--;
        }
        return text.substring(s, p).toLowerCase(Locale.ROOT);
    }
}
