package io.linkrx.extract.tagger;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.text.PhraseTrie;
import io.linkrx.text.Token;

/**
 * Names by semantic type, matched longest-first over {@link TaggerTokenizer} tokens on their normal forms. A
 * match is only a feature for the tagger (the model learns how far to trust it), so nothing is filtered but
 * names shorter than three chars. Immutable and thread-safe once built.
 */
public final class TaggerDictionary {
    /** Per-token position in a dictionary match of one type. */
    public enum Tag { B, I }

    private static final int MIN_NAME_CHARS = 3;

    private final List<DictionaryEntry> entries;
    private final PhraseTrie<SemanticType> trie = new PhraseTrie<>();
    private final Set<SemanticType> types = EnumSet.noneOf(SemanticType.class);
    /** Per type, how many names each normalised word occurs in. */
    private final Map<SemanticType, Map<String, Integer>> wordCounts = new EnumMap<>(SemanticType.class);
    private final String fingerprint;

    private TaggerDictionary(List<DictionaryEntry> entries) {
        this.entries = List.copyOf(entries);
        TreeSet<String> keys = new TreeSet<>();
        for (DictionaryEntry e : this.entries) {
            List<String> norms = TaggerTokenizer.tokenize(e.name()).stream().map(Token::norm).toList();
            if (String.join("", norms).length() < MIN_NAME_CHARS) {
                continue;
            }
            trie.add(norms, e.type());
            types.add(e.type());
            Map<String, Integer> counts = wordCounts.computeIfAbsent(e.type(), t -> new HashMap<>());
            for (String w : new HashSet<>(norms)) {
                counts.merge(w, 1, Integer::sum);
            }
            keys.add(e.type() + "\t" + String.join(" ", norms));
        }
        this.fingerprint = Sha256.ofLines(keys);
    }

    /** A dictionary of these names. */
    public static TaggerDictionary of(Collection<DictionaryEntry> entries) {
        return new TaggerDictionary(new ArrayList<>(Objects.requireNonNull(entries, "entries")));
    }

    /** Every name and synonym of every concept (abbreviations are left to the abbreviation features). */
    public static TaggerDictionary of(KnowledgeBase kb) {
        List<DictionaryEntry> entries = new ArrayList<>();
        for (Concept c : kb.concepts()) {
            for (String name : c.names()) {
                entries.add(new DictionaryEntry(c.id(), name, c.type()));
            }
        }
        return new TaggerDictionary(entries);
    }

    /** A dictionary without names: the tagger then relies on the other features. */
    public static TaggerDictionary empty() {
        return new TaggerDictionary(List.of());
    }

    public List<DictionaryEntry> entries() {
        return entries;
    }

    /** Number of indexed names. */
    public int size() {
        return entries.size();
    }

    /** The types that have names. */
    public Set<SemanticType> types() {
        return Collections.unmodifiableSet(types);
    }

    /**
     * SHA-256 over the indexed (type, normalised name) pairs: a model records it so that tagging with a
     * different dictionary than the training one can be noticed.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * For each type, the B/I tag of every token in a left-to-right longest match of that type's names (null
     * outside matches). Types are matched independently, so a token can be in a disease and a chemical match.
     */
    public Map<SemanticType, Tag[]> tag(List<Token> tokens) {
        Map<SemanticType, Tag[]> tags = new EnumMap<>(SemanticType.class);
        for (SemanticType type : types) {
            Tag[] t = new Tag[tokens.size()];
            for (int i = 0; i < tokens.size(); ) {
                PhraseTrie.Match<SemanticType> m = trie.longestMatch(tokens, i, Token::norm, (a, b) -> true,
                        v -> v == type);
                if (m == null) {
                    i++;
                    continue;
                }
                t[i] = Tag.B;
                for (int k = 1; k < m.length(); k++) {
                    t[i + k] = Tag.I;
                }
                i += m.length();
            }
            tags.put(type, t);
        }
        return tags;
    }

    /** In how many names of {@code type} the normalised word occurs. */
    public int wordCount(SemanticType type, String norm) {
        return wordCounts.getOrDefault(type, Map.of()).getOrDefault(norm, 0);
    }

    /** The types whose names include exactly this token sequence. */
    public Set<SemanticType> typesOfPhrase(List<Token> tokens) {
        Set<SemanticType> found = EnumSet.noneOf(SemanticType.class);
        if (!tokens.isEmpty()) {
            PhraseTrie.Match<SemanticType> m = trie.longestMatch(tokens, 0, Token::norm, (a, b) -> true, v -> true);
            // the longest match may be shorter than the phrase: only a full-length match names the phrase
            if (m != null && m.length() == tokens.size()) {
                found.addAll(m.values());
            }
        }
        return found;
    }

    /**
     * The names as a linkrx knowledge base (one concept per source id and type), for the dictionary-only
     * {@link io.linkrx.extract.DictionaryMentionExtractor} baseline.
     */
    public KnowledgeBase toKnowledgeBase() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, SemanticType> typeOf = new LinkedHashMap<>();
        for (DictionaryEntry e : entries) {
            String name = e.name().replace('\t', ' ').replace('|', ' ').strip();
            if (name.isEmpty()) {
                continue;
            }
            String key = e.type().name() + ":" + e.id().replace('\t', ' ');
            names.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
            typeOf.put(key, e.type());
        }
        StringBuilder tsv = new StringBuilder("# version: tagger-dictionary-").append(fingerprint, 0, 12).append('\n');
        names.forEach((id, n) -> tsv.append(id).append("\tDICT\t").append(typeOf.get(id).displayName()).append('\t')
                .append(n.get(0)).append('\t').append(String.join("|", n.subList(1, n.size()))).append('\n'));
        return KnowledgeBase.readTsv(new StringReader(tsv.toString()), "tagger-dictionary");
    }
}
