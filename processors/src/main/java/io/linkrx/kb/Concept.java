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
 * @param xrefs         cross references and alternative ids, e.g. "MESH:D008687", "OMIM:264300"; they are
 *                      accepted by {@link KnowledgeBase#resolve(String)}
 * @param treeNumbers   MeSH tree numbers as the source gives them, e.g. "C10.228.140.300" or (MEDIC, for
 *                      supplementary concepts) "C16.131.260/C538288"; the hierarchy position of the concept
 */
public record Concept(String id, String vocabulary, SemanticType type, String preferredName,
                      List<String> synonyms, List<String> abbreviations, List<String> xrefs,
                      List<String> treeNumbers) {

    public Concept {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(preferredName, "preferredName");
        // defensive, immutable copies: concepts are shared by every stream thread
        synonyms = List.copyOf(synonyms == null ? List.of() : synonyms);
        abbreviations = List.copyOf(abbreviations == null ? List.of() : abbreviations);
        xrefs = List.copyOf(xrefs == null ? List.of() : xrefs);
        treeNumbers = List.copyOf(treeNumbers == null ? List.of() : treeNumbers);
    }

    /** A concept without tree numbers (the shape before tree numbers existed). */
    public Concept(String id, String vocabulary, SemanticType type, String preferredName,
                   List<String> synonyms, List<String> abbreviations, List<String> xrefs) {
        this(id, vocabulary, type, preferredName, synonyms, abbreviations, xrefs, List.of());
    }

    /** The preferred name followed by the synonyms, without duplicates. */
    public List<String> names() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(preferredName);
        names.addAll(synonyms);
        return List.copyOf(new ArrayList<>(names));
    }
}
