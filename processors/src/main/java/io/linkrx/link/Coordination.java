package io.linkrx.link;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.linkrx.text.Token;
import io.linkrx.text.Tokenizer;

/**
 * The conjuncts of a coordinated mention, each spelled out in full: "breast and ovarian cancer" → "breast cancer",
 * "ovarian cancer"; "breast, ovarian, or other cancers" → "breast cancers", "ovarian cancers", "other cancers";
 * "deficiencies of C6 and C7" → "deficiencies of C6", "deficiencies of C7". Corpora annotate such a mention with
 * the concepts of its conjuncts, while its whole wording is closest to a syndrome that names them all ("Hereditary
 * Breast and Ovarian Cancer Syndrome"), so each conjunct is searched and compared on its own. The whole mention
 * is still searched too: "head and neck cancer" is a concept of its own and the re-ranker decides.
 *
 * <p>Conjuncts are separated by "and", "or", "and/or", commas and slashes between words. A shared head is taken
 * from the last conjunct when it has several words (left coordination), otherwise a shared prefix from the first
 * one (right coordination); a conjunct of several words is also kept as written.
 */
final class Coordination {
    /** More conjuncts than this are a list, not a coordinated name; searching each would cost too much. */
    static final int MAX_CONJUNCTS = 4;
    /** A comma, a slash, or "and" / "or" between non-word characters (the tokenizer's word: letters and digits). */
    private static final Pattern COORDINATOR =
            Pattern.compile("[,/]|(?<![\\p{L}\\p{Nd}])(?i:and|or)(?![\\p{L}\\p{Nd}])");

    private Coordination() {
    }

    /**
     * The spelled-out conjuncts in normal form and each conjunct of several words as written, or an empty list when
     * the mention is not coordinated: what retrieval and the conjunct features compare.
     */
    static List<String> conjuncts(String text) {
        List<List<String>> readings = readings(text);
        Set<String> out = new LinkedHashSet<>();
        readings.forEach(names -> out.add(names.get(0))); // every conjunct's spelled-out name first
        readings.forEach(out::addAll); // then the other readings
        return List.copyOf(out);
    }

    /**
     * For each conjunct, the names it may stand for in normal form, the spelled-out one first, or an empty list when
     * the mention is not coordinated. Left coordination shares the last conjunct's head ("breast and ovarian cancer"
     * → "breast cancer", "ovarian cancer"; "X disease and Y syndrome" also keeps "x disease" as written), right
     * coordination the first conjunct's prefix ("deficiencies of C6 and C7" → "deficiencies of c7", and the bare
     * "c7" as in "Wilms tumor and aniridia", which share nothing).
     */
    static List<List<String>> readings(String text) {
        List<List<String>> segments = segments(text);
        if (segments.isEmpty()) {
            return List.of();
        }
        List<String> first = segments.get(0);
        List<String> last = segments.get(segments.size() - 1);
        List<List<String>> out = new ArrayList<>(segments.size());
        for (int s = 0; s < segments.size(); s++) {
            List<String> segment = segments.get(s);
            Set<String> names = new LinkedHashSet<>();
            if (last.size() > 1 && s < segments.size() - 1) {
                List<String> head = last.subList(1, last.size());
                List<String> words = new ArrayList<>(segment);
                if (!words.get(words.size() - 1).equals(head.get(head.size() - 1))) {
                    words.addAll(head); // "breast cancer and ovarian cancer" already says it
                }
                names.add(String.join(" ", words));
            } else if (last.size() == 1 && first.size() > 1 && s > 0) {
                List<String> words = new ArrayList<>(first.subList(0, first.size() - 1));
                words.addAll(segment);
                names.add(String.join(" ", words));
                names.add(String.join(" ", segment));
            }
            if (segment.size() > 1 || names.isEmpty()) {
                names.add(String.join(" ", segment));
            }
            out.add(List.copyOf(names));
        }
        return out;
    }

    /** The conjuncts' words in normal form, 2 to {@link #MAX_CONJUNCTS} of them, or an empty list. */
    private static List<List<String>> segments(String text) {
        if (!mayCoordinate(text)) {
            return List.of(); // most mentions: no tokenising on the linking hot path
        }
        List<Token> tokens = Tokenizer.tokenize(text);
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean separatorBefore = i > 0 && separates(text.substring(tokens.get(i - 1).end(), t.begin()))
                    && !(isLocant(tokens.get(i - 1).text()) && isLocant(t.text()));
            if (separatorBefore && !current.isEmpty()) {
                segments.add(current);
                current = new ArrayList<>();
            }
            if (t.norm().equals("and") || t.norm().equals("or")) {
                if (!current.isEmpty()) {
                    segments.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(t.norm());
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments.size() < 2 || segments.size() > MAX_CONJUNCTS ? List.of() : segments;
    }

    /** Whether the text has a comma, a slash, or "and" / "or" as a word (any case): else nothing is coordinated. */
    static boolean mayCoordinate(String text) {
        return COORDINATOR.matcher(text).find();
    }

    /** "1,2,3,6-tetrahydropyridine", "N,N-dimethyl": commas between locants belong to a chemical name. */
    private static boolean isLocant(String token) {
        return token.length() == 1 || token.chars().allMatch(Character::isDigit);
    }

    /** A comma or slash between two words separates conjuncts; a hyphen or parenthesis does not. */
    private static boolean separates(String gap) {
        return gap.indexOf(',') >= 0 || gap.indexOf('/') >= 0;
    }
}
