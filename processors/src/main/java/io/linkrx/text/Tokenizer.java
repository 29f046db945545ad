package io.linkrx.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits text into word tokens with char offsets into the original text.
 *
 * <p>A token is a run of letters and digits, so punctuation at its edges is never part of it. Inside a
 * run a few characters join instead of splitting, because clinical shorthand depends on it: an apostrophe
 * before a letter ("Crohn's"), a period in a decimal ("2.5") or after a single letter ("p.o."), and a
 * slash between single characters ("r/o", "s/p", "h/o"). Hyphens always split, so "non-small" and
 * "non small" tokenise alike.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** Tokenises the whole text. */
    public static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    /** Tokenises {@code text[from, to)}; offsets are still into {@code text}. */
    public static List<Token> tokenize(String text, int from, int to) {
        Objects.requireNonNull(text, "text");
        Objects.checkFromToIndex(from, to, text.length());
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            if (!isWordStart(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int segmentStart = i;
            i += Character.charCount(cp);
            while (i < to) {
                int c = text.codePointAt(i);
                if (isWordStart(c) || isMark(c)) {
                    i += Character.charCount(c);
                } else if (joins(text, i, to, segmentStart)) {
                    i++;
                    segmentStart = i;
                } else {
                    break;
                }
            }
            String tokenText = text.substring(start, i);
            tokens.add(new Token(start, i, tokenText, Normalizer.normalizeToken(tokenText)));
        }
        return tokens;
    }

    private static boolean joins(String text, int i, int to, int segmentStart) {
        char c = text.charAt(i);
        if (i + 1 >= to || !isWordStart(text.codePointAt(i + 1))) {
            return false;
        }
        int segmentLength = i - segmentStart;
        char next = text.charAt(i + 1);
        return switch (c) {
            case '\'', '\u2019' -> Character.isLetter(next);
            case '.' -> Character.isDigit(text.charAt(i - 1)) && Character.isDigit(next)
                    || segmentLength == 1 && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(next);
            case '/' -> segmentLength == 1 && (i + 2 >= to || !isWordStart(text.codePointAt(i + 2)));
            default -> false;
        };
    }

    static boolean isWordStart(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
