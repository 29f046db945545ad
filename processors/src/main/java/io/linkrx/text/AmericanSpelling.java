package io.linkrx.text;

/**
 * British spellings of medical words in American form: "anaemia" = "anemia", "oedema" = "edema", "diarrhoea" =
 * "diarrhea", "leucocyte" = "leukocyte". Applied alike to mentions, names and tagger tokens, so an odd word it folds
 * ("coenzyme") still only meets itself.
 */
public final class AmericanSpelling {
    /** Shorter words are left alone: "toe", "aloe" and their kind are not British spellings. */
    private static final int MIN_LENGTH = 5;

    private AmericanSpelling() {
    }

    /** The lower-case word in American spelling. */
    public static String of(String word) {
        if (word.length() < MIN_LENGTH) {
            return word;
        }
        String w = word.startsWith("leuc") ? "leuk" + word.substring(4) : word;
        return w.indexOf("ae") < 0 && w.indexOf("oe") < 0 ? w : w.replace("ae", "e").replace("oe", "e");
    }
}
