package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.List;

import io.linkrx.text.AmericanSpelling;
import io.linkrx.text.Normalizer;
import io.linkrx.text.Token;

/**
 * Tokens for tagging: every run of letters and digits is a token and every other non-space char is a token of
 * its own. Unlike {@link io.linkrx.text.Tokenizer} punctuation is kept, because brackets, hyphens and slashes
 * are strong context for a sequence model, and nothing joins across a hyphen or apostrophe, because annotated
 * spans stop there ("G6PD-deficient" annotates "G6PD"). Word tokens carry the linkrx normal form in American
 * spelling ("oedema" meets the dictionary's "edema"), punctuation its own char with dashes folded to '-'.
 */
final class TaggerTokenizer {
    private TaggerTokenizer() {
    }

    static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    /** Tokens of {@code text[from, to)} with offsets into {@code text}. */
    static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i = next;
                continue;
            }
            if (!isWordChar(cp)) {
                String s = text.substring(i, next);
                tokens.add(new Token(i, next, s, isDash(cp) ? "-" : s));
                i = next;
                continue;
            }
            int start = i;
            i = next;
            while (i < to) {
                int c = text.codePointAt(i);
                if (!isWordChar(c) && !isMark(c)) {
                    break;
                }
                i += Character.charCount(c);
            }
            String s = text.substring(start, i);
            tokens.add(new Token(start, i, s, AmericanSpelling.of(Normalizer.normalize(s))));
        }
        return tokens;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Index of the last token of an occurrence of {@code s} that starts at token {@code first} and ends at a
     * token end, else -1: "APC" occurs in "APC-deficient" but not in "APCs".
     */
    static int lastTokenOf(String text, List<Token> tokens, int first, String s) {
        int begin = tokens.get(first).begin();
        if (!text.startsWith(s, begin)) {
            return -1;
        }
        int end = begin + s.length();
        for (int k = first; k < tokens.size() && tokens.get(k).begin() < end; k++) {
            if (tokens.get(k).end() == end) {
                return k;
            }
        }
        return -1;
    }

    static boolean isDash(int cp) {
        return cp == '-' || cp >= '\u2010' && cp <= '\u2015' || cp == '\u2212';
    }
}
