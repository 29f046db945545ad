package io.linkrx.kb;

import java.util.Set;

/**
 * Reads one knowledge-base file format. Implementations are found by {@link java.util.ServiceLoader}: list the
 * class in {@code META-INF/services/io.linkrx.kb.KbLoader} and it is selected by {@link #format()} in a
 * {@link KbSpec} such as {@code "medic:/data/CTD_diseases.tsv.gz"}. Implementations need a public no-argument
 * constructor and must be thread-safe (one instance serves every load).
 */
public interface KbLoader {

    /** The format name used in specs, lower case, e.g. "medic". At least two characters. */
    String format();

    /** The option names this format accepts; a spec with any other option is rejected before loading. */
    default Set<String> options() {
        return Set.of();
    }

    /**
     * Loads the knowledge base at {@code location} (a file path, a directory, or a "classpath:" resource,
     * depending on the format).
     *
     * @throws KnowledgeBaseException naming the location, and the line for format errors
     */
    KnowledgeBase load(String location, LoadOptions options);
}
