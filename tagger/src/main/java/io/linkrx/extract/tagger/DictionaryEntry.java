package io.linkrx.extract.tagger;

import java.util.Objects;
import java.util.Set;

import io.linkrx.kb.SemanticType;

/**
 * One name of a dictionary used for the tagger's dictionary features.
 *
 * @param id       the concept id in its source ("D003920", "OMIM:400045"); only groups names
 * @param name     a surface form
 * @param type     the semantic type the name stands for
 * @param branches the concept's tree branches, e.g. "D12.776" (MeSH tree numbers cut to two levels); empty when
 *                 the source has no trees
 */
public record DictionaryEntry(String id, String name, SemanticType type, Set<String> branches) {
    public DictionaryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        branches = Set.copyOf(branches);
    }

    /** An entry of a source without trees. */
    public DictionaryEntry(String id, String name, SemanticType type) {
        this(id, name, type, Set.of());
    }
}
