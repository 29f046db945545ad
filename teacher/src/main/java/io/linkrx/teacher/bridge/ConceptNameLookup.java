package io.linkrx.teacher.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBases;
import io.linkrx.kb.SemanticType;
import io.linkrx.teacher.CandidateOption;
import io.linkrx.text.Normalizer;

/**
 * The knowledge base's concept names, for a teacher that names the concept a mention means when the student's
 * candidates miss it (retrieval misses are exactly the mentions routing sends; a teacher restricted to the
 * candidates can only answer NIL there). The name is generated freely and checked against the KB's names after the
 * fact, where SynCABEL constrains decoding with a trie of the same names: only a name of exactly one concept (of the
 * mention's type, when the name is shared across types) becomes a label.
 */
public final class ConceptNameLookup {
    private final Map<String, List<Concept>> byName = new HashMap<>();
    private final KnowledgeBase kb;

    public ConceptNameLookup(KnowledgeBase kb) {
        this.kb = kb;
        for (Concept c : kb.concepts()) {
            for (String norm : Normalizer.normalizeAll(c.names())) {
                byName.computeIfAbsent(norm, k -> new ArrayList<>(1)).add(c);
            }
        }
    }

    /** The names of the KBs in {@link TeacherSetting#OUTSIDE_KB}, or empty when it is unset (candidates only). */
    public static Optional<ConceptNameLookup> fromSettings(Map<String, String> settings) {
        String specs = settings.getOrDefault(TeacherSetting.OUTSIDE_KB.key(), "").strip();
        return specs.isEmpty() ? Optional.empty() : Optional.of(new ConceptNameLookup(KnowledgeBases.load(specs)));
    }

    /** The knowledge base the names come from. */
    public KnowledgeBase kb() {
        return kb;
    }

    /**
     * The one concept {@code name} names (case, punctuation and spacing normalised), narrowed to {@code type} when
     * several concepts share the name; empty when no concept or more than one has it.
     *
     * @param type the mention's semantic type as the request names it (e.g. "Disease"); null or unknown: any
     */
    public Optional<Concept> resolve(String name, String type) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<Concept> owners = byName.getOrDefault(Normalizer.normalize(name), List.of());
        if (owners.size() > 1 && type != null) {
            SemanticType wanted = parseOrNull(type);
            owners = owners.stream().filter(c -> c.type() == wanted).toList();
        }
        return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
    }

    /** A concept as an answer option the teacher chose itself: no student score. */
    public static CandidateOption option(Concept c) {
        return new CandidateOption(c.id(), c.vocabulary(), c.preferredName(), 0.0);
    }

    private static SemanticType parseOrNull(String type) {
        try {
            return SemanticType.parse(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
