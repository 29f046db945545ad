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
    /** Names by their normalised tokens; each value a type with the tree branches of that type's concepts. */
    private final PhraseTrie<Named> trie = new PhraseTrie<>();
    private final Set<SemanticType> types = EnumSet.noneOf(SemanticType.class);
    /** Per type, how many names each normalised word occurs in. */
    private final Map<SemanticType, Map<String, Integer>> wordCounts = new EnumMap<>(SemanticType.class);
    private final String fingerprint;

    private TaggerDictionary(List<DictionaryEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Set<String>> branchesByKey = new HashMap<>();
        for (DictionaryEntry e : this.entries) {
            List<String> norms = TaggerTokenizer.tokenize(e.name()).stream().map(Token::norm).toList();
            if (String.join("", norms).length() < MIN_NAME_CHARS) {
                continue;
            }
            String key = e.type() + "\t" + String.join(" ", norms);
            trie.add(norms, new Named(e.type(), List.copyOf(new TreeSet<>(e.branches()))));
            types.add(e.type());
            Map<String, Integer> counts = wordCounts.computeIfAbsent(e.type(), t -> new HashMap<>());
            for (String w : new HashSet<>(norms)) {
                counts.merge(w, 1, Integer::sum);
            }
            branchesByKey.computeIfAbsent(key, k -> new TreeSet<>()).addAll(e.branches());
        }
        TreeSet<String> keys = new TreeSet<>();
        // a dictionary without trees keeps the fingerprint it had before trees were read
        branchesByKey.forEach((key, b) -> keys.add(b.isEmpty() ? key : key + "\t" + String.join(" ", b)));
        this.fingerprint = Sha256.ofLines(keys);
    }

    /** A dictionary of these names. */
    public static TaggerDictionary of(Collection<DictionaryEntry> entries) {
        return new TaggerDictionary(new ArrayList<>(Objects.requireNonNull(entries, "entries")));
    }

    /**
     * Every name and synonym of every concept (abbreviations are left to the abbreviation features), with the
     * concept's tree branches.
     */
    public static TaggerDictionary of(KnowledgeBase kb) {
        List<DictionaryEntry> entries = new ArrayList<>();
        for (Concept c : kb.concepts()) {
            Set<String> branches = new TreeSet<>();
            c.treeNumbers().forEach(tree -> branches.add(branch(tree)));
            for (String name : c.names()) {
                entries.add(new DictionaryEntry(c.id(), name, c.type(), branches));
            }
        }
        return new TaggerDictionary(entries);
    }

    /**
     * The first two levels of a tree number, "D12.776" of "D12.776.124.486" and "C16.131" of MEDIC's
     * "C16.131.260/C538288": deep enough to tell proteins (D12.776) and enzymes (D08.811) from drugs, which
     * corpora annotate differently, shallow enough to be shared by unseen names.
     */
    static String branch(String treeNumber) {
        int slash = treeNumber.indexOf('/');
        String t = slash < 0 ? treeNumber : treeNumber.substring(0, slash);
        int first = t.indexOf('.');
        int second = first < 0 ? -1 : t.indexOf('.', first + 1);
        return second < 0 ? t : t.substring(0, second);
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

    /** A name's type and the tree branches of the concepts of that type that have it (empty without trees). */
    private record Named(SemanticType type, List<String> branches) {
    }

    /**
     * The dictionary's view of a token sequence.
     *
     * @param tags     for each type, the B/I tag of every token in a left-to-right longest match of that type's names
     *                 (null outside matches); types are matched independently, so a token can be in a disease and a
     *                 chemical match
     * @param branches for each token, the tree branches of the concepts named by the matches it is in (empty outside
     *                 matches and for sources without trees)
     */
    public record Matches(Map<SemanticType, Tag[]> tags, List<Set<String>> branches) {
    }

    /** The tags of {@link #match}. */
    public Map<SemanticType, Tag[]> tag(List<Token> tokens) {
        return match(tokens).tags();
    }

    /** Longest matches of every type's names, in one pass over the trie per type. */
    public Matches match(List<Token> tokens) {
        Map<SemanticType, Tag[]> tags = new EnumMap<>(SemanticType.class);
        // a token gets its own set only when a match gives it branches: most tokens match nothing
        List<Set<String>> branches = new ArrayList<>(Collections.nCopies(tokens.size(), Set.of()));
        for (SemanticType type : types) {
            Tag[] t = new Tag[tokens.size()];
            for (int i = 0; i < tokens.size(); ) {
                PhraseTrie.Match<Named> m = trie.longestMatch(tokens, i, Token::norm, (a, b) -> true,
                        v -> v.type() == type);
                if (m == null) {
                    i++;
                    continue;
                }
                for (int k = 0; k < m.length(); k++) {
                    t[i + k] = k == 0 ? Tag.B : Tag.I;
                    for (Named named : m.values()) {
                        addBranches(branches, i + k, named.branches());
                    }
                }
                i += m.length();
            }
            tags.put(type, t);
        }
        return new Matches(tags, branches);
    }

    private static void addBranches(List<Set<String>> branches, int token, List<String> add) {
        if (add.isEmpty()) {
            return;
        }
        if (branches.get(token).isEmpty()) {
            branches.set(token, new TreeSet<>());
        }
        branches.get(token).addAll(add);
    }

    /** In how many names of {@code type} the normalised word occurs. */
    public int wordCount(SemanticType type, String norm) {
        return wordCounts.getOrDefault(type, Map.of()).getOrDefault(norm, 0);
    }

    /** The types whose names include exactly this token sequence. */
    public Set<SemanticType> typesOfPhrase(List<Token> tokens) {
        Set<SemanticType> found = EnumSet.noneOf(SemanticType.class);
        if (!tokens.isEmpty()) {
            PhraseTrie.Match<Named> m = trie.longestMatch(tokens, 0, Token::norm, (a, b) -> true, v -> true);
            // the longest match may be shorter than the phrase: only a full-length match names the phrase
            if (m != null && m.length() == tokens.size()) {
                m.values().forEach(v -> found.add(v.type()));
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
