package io.linkrx.text.abbrev;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.linkrx.text.SentenceSplitter;

/**
 * Finds abbreviation definitions with the algorithm of Schwartz &amp; Hearst (2003), "A simple algorithm for
 * identifying abbreviation definitions in biomedical text".
 *
 * <p>Candidates come from parentheses inside one sentence: "long form (SF)", or "SF (long form)" when the
 * parenthesised text has more than two words. A short form has 2-10 chars, at most two words, starts with a
 * letter or digit and contains a letter; in the "SF (long form)" pattern it also needs an upper-case letter,
 * since the word before a parenthesis is otherwise just prose. Beyond the paper, a single capital letter is a
 * short form in the "long form (SF)" pattern ("testosterone (T)": common in pharmacology abstracts), the short
 * form ends at ",", ";" or ":" inside the parentheses ("(PB: 15 mg per rat)"), and a long form whose words'
 * initials spell the short form is preferred to the shortest match ("combined oral contraceptives (COCs)").
 * Otherwise the long form is searched within min(|SF| + 5, 2 |SF|) words before the parenthesis, matching the
 * short form's letters and digits right to left, case-insensitively, where the first one must start a word of
 * the long form; the shortest such long form wins. Stateless and thread-safe.
 */
public final class AbbreviationDetector {
    private static final int MIN_SHORT = 2;
    private static final int MAX_SHORT = 10;
    private static final int MAX_SHORT_WORDS = 2;

    /** Definitions in text order. */
    public List<AbbreviationDefinition> detect(String text) {
        Objects.requireNonNull(text, "text");
        List<AbbreviationDefinition> found = new ArrayList<>();
        for (SentenceSplitter.Span sentence : SentenceSplitter.split(text)) {
            int from = sentence.begin();
            int open;
            while ((open = text.indexOf('(', from)) >= 0 && open < sentence.end()) {
                int close = matchingClose(text, open, sentence.end());
                if (close < 0) {
                    break;
                }
                if (open > sentence.begin() && Character.isWhitespace(text.charAt(open - 1))) {
                    AbbreviationDefinition d = candidate(text, sentence.begin(), open, close);
                    if (d != null) {
                        found.add(d);
                    }
                }
                from = close + 1;
            }
        }
        return found;
    }

    /** Tries both patterns for the parentheses {@code text[open, close]}. */
    private static AbbreviationDefinition candidate(String text, int sentenceBegin, int open, int close) {
        int innerBegin = skipSpaces(text, open + 1, close);
        int innerEnd = cutAtSeparator(text, innerBegin, close);
        innerEnd = trimEnd(text, innerBegin, innerEnd);
        if (innerEnd <= innerBegin) {
            return null;
        }
        int beforeEnd = trimEnd(text, sentenceBegin, open);
        if (wordCount(text, innerBegin, innerEnd) <= MAX_SHORT_WORDS && innerEnd - innerBegin <= beforeEnd - sentenceBegin) {
            // long form (SF)
            if (!validShortForm(text, innerBegin, innerEnd) && !singleCapital(text, innerBegin, innerEnd)) {
                return null;
            }
            int clauseBegin = clauseStart(text, sentenceBegin, beforeEnd);
            int lfEnd = trimTrailingPunctuation(text, clauseBegin, beforeEnd);
            int windowBegin = windowStart(text, clauseBegin, lfEnd, maxLongWords(text, innerBegin, innerEnd));
            return define(text, innerBegin, innerEnd, windowBegin, lfEnd);
        }
        // SF (long form): the short form is the word before the parenthesis
        int sfBegin = beforeEnd;
        while (sfBegin > sentenceBegin && !Character.isWhitespace(text.charAt(sfBegin - 1))) {
            sfBegin--;
        }
        if (sfBegin == beforeEnd || !validShortForm(text, sfBegin, beforeEnd) || !hasUpperCase(text, sfBegin, beforeEnd)) {
            return null;
        }
        return define(text, sfBegin, beforeEnd, innerBegin, innerEnd);
    }

