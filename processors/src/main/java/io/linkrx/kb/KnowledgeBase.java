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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable, versioned set of concepts in file order (the order breaks ties between concepts).
 * Thread-safe once built.
 */
public final class KnowledgeBase {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final String version;
    private final Map<String, Concept> concepts;

    private KnowledgeBase(String version, Map<String, Concept> concepts) {
        this.version = version;
        this.concepts = Collections.unmodifiableMap(concepts);
    }

    /**
     * Loads one knowledge base, from {@code "classpath:some/kb.tsv"} or a file path; gzip content
     * (".gz") is recognised by its magic bytes.
     */
    public static KnowledgeBase load(String location) {
        Objects.requireNonNull(location, "location");
        try (Reader reader = KbSources.open(location)) {
            KnowledgeBase kb = readTsv(reader, location);
            LOG.info("Loaded knowledge base {} from {}: {} concepts", kb.version(), location, kb.size());
            return kb;
        } catch (IOException e) {
            throw new KnowledgeBaseException(location + ": cannot read knowledge base: " + e.getMessage(), e);
        }
    }

    /**
     * Loads several knowledge bases and combines them in the given order; the version is the versions
     * joined by "+". A concept id defined by two sources is an error, as silently picking one would
     * make links depend on configuration order.
     */
    public static KnowledgeBase loadAll(List<String> locations) {
        Objects.requireNonNull(locations, "locations");
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("at least one knowledge base location is required");
        }
        Map<String, Concept> all = new LinkedHashMap<>();
        Map<String, String> origin = new HashMap<>();
        StringBuilder version = new StringBuilder();
        for (String location : locations) {
            KnowledgeBase kb = load(location);
            for (Concept c : kb.concepts()) {
                String previous = origin.putIfAbsent(c.id(), location);
                if (previous != null) {
                    throw new KnowledgeBaseException("concept " + c.id() + " is defined in both "
                            + previous + " and " + location);
                }
                all.put(c.id(), c);
            }
            version.append(version.length() == 0 ? "" : "+").append(kb.version());
        }
        return new KnowledgeBase(version.toString(), all);
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
                        c.abbreviations(), c.xrefs()));
            }
        });
        return new KnowledgeBase(version + "+" + namesVersion, merged);
    }

    /** The "# version:" header of the file, else "sha256:" and the first 12 hex digits of the content hash. */
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
