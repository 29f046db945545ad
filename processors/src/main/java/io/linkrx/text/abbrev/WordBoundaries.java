package io.linkrx.text.abbrev;

/** Whole-word occurrence tests: a word is delimited by non-alphanumerics or the ends of the string. */
final class WordBoundaries {
    private WordBoundaries() {
    }

    /** True when {@code s[begin, end)} is not glued to a letter or digit on either side. */
    static boolean isWordAt(String s, int begin, int end) {
        return (begin == 0 || !Character.isLetterOrDigit(s.charAt(begin - 1)))
                && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)));
    }

    /** True when {@code word} occurs in {@code s} as a whole word. */
    static boolean containsWord(String s, String word) {
        for (int p = s.indexOf(word); p >= 0; p = s.indexOf(word, p + 1)) {
            if (isWordAt(s, p, p + word.length())) {
                return true;
            }
        }
        return false;
    }
}