    /** The definition when a long form for {@code text[sfBegin, sfEnd)} is found in {@code text[lfFrom, lfTo)}. */
    private static AbbreviationDefinition define(String text, int sfBegin, int sfEnd, int lfFrom, int lfTo) {
        int lfBegin = initialsLongFormStart(text, sfBegin, sfEnd, lfFrom, lfTo);
        if (lfBegin < 0) {
            lfBegin = bestLongFormStart(text, sfBegin, sfEnd, lfFrom, lfTo);
        }
        if (lfBegin < 0) {
            return null;
        }
        String shortForm = text.substring(sfBegin, sfEnd);
        String longForm = text.substring(lfBegin, lfTo);
        return plausible(shortForm, longForm)
                ? new AbbreviationDefinition(shortForm, longForm, sfBegin, sfEnd, lfBegin, lfTo) : null;
    }

    /**
     * True when {@code shortForm} abbreviates all of {@code longForm} by the rules of a definition, without the
     * parentheses: "OAB" spells "overactive bladder" (whose first word its first letter starts), not "bladder".
     */
    public static boolean spells(String shortForm, String longForm) {
        Objects.requireNonNull(shortForm, "shortForm");
        Objects.requireNonNull(longForm, "longForm");
        String text = shortForm + "\n" + longForm;
        int sfEnd = shortForm.length();
        int lfFrom = sfEnd + 1;
        if (sfEnd < MIN_SHORT || sfEnd > MAX_SHORT || longForm.isBlank()) {
            return false;
        }
        int begin = initialsLongFormStart(text, 0, sfEnd, lfFrom, text.length());
        if (begin < 0) {
            begin = bestLongFormStart(text, 0, sfEnd, lfFrom, text.length());
        }
        return begin == lfFrom && plausible(shortForm, longForm);
    }

    /** A long form longer than its short form, without it as a word, and not too many words for it. */
    private static boolean plausible(String shortForm, String longForm) {
        int sfChars = alphanumericCount(shortForm);
        int lfWords = longForm.split("[\\s\\-\u2010\u2011\u2013]+").length;
        return longForm.length() >= shortForm.length() && !WordBoundaries.containsWord(longForm, shortForm)
                && lfWords <= Math.min(2 * sfChars, sfChars + 5);
    }

    /**
     * Start of the shortest long form ending at {@code lfTo}: each letter or digit of the short form, right to
     * left, matches a char of the long form further left; the first must be at a word start. -1 when none.
     */
    static int bestLongFormStart(String text, int sfBegin, int sfEnd, int lfFrom, int lfTo) {
        int firstAlnum = sfBegin;
        while (firstAlnum < sfEnd && !Character.isLetterOrDigit(text.charAt(firstAlnum))) {
            firstAlnum++;
        }
        int l = lfTo - 1;
        for (int s = sfEnd - 1; s >= firstAlnum; s--) {
            char c = Character.toLowerCase(text.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            boolean first = s == firstAlnum;
            while (l >= lfFrom && (Character.toLowerCase(text.charAt(l)) != c
                    || first && l > lfFrom && Character.isLetterOrDigit(text.charAt(l - 1)))) {
                l--;
            }
            if (l < lfFrom) {
                return -1;
            }
            l--;
        }
        return wordStart(text, lfFrom, l + 1);
    }

    /**
     * Start of the long form whose last words' initials spell the short form, -1 when they do not: in "combined
     * oral contraceptives (COCs)" the shortest match of {@link #bestLongFormStart} is "contraceptives" alone
     * (c-o-c all occur in it), while the initials name all three words. Words are separated by anything but
     * letters and digits; a plural "s" ending an upper-case short form is not an initial.
     */
    static int initialsLongFormStart(String text, int sfBegin, int sfEnd, int lfFrom, int lfTo) {
        String sf = text.substring(sfBegin, sfEnd);
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < sf.length(); i++) {
            if (Character.isLetterOrDigit(sf.charAt(i))) {
                initials.append(Character.toLowerCase(sf.charAt(i)));
            }
        }
        if (initials.length() > 2 && sf.endsWith("s") && Character.isUpperCase(sf.charAt(sf.length() - 2))) {
            initials.setLength(initials.length() - 1);
        }
        if (initials.length() < 2) {
            return -1;
        }
        int p = lfTo;
        for (int i = initials.length() - 1; i >= 0; i--) {
            while (p > lfFrom && !Character.isLetterOrDigit(text.charAt(p - 1))) {
                p--;
            }
            if (p == lfFrom) {
                return -1;
            }
            while (p > lfFrom && Character.isLetterOrDigit(text.charAt(p - 1))) {
                p--;
            }
            if (Character.toLowerCase(text.charAt(p)) != initials.charAt(i)) {
                return -1;
            }
        }
        return wordStart(text, lfFrom, p);
    }

