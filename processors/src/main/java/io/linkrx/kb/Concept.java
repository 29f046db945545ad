package io.linkrx.kb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One knowledge-base concept with the surface forms it can be mentioned by.
 *
 * @param id            vocabulary identifier, e.g. "D006973" or "DB00331"
 * @param vocabulary    source vocabulary, e.g. "MESH" or "DRUGBANK"
 * @param type          coarse semantic type
 * @param preferredName the vocabulary's preferred name
 * @param synonyms      further names (matched case-insensitively)
 * @param abbreviations short forms (matched case-sensitively, "HTN")
 * @param xrefs         cross references to other vocabularies, e.g. "MESH:D008687"
 */
public record Concept(String id, String vocabulary, SemanticType type, String preferredName,
                      List<String> synonyms, List<String> abbreviations, List<String> xrefs) {

    public Concept {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(preferredName, "preferredName");
        // defensive, immutable copies: concepts are shared by every stream thread
        synonyms = List.copyOf(synonyms == null ? List.of() : synonyms);
        abbreviations = List.copyOf(abbreviations == null ? List.of() : abbreviations);
        xrefs = List.copyOf(xrefs == null ? List.of() : xrefs);
    }

    /** The preferred name followed by the synonyms, without duplicates. */
    public List<String> names() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(preferredName);
        names.addAll(synonyms);
        return List.copyOf(new ArrayList<>(names));
    }
}
