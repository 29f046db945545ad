package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.List;

import io.linkrx.text.Normalizer;
import io.linkrx.text.Token;

/**
 * Tokens for tagging: every run of letters and digits is a token and every other non-space char is a token of
 * its own. Unlike {@link io.linkrx.text.Tokenizer} punctuation is kept, because brackets, hyphens and slashes
 * are strong context for a sequence model, and nothing joins across a hyphen or apostrophe, because annotated
 * spans stop there ("G6PD-deficient" annotates "G6PD"). Word tokens carry the linkrx normal form, punctuation
 * its own char with dashes folded to '-'.
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
            tokens.add(new Token(start, i, s, Normalizer.normalize(s)));
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

    static boolean isDash(int cp) {
        return cp == '-' || cp >= '\u2010' && cp <= '\u2015' || cp == '\u2212';
    }
}
