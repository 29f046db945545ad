package io.linkrx.index;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an index was built from, kept in the Lucene commit's user data.
 *
 * @param format        layout version of the index; an index of another layout must be rebuilt
 * @param kbVersion     {@code KnowledgeBase.version()} of the source
 * @param encoder       {@link TextEmbedder#modelId()} of the name vectors; "" without vectors
 * @param dimension     vector width; 0 without vectors
 * @param encoding      how vectors are stored (meaningless without vectors)
 * @param builtAt       when the build finished
 * @param concepts      concepts indexed
 * @param names         name entries (preferred names and synonyms; the document count of the n-gram statistics)
 * @param abbreviations abbreviation entries (matched exactly only)
 * @param vectors       name entries with a vector
 */
public record IndexMetadata(int format, String kbVersion, String encoder, int dimension, VectorEncoding encoding,
                            Instant builtAt, long concepts, long names, long abbreviations, long vectors) {
    /** Bumped whenever fields or scoring change in a way an old index cannot serve. */
    public static final int FORMAT = 1;
    private static final String PREFIX = "linkrx.";

    public IndexMetadata {
        Objects.requireNonNull(kbVersion, "kbVersion");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(builtAt, "builtAt");
    }

    public boolean hasVectors() {
        return vectors > 0;
    }

    /** For people and JSON: KB version, encoder, vector settings, build time, counts. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kbVersion", kbVersion);
        m.put("encoder", encoder);
        m.put("vectorDimension", dimension);
        m.put("vectorEncoding", hasVectors() ? encoding.name() : "");
        m.put("builtAt", builtAt.toString());
        m.put("concepts", concepts);
        m.put("names", names);
        m.put("abbreviations", abbreviations);
        m.put("vectors", vectors);
        return m;
    }

    Map<String, String> toUserData() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PREFIX + "format", Integer.toString(format));
        m.put(PREFIX + "kb.version", kbVersion);
        m.put(PREFIX + "encoder", encoder);
        m.put(PREFIX + "vector.dimension", Integer.toString(dimension));
        m.put(PREFIX + "vector.encoding", encoding.name());
        m.put(PREFIX + "built", builtAt.toString());
        m.put(PREFIX + "count.concepts", Long.toString(concepts));
        m.put(PREFIX + "count.names", Long.toString(names));
        m.put(PREFIX + "count.abbreviations", Long.toString(abbreviations));
        m.put(PREFIX + "count.vectors", Long.toString(vectors));
        return m;
    }

    static IndexMetadata fromUserData(Map<String, String> m, String where) {
        String format = m.get(PREFIX + "format");
        if (format == null) {
            throw new KbIndexException(where + ": not a linkrx KB index (no linkrx metadata in the commit)");
        }
        if (Integer.parseInt(format) != FORMAT) {
            throw new KbIndexException(where + ": index format " + format + " cannot be read by this version (format "
                    + FORMAT + "); rebuild the index");
        }
        try {
            return new IndexMetadata(FORMAT, m.get(PREFIX + "kb.version"), m.get(PREFIX + "encoder"),
                    Integer.parseInt(m.get(PREFIX + "vector.dimension")),
                    VectorEncoding.valueOf(m.get(PREFIX + "vector.encoding")),
                    Instant.parse(m.get(PREFIX + "built")),
                    Long.parseLong(m.get(PREFIX + "count.concepts")), Long.parseLong(m.get(PREFIX + "count.names")),
                    Long.parseLong(m.get(PREFIX + "count.abbreviations")), Long.parseLong(m.get(PREFIX + "count.vectors")));
        } catch (RuntimeException e) {
            throw new KbIndexException(where + ": damaged linkrx index metadata: " + e.getMessage(), e);
        }
    }

    /** Throws when this index cannot serve {@code wanted}; the message says what differs and how to fix it. */
    void check(IndexRequirements wanted, String where) {
        if (wanted.kbVersion() != null && !wanted.kbVersion().equals(kbVersion)) {
            throw new KbIndexException(where + ": index was built from knowledge base version '" + kbVersion
                    + "' but version '" + wanted.kbVersion() + "' is expected; rebuild the index");
        }
        if (wanted.vectors() && !hasVectors()) {
            throw new KbIndexException(where + ": index has no name vectors but dense retrieval was requested;"
                    + " rebuild it with an encoder");
        }
        if (wanted.encoder() != null && hasVectors() && !wanted.encoder().equals(encoder)) {
            throw new KbIndexException(where + ": index vectors come from encoder '" + encoder + "' but '"
                    + wanted.encoder() + "' is expected; vectors of different encoders are not comparable");
        }
    }
}
