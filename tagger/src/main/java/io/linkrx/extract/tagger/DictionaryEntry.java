package io.linkrx.extract.tagger;

import java.util.Objects;

import io.linkrx.kb.SemanticType;

/**
 * One name of a dictionary used for the tagger's dictionary features.
 *
 * @param id   the concept id in its source ("D003920", "OMIM:400045"); only groups names
 * @param name a surface form
 * @param type the semantic type the name stands for
 */
public record DictionaryEntry(String id, String name, SemanticType type) {
    public DictionaryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
