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

    /** The spelled-out conjuncts in normal form, or an empty list when the mention is not coordinated. */
    static List<String> conjuncts(String text) {
        if (!mayCoordinate(text)) {
            return List.of(); // most mentions: no tokenising on the linking hot path
        }
        List<Token> tokens = Tokenizer.tokenize(text);
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean separatorBefore = i > 0 && separates(text.substring(tokens.get(i - 1).end(), t.begin()));
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
        if (segments.size() < 2 || segments.size() > MAX_CONJUNCTS) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>(spellOut(segments));
        for (List<String> s : segments) {
            if (s.size() > 1) {
                out.add(String.join(" ", s)); // "hereditary breast" and "X disease and Y syndrome": may be whole
            }
        }
        return List.copyOf(out);
    }

    private static List<String> spellOut(List<List<String>> segments) {
        List<String> last = segments.get(segments.size() - 1);
        List<String> first = segments.get(0);
        List<String> out = new ArrayList<>(segments.size());
        if (last.size() > 1) {
            // left coordination: "breast and ovarian cancer" shares "cancer", the words after the last conjunct's first
            List<String> head = last.subList(1, last.size());
            for (int s = 0; s < segments.size() - 1; s++) {
                List<String> words = new ArrayList<>(segments.get(s));
                if (!words.get(words.size() - 1).equals(head.get(head.size() - 1))) {
                    words.addAll(head); // "breast cancer and ovarian cancer" already says it
                }
                out.add(String.join(" ", words));
            }
            out.add(String.join(" ", last));
        } else if (first.size() > 1) {
            // right coordination: "deficiencies of C6 and C7" shares "deficiencies of"
            List<String> prefix = first.subList(0, first.size() - 1);
            out.add(String.join(" ", first));
            for (int s = 1; s < segments.size(); s++) {
                List<String> words = new ArrayList<>(prefix);
                words.addAll(segments.get(s));
                out.add(String.join(" ", words));
                out.add(String.join(" ", segments.get(s))); // "Wilms tumor and aniridia" shares nothing
            }
        } else {
            for (List<String> s : segments) {
                out.add(String.join(" ", s));
            }
        }
        return out;
    }

    /** Whether the text has a comma, a slash, or "and" / "or" as a word (any case): else nothing is coordinated. */
    static boolean mayCoordinate(String text) {
        return COORDINATOR.matcher(text).find();
    }

    /** A comma or slash between two words separates conjuncts; a hyphen or parenthesis does not. */
    private static boolean separates(String gap) {
        return gap.indexOf(',') >= 0 || gap.indexOf('/') >= 0;
    }
}