    /**
     * The start of the whitespace-separated word holding {@code p}, not before {@code from}: a long form starts
     * with a whole word.
     */
    private static int wordStart(String text, int from, int p) {
        while (p > from && !Character.isWhitespace(text.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    private static boolean validShortForm(String text, int begin, int end) {
        int length = end - begin;
        return length >= MIN_SHORT && length <= MAX_SHORT
                && wordCount(text, begin, end) <= MAX_SHORT_WORDS
                && Character.isLetterOrDigit(text.charAt(begin))
                && text.substring(begin, end).chars().anyMatch(Character::isLetter);
    }

    /** "testosterone (T)": one capital letter is a short form only in this pattern, never before a parenthesis. */
    private static boolean singleCapital(String text, int begin, int end) {
        return end - begin == 1 && Character.isUpperCase(text.charAt(begin));
    }

    private static int maxLongWords(String text, int sfBegin, int sfEnd) {
        int n = alphanumericCount(text.substring(sfBegin, sfEnd));
        return Math.min(n + 5, 2 * n);
    }

    /** Start of the {@code words}-th whitespace-separated word before {@code end}, not before {@code from}. */
    private static int windowStart(String text, int from, int end, int words) {
        int p = end;
        for (int w = 0; w < words && p > from; w++) {
            while (p > from && Character.isWhitespace(text.charAt(p - 1))) {
                p--;
            }
            while (p > from && !Character.isWhitespace(text.charAt(p - 1))) {
                p--;
            }
        }
        return p;
    }

    /**
     * Where the long form may start at the earliest: after the last ';' or ':' or the end of an earlier
     * parenthetical, so "500 mg (group G), and a placebo (group P)" does not define "group P".
     */
    private static int clauseStart(String text, int from, int to) {
        for (int p = to - 1; p >= from; p--) {
            char c = text.charAt(p);
            if (c == ';' || c == ':' || c == ')' && (p + 1 >= to || !Character.isLetterOrDigit(text.charAt(p + 1)))) {
                return p + 1;
            }
        }
        return from;
    }

    /** "puromycin aminonucleoside, (PAN, 7.5 mg/kg)": the long form ends before the comma. */
    private static int trimTrailingPunctuation(String text, int from, int to) {
        while (to > from && (",;:".indexOf(text.charAt(to - 1)) >= 0 || Character.isWhitespace(text.charAt(to - 1)))) {
            to--;
        }
        return to;
    }

    /** The ')' closing {@code text[open]} before {@code limit}, nesting-aware; -1 when unbalanced. */
    private static int matchingClose(String text, int open, int limit) {
        int depth = 0;
        for (int p = open; p < limit; p++) {
            char c = text.charAt(p);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return p;
            }
        }
        return -1;
    }

    /** "(HNPCC; OMIM 120435)", "(SF, see below)" and "(PB: 15 mg)": the short form ends at the separator. */
    private static int cutAtSeparator(String text, int from, int to) {
        for (int p = from; p + 1 < to; p++) {
            char c = text.charAt(p);
            if ((c == ',' || c == ';' || c == ':') && Character.isWhitespace(text.charAt(p + 1))) {
                return p;
            }
        }
        return to;
    }

    private static int skipSpaces(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static int wordCount(String text, int begin, int end) {
        int words = 0;
        boolean inWord = false;
        for (int p = begin; p < end; p++) {
            boolean space = Character.isWhitespace(text.charAt(p));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private static boolean hasUpperCase(String text, int begin, int end) {
        return text.substring(begin, end).chars().anyMatch(Character::isUpperCase);
    }

    private static int alphanumericCount(String s) {
        return (int) s.chars().filter(Character::isLetterOrDigit).count();
    }
}
