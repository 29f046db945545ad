package io.linkrx.text.abbrev;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The abbreviations one document defines: short form to long form, the first definition of a short form
 * winning (later ones in the same document are usually re-statements or detector noise). Short forms
 * compare case-sensitively ("APC" is not "apc"). Immutable and thread-safe.
 */
public final class AbbreviationMap {
    private static final AbbreviationMap EMPTY = new AbbreviationMap(List.of());

    private final List<AbbreviationDefinition> definitions;
    /** Short form to its first definition. */
    private final Map<String, AbbreviationDefinition> firstDefinitions = new LinkedHashMap<>();
    /** Longest first, so "HNPCC" is expanded before a hypothetical "PCC". */
    private final List<String> byLength;

    private AbbreviationMap(List<AbbreviationDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        for (AbbreviationDefinition d : this.definitions) {
            firstDefinitions.putIfAbsent(d.shortForm(), d);
        }
        this.byLength = firstDefinitions.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The map of these definitions (in text order). */
    public static AbbreviationMap of(List<AbbreviationDefinition> definitions) {
        Objects.requireNonNull(definitions, "definitions");
        return definitions.isEmpty() ? EMPTY : new AbbreviationMap(definitions);
    }

    /** The abbreviations {@code detector} finds in {@code text}. */
    public static AbbreviationMap detect(AbbreviationDetector detector, String text) {
        return of(detector.detect(text));
    }

    /** A map without abbreviations. */
    public static AbbreviationMap empty() {
        return EMPTY;
    }

    /** All definitions found, in text order, including repeated short forms. */
    public List<AbbreviationDefinition> definitions() {
        return definitions;
    }

    /** The defined short forms in order of first definition. */
    public Set<String> shortForms() {
        return java.util.Collections.unmodifiableSet(firstDefinitions.keySet());
    }

    /** The long form of the first definition of {@code shortForm}. */
    public Optional<String> longForm(String shortForm) {
        return Optional.ofNullable(firstDefinitions.get(shortForm)).map(AbbreviationDefinition::longForm);
    }

    /**
     * The first definition of {@code shortForm}, also of its other number ("NSAID" for a defined "NSAIDs"), with
     * where its long form stands in the text.
     */
    public Optional<AbbreviationDefinition> definition(String shortForm) {
        return Optional.ofNullable(definitionOfWhole(shortForm));
    }

    /** True when nothing is defined. */
    public boolean isEmpty() {
        return firstDefinitions.isEmpty();
    }

    /**
     * The mention with its abbreviations spelled out: the long form when the mention is a short form
     * ("G6PD"; "NSAID" also for a defined "NSAIDs" and the other way round), or the mention with every short
     * form of two or more characters that occurs in it as a whole token replaced ("G6PD deficiency" becomes
     * "glucose-6-phosphate dehydrogenase deficiency"). A mention that already contains the long form, or none
     * of the short forms, is returned unchanged.
     */
    public String expand(String mention) {
        Objects.requireNonNull(mention, "mention");
        AbbreviationDefinition whole = definitionOfWhole(mention);
        if (whole != null) {
            return whole.longForm();
        }
        List<int[]> replaced = new ArrayList<>(); // [begin, end, index into byLength]
        for (int i = 0; i < byLength.size(); i++) {
            String sf = byLength.get(i);
            if (sf.length() == 1 || mention.contains(longFormOf(sf))) {
                // a one-letter short form stands for its long form only on its own ("hepatitis A" stays), and
                // "glucose-6-phosphate dehydrogenase (G6PD) deficiency" is already spelled out
                continue;
            }
            for (int p = mention.indexOf(sf); p >= 0; p = mention.indexOf(sf, p + 1)) {
                int end = p + sf.length();
                if (WordBoundaries.isWordAt(mention, p, end) && !overlaps(replaced, p, end)) {
                    replaced.add(new int[] {p, end, i});
                }
            }
        }
        if (replaced.isEmpty()) {
            return mention;
        }
        replaced.sort(Comparator.comparingInt(r -> r[0]));
        StringBuilder out = new StringBuilder(mention.length() + 32);
        int last = 0;
        for (int[] r : replaced) {
            out.append(mention, last, r[0]).append(longFormOf(byLength.get(r[2])));
            last = r[1];
        }
        return out.append(mention, last, mention.length()).toString();
    }

    /** The first definition of a mention that is a short form, also in the other number ("NSAID" for "NSAIDs"). */
    private AbbreviationDefinition definitionOfWhole(String mention) {
        AbbreviationDefinition exact = firstDefinitions.get(mention);
        if (exact != null || mention.length() < 3) {
            return exact;
        }
        return mention.endsWith("s") ? firstDefinitions.get(mention.substring(0, mention.length() - 1))
                : firstDefinitions.get(mention + "s");
    }

    private String longFormOf(String shortForm) {
        return firstDefinitions.get(shortForm).longForm();
    }

    private static boolean overlaps(List<int[]> spans, int begin, int end) {
        for (int[] s : spans) {
            if (begin < s[1] && s[0] < end) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "AbbreviationMap[" + firstDefinitions.size() + " short forms]"; // forms are note text: not logged
    }
}
