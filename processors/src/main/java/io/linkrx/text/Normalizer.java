package io.linkrx.text;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Normal form used everywhere text is compared with knowledge-base names: Unicode NFKC, lower case,
 * typographic apostrophes folded, possessive "'s" dropped ("Crohn's" = "Crohn") and simple English
 * plurals folded ("cancers" = "cancer", while "diabetes" stays).
 */
public final class Normalizer {
    private Normalizer() {
    }

    /** The norms of the phrase's tokens joined by single spaces; "" for a phrase without words. */
    public static String normalize(String phrase) {
        List<Token> tokens = Tokenizer.tokenize(phrase);
        if (tokens.size() == 1) {
            return tokens.get(0).norm();
        }
        return tokens.stream().map(Token::norm).collect(Collectors.joining(" "));
    }

    /** The normal forms of these phrases: non-empty, distinct, in the phrases' order. */
    public static Set<String> normalizeAll(Collection<String> phrases) {
        Set<String> out = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String norm = normalize(phrase);
            if (!norm.isEmpty()) {
                out.add(norm);
            }
        }
        return out;
    }

    /** Normal form of one token's text. */
    static String normalizeToken(String tokenText) {
        String s = java.text.Normalizer.normalize(tokenText, java.text.Normalizer.Form.NFKC)
                .replace('\u2019', '\'')
                .toLowerCase(Locale.ROOT);
        if (s.endsWith("'s")) {
            s = s.substring(0, s.length() - 2);
        }
        // short all-caps words are acronyms ("AIDS", "SARS"): an "s" there is not a plural
        if (tokenText.length() <= 4 && isUpperCaseWord(tokenText)) {
            return s;
        }
        return PluralFolder.singular(s);
    }

    private static boolean isUpperCaseWord(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter && s.length() > 1;
    }
}
