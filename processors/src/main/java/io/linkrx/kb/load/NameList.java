package io.linkrx.kb.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.KbInput;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.LoadOptions;
import io.linkrx.kb.SemanticType;

/**
 * The concepts of a one-name-per-line list ({@code dict}, {@code names}): the first name of an id is its preferred
 * name, a composite id "D001|D002" gives the name to both ids. Options shared by those formats: {@code type}
 * (default disease), {@code vocabulary} for bare non-MeSH ids, {@code keep} (vocabularies to keep, e.g.
 * {@code keep=MESH}; default all) and {@code altids}.
 */
final class NameList {
    static final String KEEP = "keep";
    static final Set<String> OPTIONS = Set.of("type", "vocabulary", KEEP, AltIds.OPTION);

    private final Map<String, ConceptBuilder> byId = new LinkedHashMap<>();
    private final SemanticType type;
    private final String vocabulary;
    private final Set<String> keep;
    private int idsNotKept;
    private int nameless;

    NameList(LoadOptions options, String defaultVocabulary) {
        this.type = options.type("type", SemanticType.DISEASE);
        this.vocabulary = options.get("vocabulary", defaultVocabulary);
        this.keep = options.list(KEEP).stream().map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Gives {@code name} to every id of {@code ids} ("D001" or "D001|D002") whose vocabulary is kept. */
    void add(String ids, String name) {
        for (String rawId : ids.split("\\|")) {
            if (rawId.isBlank()) {
                continue;
            }
            Ids.Id id = Ids.parse(rawId, vocabulary);
            if (!keep.isEmpty() && !keep.contains(id.vocabulary().toUpperCase(Locale.ROOT))) {
                idsNotKept++;
                continue;
            }
            byId.computeIfAbsent(id.id(), k -> new ConceptBuilder(k, id.vocabulary(), type)).name(name);
        }
    }

    /** Counts a row skipped for having no name. */
    void skipNameless() {
        nameless++;
    }

    /** Rows skipped for having no name. */
    int nameless() {
        return nameless;
    }

    /** Ids skipped because {@code keep} does not list their vocabulary. */
    int idsNotKept() {
        return idsNotKept;
    }

    /** The knowledge base, versioned {@code <format>:<file name>@<hash>} plus the alt-id file when given. */
    KnowledgeBase build(String format, String location, String hash, LoadOptions options) {
        if (byId.isEmpty()) {
            throw new KnowledgeBaseException(location + ": no concepts found"
                    + (keep.isEmpty() ? "" : " of the vocabularies " + new java.util.TreeSet<>(keep)));
        }
        String version = format + ":" + KbInput.fileName(location) + "@" + hash
                + AltIds.mergeOption(options, location, byId);
        return KnowledgeBase.of(version, byId.values().stream().map(ConceptBuilder::build).toList());
    }
}
