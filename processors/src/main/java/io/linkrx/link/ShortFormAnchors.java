package io.linkrx.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import io.linkrx.text.abbrev.AbbreviationDefinition;
import io.linkrx.text.abbrev.AbbreviationDetector;
import io.linkrx.text.abbrev.AbbreviationMap;

/**
 * Which written-out mention of the same note each short form stands for, so that the short form links to what its
 * long form links to: annotators link "OAB" to overactive bladder because the title writes it out, while the three
 * letters alone retrieve osteoarthritis. A mention is a short form when it is one word of 2 to 10 characters with
 * at least two capitals ("OAB", "PGs", "NH4Ac"), or when the note defines it. Its anchor, a mention of the same
 * type that is not itself a short form, is found in this order:
 * <ol>
 * <li>the note defines the short form (Schwartz–Hearst): the mention inside the definition's long form that ends
 *     where the long form ends, else the longest one inside ("contrast media-induced nephropathy (CIN)":
 *     "nephropathy", the disease; "contrast media" is a chemical);</li>
 * <li>the short form stands in parentheses right after the anchor ("divalproex (DVP)"), where the letters do not
 *     match and Schwartz–Hearst finds no definition;</li>
 * <li>the short form is not defined and its letters spell a mention written out elsewhere in the note, from that
 *     mention's first word on ("OAB" and "overactive bladder").</li>
 * </ol>
 * What one occurrence of a short form finds holds for its other occurrences in the note. Chemicals and drugs count
 * as one type. Stateless.
 */
public final class ShortFormAnchors {
    private static final int MAX_LENGTH = 10;
    private static final Pattern OPENING = Pattern.compile("\\s*\\(\\s*");

    /** A mention's place in the note and its type. */
    public record Span(int begin, int end, SemanticType type) {
        public Span {
            Objects.requireNonNull(type, "type");
        }

        /** An extracted mention's span. */
        public static Span of(Mention m) {
            return new Span(m.begin(), m.end(), m.type());
        }
    }

    private ShortFormAnchors() {
    }

    /** No mention has an anchor. */
    public static int[] none(int mentions) {
        int[] anchors = new int[mentions];
        Arrays.fill(anchors, -1);
        return anchors;
    }

    /**
     * For each mention, the index of its anchor among {@code mentions}, or -1.
     *
     * @param text          the note
     * @param abbreviations the short forms the note defines
     */
    public static int[] of(String text, AbbreviationMap abbreviations, List<Span> mentions) {
        int n = mentions.size();
        int[] anchors = none(n);
        String[] surface = new String[n];
        AbbreviationDefinition[] definedBy = new AbbreviationDefinition[n]; // null: the note does not define it
        boolean[] isShort = new boolean[n];
        for (int i = 0; i < n; i++) {
            Span s = mentions.get(i);
            surface[i] = text.substring(s.begin(), s.end());
            definedBy[i] = abbreviations.definition(surface[i]).orElse(null);
            isShort[i] = definedBy[i] != null || looksShort(surface[i]);
        }
        Map<String, Integer> found = new HashMap<>(); // short form and type -> anchor, from any occurrence
        for (int i = 0; i < n; i++) {
            if (!isShort[i] || found.containsKey(key(surface[i], mentions.get(i)))) {
                continue;
            }
            int anchor = definedBy[i] != null ? insideLongForm(definedBy[i], i, mentions, isShort)
                    : parenthesisedAfter(text, i, mentions, isShort);
            if (anchor >= 0) {
                found.put(key(surface[i], mentions.get(i)), anchor);
            }
        }
        for (int i = 0; i < n; i++) {
            if (isShort[i] && definedBy[i] == null && !found.containsKey(key(surface[i], mentions.get(i)))) {
                int anchor = spelledOut(surface, i, mentions, isShort);
                if (anchor >= 0) {
                    found.put(key(surface[i], mentions.get(i)), anchor);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (isShort[i]) {
                anchors[i] = found.getOrDefault(key(surface[i], mentions.get(i)), -1);
            }
        }
        return anchors;
    }

    /**
     * The links with each anchored short form taking its anchor's link, except where {@code keepsOwn} holds for
     * the short form (say, its own link names it exactly: "AZT" is a name of zidovudine).
     *
     * @param adopt builds a short form's link from its own (for the mention) and its anchor's (for the concepts)
     */
    public static <T> List<T> follow(List<T> links, int[] anchors, IntPredicate keepsOwn, BiFunction<T, T, T> adopt) {
        if (anchors.length != links.size()) {
            throw new IllegalArgumentException(anchors.length + " anchors for " + links.size() + " links");
        }
        List<T> out = new ArrayList<>(links);
        for (int i = 0; i < anchors.length; i++) {
            if (anchors[i] >= 0 && !keepsOwn.test(i)) {
                out.set(i, adopt.apply(links.get(i), links.get(anchors[i])));
            }
        }
        return out;
    }

    static boolean looksShort(String s) {
        if (s.length() < 2 || s.length() > MAX_LENGTH) {
            return false;
        }
        int capitals = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                return false;
            }
            capitals += Character.isUpperCase(c) ? 1 : 0;
        }
        return capitals >= 2;
    }

    private static int insideLongForm(AbbreviationDefinition d, int of, List<Span> mentions, boolean[] isShort) {
        int best = -1;
        for (int j = 0; j < mentions.size(); j++) {
            Span s = mentions.get(j);
            if (!candidate(j, of, mentions, isShort) || s.begin() < d.longBegin() || s.end() > d.longEnd()) {
                continue;
            }
            boolean endsThere = s.end() == d.longEnd();
            if (best < 0 || endsThere && mentions.get(best).end() != d.longEnd()
                    || endsThere == (mentions.get(best).end() == d.longEnd()) && length(s) > length(mentions.get(best))) {
                best = j;
            }
        }
        return best;
    }

    private static int parenthesisedAfter(String text, int of, List<Span> mentions, boolean[] isShort) {
        Span m = mentions.get(of);
        if (m.end() >= text.length() || ")]".indexOf(text.charAt(m.end())) < 0) {
            return -1;
        }
        for (int j = 0; j < mentions.size(); j++) {
            Span s = mentions.get(j);
            if (candidate(j, of, mentions, isShort) && s.end() < m.begin()
                    && OPENING.matcher(text.substring(s.end(), m.begin())).matches()) {
                return j;
            }
        }
        return -1;
    }

    private static int spelledOut(String[] surface, int of, List<Span> mentions, boolean[] isShort) {
        for (int j = 0; j < mentions.size(); j++) {
            if (candidate(j, of, mentions, isShort) && AbbreviationDetector.spells(surface[of], surface[j])) {
                return j;
            }
        }
        return -1;
    }

    private static boolean candidate(int j, int of, List<Span> mentions, boolean[] isShort) {
        return j != of && !isShort[j] && family(mentions.get(j).type()) == family(mentions.get(of).type());
    }

    private static int length(Span s) {
        return s.end() - s.begin();
    }

    private static String key(String surface, Span s) {
        return family(s.type()) + "\u0000" + surface;
    }

    /** Chemicals and drugs are one class in the corpora and in the KB's retrieval. */
    private static SemanticType family(SemanticType t) {
        return t == SemanticType.DRUG ? SemanticType.CHEMICAL : t;
    }
}
