package io.linkrx.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the parts of one {@link Concept} from rows that arrive one at a time. Names are de-duplicated
 * case-insensitively (retrieval matches them case-insensitively, so case variants only cost memory);
 * abbreviations, xrefs and tree numbers exactly. Lists stay small, so a linear scan beats a hash set per concept.
 */
public final class ConceptBuilder {
    private final String id;
    private final String vocabulary;
    private SemanticType type;
    private String preferredName;
    private final List<String> synonyms = new ArrayList<>(4);
    private List<String> abbreviations;
    private List<String> xrefs;
    private List<String> treeNumbers;

    public ConceptBuilder(String id, String vocabulary, SemanticType type) {
        this.id = Objects.requireNonNull(id, "id");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.type = type;
    }

    /** A builder holding everything of {@code c}. */
    public static ConceptBuilder from(Concept c) {
        ConceptBuilder b = new ConceptBuilder(c.id(), c.vocabulary(), c.type()).name(c.preferredName());
        c.synonyms().forEach(b::name);
        c.abbreviations().forEach(b::abbreviation);
        c.xrefs().forEach(b::xref);
        c.treeNumbers().forEach(b::treeNumber);
        return b;
    }

    /** Adds all names, abbreviations, xrefs and tree numbers of {@code c}; keeps this builder's preferred name. */
    public ConceptBuilder addAll(Concept c) {
        name(c.preferredName());
        c.synonyms().forEach(this::name);
        c.abbreviations().forEach(this::abbreviation);
        c.xrefs().forEach(this::xref);
        c.treeNumbers().forEach(this::treeNumber);
        return this;
    }

    public String id() {
        return id;
    }

    public SemanticType type() {
        return type;
    }

    public ConceptBuilder type(SemanticType t) {
        this.type = t;
        return this;
    }

    /** True once a name was added. */
    public boolean hasName() {
        return preferredName != null;
    }

    /** Adds a name: the first becomes the preferred name, later ones synonyms. Blank names are ignored. */
    public ConceptBuilder name(String name) {
        String n = clean(name);
        if (n == null) {
            return this;
        }
        if (preferredName == null) {
            preferredName = n;
        } else if (!preferredName.equalsIgnoreCase(n) && !containsIgnoreCase(synonyms, n)) {
            synonyms.add(n);
        }
        return this;
    }

    /** Makes {@code name} the preferred name; the previous preferred name becomes a synonym. */
    public ConceptBuilder preferredName(String name) {
        String n = clean(name);
        if (n == null || n.equals(preferredName)) {
            return this;
        }
        String previous = preferredName;
        synonyms.removeIf(s -> s.equalsIgnoreCase(n));
        preferredName = n;
        if (previous != null && !previous.equalsIgnoreCase(n)) {
            synonyms.add(0, previous);
        }
        return this;
    }

    public ConceptBuilder abbreviation(String abbreviation) {
        abbreviations = addExact(abbreviations, abbreviation);
        return this;
    }

    public ConceptBuilder xref(String xref) {
        xrefs = addExact(xrefs, xref);
        return this;
    }

    public ConceptBuilder treeNumber(String treeNumber) {
        treeNumbers = addExact(treeNumbers, treeNumber);
        return this;
    }

    /** The tree numbers added so far. */
    public List<String> treeNumbers() {
        return treeNumbers == null ? List.of() : treeNumbers;
    }

    /**
     * The concept; an abbreviation-only concept uses its first abbreviation as the preferred name.
     *
     * @throws IllegalStateException without any name or type
     */
    public Concept build() {
        String preferred = preferredName;
        if (preferred == null && abbreviations != null) {
            preferred = abbreviations.get(0);
        }
        if (preferred == null || type == null) {
            throw new IllegalStateException("concept " + id + " has no " + (preferred == null ? "name" : "type"));
        }
        return new Concept(id, vocabulary, type, preferred, synonyms, abbreviations, xrefs, treeNumbers);
    }

    private static List<String> addExact(List<String> list, String value) {
        String v = clean(value);
        if (v == null) {
            return list;
        }
        List<String> l = list == null ? new ArrayList<>(2) : list;
        if (!l.contains(v)) {
            l.add(v);
        }
        return l;
    }

    private static boolean containsIgnoreCase(List<String> list, String value) {
        for (String s : list) {
            if (s.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
