package io.linkrx.kb;

import java.io.IOException;
import java.io.Reader;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable, versioned set of concepts in file order (the order breaks ties between concepts).
 * Thread-safe once built.
 */
public final class KnowledgeBase {
    private static final String MESH_PREFIX = "MESH:";

    private final String version;
    private final Map<String, Concept> concepts;
    private volatile Map<String, Concept> altIndex;

    private KnowledgeBase(String version, Map<String, Concept> concepts) {
        this.version = version;
        this.concepts = Collections.unmodifiableMap(concepts);
    }

    /**
     * Loads one knowledge base from a {@link KbSpec}: a linkrx TSV path or {@code "classpath:some/kb.tsv"}, or
     * {@code "<format>:<path>[?options]"} for the other formats; gzip content is recognised by its magic bytes.
     */
    public static KnowledgeBase load(String spec) {
        Objects.requireNonNull(spec, "spec");
        return KnowledgeBases.load(KbSpec.parse(spec));
    }

    /** Reads a linkrx TSV file or classpath resource (the "linkrx" format). */
    static KnowledgeBase loadTsv(String location) {
        try (KbInput in = KbInput.open(location); Reader reader = in.reader()) {
            return readTsv(reader, location);
        } catch (IOException e) {
            throw new KnowledgeBaseException(location + ": cannot read knowledge base: " + e.getMessage(), e);
        }
    }

    /**
     * Loads several knowledge bases (each a {@link KbSpec}) and combines them in the given order, see
     * {@link KnowledgeBases#combine(List, List)}: the same id from two sources is merged when the vocabularies
     * agree and an error otherwise. The entries are re-joined and split by {@link KbSpec#split(String)}, so a
     * config value that was split on every comma still keeps option lists such as {@code sab=MSH,SNOMEDCT_US}.
     */
    public static KnowledgeBase loadAll(List<String> specs) {
        Objects.requireNonNull(specs, "specs");
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("at least one knowledge base location is required");
        }
        return KnowledgeBases.load(KbSpec.parseList(String.join(",", specs)));
    }

    /**
     * A knowledge base of these concepts in iteration order.
     *
     * @throws KnowledgeBaseException when two concepts share an id
     */
    public static KnowledgeBase of(String version, Collection<Concept> concepts) {
        Objects.requireNonNull(version, "version");
        Map<String, Concept> byId = new LinkedHashMap<>(Math.max(16, concepts.size() * 4 / 3 + 1));
        for (Concept c : concepts) {
            if (byId.putIfAbsent(c.id(), c) != null) {
                throw new KnowledgeBaseException(version + ": duplicate concept id " + c.id());
            }
        }
        return new KnowledgeBase(version, byId);
    }

    /**
     * Parses the linkrx TSV format (see {@link KbTsvParser}); errors name {@code sourceName} and the line.
     * The caller owns and closes the reader.
     */
    public static KnowledgeBase readTsv(Reader in, String sourceName) {
        KbTsvParser.Result r = new KbTsvParser(sourceName).parse(in);
        return new KnowledgeBase(r.version(), r.concepts());
    }

    /**
     * This knowledge base with extra names for some concepts, e.g. mentions annotators linked to them in
     * training documents; unknown concept ids are ignored. The version gets {@code "+" + namesVersion}.
     */
    public KnowledgeBase withExtraNames(Map<String, ? extends Collection<String>> extraNames, String namesVersion) {
        Map<String, Concept> merged = new LinkedHashMap<>(concepts);
        extraNames.forEach((id, names) -> {
            Concept c = merged.get(id);
            if (c != null && !names.isEmpty()) {
                java.util.List<String> synonyms = new java.util.ArrayList<>(c.synonyms());
                synonyms.addAll(names);
                merged.put(id, new Concept(c.id(), c.vocabulary(), c.type(), c.preferredName(), synonyms,
                        c.abbreviations(), c.xrefs(), c.treeNumbers()));
            }
        });
        return new KnowledgeBase(version + "+" + namesVersion, merged);
    }

    /**
     * The version: for linkrx TSV the "# version:" header, else "sha256:" and the first 12 hex digits of the
     * content hash; for other formats see {@link KnowledgeBases}; several sources' versions are joined by "+".
     */
    public String version() {
        return version;
    }

    /** The concept with this id, if any. */
    public Optional<Concept> concept(String id) {
        return Optional.ofNullable(concepts.get(id));
    }

    /** All concepts in file order. */
    public Collection<Concept> concepts() {
        return concepts.values();
    }

    /**
     * The concept an id refers to: a primary id ("D003920"), the same with a "MESH:" prefix ("MESH:D003920"),
     * or an alternative id / xref ("OMIM:264300", "DO:DOID:0060395"; a bare MeSH id also finds a concept
     * whose xref is "MESH:" + id, e.g. a UMLS concept). An xref shared by several concepts resolves to the
     * first in knowledge-base order.
     */
    public Optional<Concept> resolve(String anyId) {
        if (anyId == null || anyId.isBlank()) {
            return Optional.empty();
        }
        String id = anyId.strip();
        Concept c = concepts.get(id);
        boolean meshPrefixed = id.regionMatches(true, 0, MESH_PREFIX, 0, MESH_PREFIX.length());
        if (c == null && meshPrefixed) {
            c = concepts.get(id.substring(MESH_PREFIX.length()));
        }
        if (c == null) {
            Map<String, Concept> alt = altIds();
            c = alt.get(id);
            if (c == null && meshPrefixed) {
                c = alt.get(MESH_PREFIX + id.substring(MESH_PREFIX.length()));
            } else if (c == null && id.indexOf(':') < 0) {
                c = alt.get(MESH_PREFIX + id);
            }
        }
        return Optional.ofNullable(c);
    }

    /** Built on first use: most users never resolve alternative ids, and the keys are the concepts' own strings. */
    private Map<String, Concept> altIds() {
        Map<String, Concept> index = altIndex;
        if (index == null) {
            synchronized (this) {
                index = altIndex;
                if (index == null) {
                    Map<String, Concept> built = new HashMap<>();
                    for (Concept c : concepts.values()) {
                        for (String xref : c.xrefs()) {
                            built.putIfAbsent(xref, c);
                        }
                    }
                    index = built;
                    altIndex = index;
                }
            }
        }
        return index;
    }

    /** Number of concepts. */
    public int size() {
        return concepts.size();
    }

    @Override
    public String toString() {
        return "KnowledgeBase[version=" + version + ", concepts=" + concepts.size() + ", vocabularies="
                + concepts.values().stream().map(Concept::vocabulary).distinct().collect(Collectors.joining(","))
                + "]";
    }
}
