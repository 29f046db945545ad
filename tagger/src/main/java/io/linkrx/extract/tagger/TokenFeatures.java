package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.linkrx.kb.SemanticType;
import io.linkrx.text.AmericanSpelling;
import io.linkrx.text.Token;

/**
 * Feature names of each token of a sentence: the word, its shape, affixes, case and digit flags, the
 * neighbouring words with their shapes and suffixes, dictionary B/I tags (own and neighbours'), the tree branches
 * of the matched names' concepts, how common the word is in dictionary names, and abbreviation features. Changing
 * what is extracted changes {@link #VERSION}, since a model only understands the features it was trained on.
 */
final class TokenFeatures {
    /** Version of the feature set, recorded in every model. */
    static final String VERSION = "3";

    private static final int WINDOW = 2;
    /** Prefixes and suffixes of 2 to 5 chars: "-coxib", "-mycin", "-emia" carry the type of unseen words. */
    private static final int MAX_AFFIX = 5;
    private static final String BEFORE = "<s>";
    private static final String AFTER = "</s>";

    private TokenFeatures() {
    }

    /**
     * @param abbreviations abbreviation features by token begin offset (see {@link AbbreviationFeatures})
     */
    static List<List<String>> extract(String text, List<Token> tokens, TaggerDictionary names,
                                      Map<Integer, List<String>> abbreviations) {
        TaggerDictionary.Matches matches = names.match(tokens);
        Map<SemanticType, TaggerDictionary.Tag[]> dictionary = matches.tags();
        List<Set<String>> branches = matches.branches();
        // British spellings share the weights of the American ones, which the training corpora mostly use
        List<String> lower = tokens.stream().map(t -> AmericanSpelling.of(t.text().toLowerCase(Locale.ROOT))).toList();
        List<List<String>> all = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Set<String> f = new LinkedHashSet<>();
            f.add("b"); // never empty: Tribuo rejects featureless tokens
            word(f, tokens.get(i), lower.get(i));
            hyphens(f, text, tokens.get(i));
            for (int d = 1; d <= WINDOW; d++) {
                f.add("w-" + d + "=" + (i - d >= 0 ? lower.get(i - d) : BEFORE));
                f.add("w+" + d + "=" + (i + d < tokens.size() ? lower.get(i + d) : AFTER));
            }
            f.add("w-1|w=" + (i > 0 ? lower.get(i - 1) : BEFORE) + "|" + lower.get(i));
            f.add("w|w+1=" + lower.get(i) + "|" + (i + 1 < tokens.size() ? lower.get(i + 1) : AFTER));
            neighbourShapes(f, tokens, lower, i);
            dictionary(f, dictionary, i);
            branches(f, branches.get(i));
            dictionaryWords(f, names, tokens.get(i));
            f.addAll(abbreviations.getOrDefault(tokens.get(i).begin(), List.of()));
            all.add(List.copyOf(f));
        }
        return all;
    }

    private static void word(Set<String> f, Token token, String lower) {
        f.add("w=" + lower);
        if (!token.norm().equals(lower)) {
            f.add("n=" + token.norm());
        }
        String text = token.text();
        f.add("sh=" + shape(text));
        f.add("ssh=" + shortShape(text));
        for (int k = 2; k <= MAX_AFFIX && lower.length() > k; k++) {
            f.add("p" + k + "=" + lower.substring(0, k));
            f.add("s" + k + "=" + suffix(lower, k));
        }
        if (Character.isUpperCase(text.codePointAt(0))) {
            f.add("cap");
        }
        if (text.length() > 1 && text.equals(text.toUpperCase(Locale.ROOT))
                && text.chars().anyMatch(Character::isLetter)) {
            f.add("allcaps");
        }
        if (text.chars().anyMatch(Character::isDigit)) {
            f.add("digit");
        }
    }

    /** Hyphens are tokens of their own; whether one is glued to this token still matters ("G6PD-deficient"). */
    private static void hyphens(Set<String> f, String text, Token token) {
        if (token.begin() > 0 && TaggerTokenizer.isDash(text.charAt(token.begin() - 1))) {
            f.add("hyB");
        }
        if (token.end() < text.length() && TaggerTokenizer.isDash(text.charAt(token.end()))) {
            f.add("hyA");
        }
    }

    private static void neighbourShapes(Set<String> f, List<Token> tokens, List<String> lower, int i) {
        for (int d = -1; d <= 1; d += 2) {
            int k = i + d;
            if (k >= 0 && k < tokens.size()) {
                f.add("ssh" + d + "=" + shortShape(tokens.get(k).text()));
                f.add("s3" + d + "=" + suffix(lower.get(k), 3));
            }
        }
    }

    /**
     * How many dictionary names of each type contain the word, as a power-of-two bucket: "syndrome" is in
     * thousands of disease names, "of" in many of every type; a word outside a full-name match still hints at
     * its type.
     */
    private static void dictionaryWords(Set<String> f, TaggerDictionary names, Token token) {
        for (SemanticType type : names.types()) {
            int n = names.wordCount(type, token.norm());
            if (n > 0) {
                f.add("dw." + type.name() + "=" + (32 - Integer.numberOfLeadingZeros(n)));
            }
        }
    }

    private static void dictionary(Set<String> f, Map<SemanticType, TaggerDictionary.Tag[]> tags, int i) {
        for (Map.Entry<SemanticType, TaggerDictionary.Tag[]> e : tags.entrySet()) {
            TaggerDictionary.Tag[] t = e.getValue();
            String type = e.getKey().name();
            f.add("d." + type + "=" + tagName(t, i));
            f.add("d-1." + type + "=" + tagName(t, i - 1));
            f.add("d+1." + type + "=" + tagName(t, i + 1));
        }
    }

    /**
     * The matched concept's tree branch ("D12.776") and its top ("D12"): corpora annotate by branch (BC5CDR
     * tags drugs, not proteins or enzymes), which a name never seen in training shares with seen ones.
     */
    private static void branches(Set<String> f, Set<String> branches) {
        for (String b : branches) {
            f.add("dbr=" + b);
            int dot = b.indexOf('.');
            f.add("dbr1=" + (dot < 0 ? b : b.substring(0, dot)));
        }
    }

    private static String tagName(TaggerDictionary.Tag[] tags, int i) {
        if (i < 0 || i >= tags.length) {
            return "_";
        }
        return tags[i] == null ? "O" : tags[i].name();
    }

    /** Upper-case X, lower-case x, digit d, other chars as they are; runs longer than 4 are cut to 4. */
    static String shape(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 16));
        char prev = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = shapeChar(s.charAt(i));
            run = c == prev ? run + 1 : 1;
            prev = c;
            if (run <= 4) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The shape with repeats collapsed: "Glucose" is "Xx", "G6PD" is "XdX". */
    static String shortShape(String s) {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < s.length(); i++) {
            char c = shapeChar(s.charAt(i));
            if (b.length() == 0 || b.charAt(b.length() - 1) != c) {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String suffix(String s, int k) {
        return s.length() <= k ? s : s.substring(s.length() - k);
    }

    private static char shapeChar(char c) {
        if (Character.isUpperCase(c)) {
            return 'X';
        }
        if (Character.isLowerCase(c)) {
            return 'x';
        }
        return Character.isDigit(c) ? 'd' : c;
    }
}
