package io.linkrx.assertion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.linkrx.text.Normalizer;
import io.linkrx.text.PhraseTrie;
import io.linkrx.text.Token;

/**
 * Trigger terms of the assertion detector, read from a TSV of {@code trigger<TAB>category<TAB>direction}
 * (see the default resource {@value #DEFAULT_RESOURCE} for the format). Immutable and thread-safe.
 */
public final class TriggerLexicon {
    /** Classpath resource of the default English lexicon. */
    public static final String DEFAULT_RESOURCE = "linkrx/assertion/context-triggers.tsv";

    /** A matched trigger: tokens {@code [first, end)} of the searched token list. */
    record Hit(int first, int end, TriggerRule rule) {
    }

    private final List<TriggerRule> rules;
    private final PhraseTrie<TriggerRule> trie = new PhraseTrie<>();
    private final Map<String, TriggerCategory> sections = new HashMap<>();
    private int maxSectionTokens;

    private TriggerLexicon(List<TriggerRule> rules) {
        this.rules = List.copyOf(rules);
        for (TriggerRule r : rules) {
            if (r.direction() == TriggerDirection.SECTION) {
                sections.putIfAbsent(String.join(" ", r.keys()), r.category());
                maxSectionTokens = Math.max(maxSectionTokens, r.keys().size());
            } else {
                trie.add(r.keys(), r);
            }
        }
    }

    /** The default English lexicon shipped with linkrx. */
    public static TriggerLexicon defaultEnglish() {
        InputStream in = TriggerLexicon.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a lexicon; errors name the source and line. The caller closes the reader. */
    public static TriggerLexicon read(Reader in, String source) {
        List<TriggerRule> rules = new ArrayList<>();
        BufferedReader reader = new BufferedReader(in);
        int lineNo = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    rules.add(parse(line, source, lineNo));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read trigger lexicon", e);
        }
        return new TriggerLexicon(rules);
    }

    private static TriggerRule parse(String line, String source, int lineNo) {
        String[] cols = line.split("\t", -1);
        String where = source + ":" + lineNo + ": ";
        if (cols.length != 3) {
            throw new IllegalArgumentException(where + "expected trigger<TAB>category<TAB>direction, found "
                    + cols.length + " columns");
        }
        TriggerCategory category = parseEnum(TriggerCategory.class, cols[1], where);
        TriggerDirection direction = parseEnum(TriggerDirection.class, cols[2], where);
        String norm = Normalizer.normalize(cols[0]);
        if (norm.isEmpty()) {
            throw new IllegalArgumentException(where + "trigger has no words");
        }
        boolean section = direction == TriggerDirection.SECTION;
        // sections assert something; PRESENT is only meaningful as a section reset
        if (section ? category.assertion() == null : category == TriggerCategory.PRESENT) {
            throw new IllegalArgumentException(where + "category " + category + " cannot have direction "
                    + direction);
        }
        return new TriggerRule(cols[0].strip(), Arrays.asList(norm.split(" ")), category, direction);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "unknown " + type.getSimpleName() + " '" + value.strip()
                    + "', expected one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** All entries in file order. */
    public List<TriggerRule> rules() {
        return rules;
    }

    /** Non-overlapping longest-match triggers active on {@code side} (PRE or POST), left to right. */
    List<Hit> hits(List<Token> tokens, TriggerDirection side) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            PhraseTrie.Match<TriggerRule> m = trie.longestMatch(tokens, i, Token::norm, (a, b) -> true,
                    r -> r.direction().activeOn(side));
            if (m == null) {
                i++;
            } else {
                hits.add(new Hit(i, i + m.length(), m.values().get(0)));
                i += m.length();
            }
        }
        return hits;
    }

    /** The category of a section header given as normalised phrase, or null when it is not one. */
    TriggerCategory sectionCategory(String normalisedPhrase) {
        return sections.get(normalisedPhrase);
    }

    int maxSectionTokens() {
        return maxSectionTokens;
    }
}
