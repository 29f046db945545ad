package io.linkrx.kb.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.KbInput;
import io.linkrx.kb.KbLoader;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBaseException;
import io.linkrx.kb.LoadOptions;
import io.linkrx.kb.SemanticType;

/**
 * {@code ID||name} dictionaries (BioSyn / SapBERT style, e.g. medic_dictionary.txt), one name per line; the first
 * name of an id is its preferred name. A composite id "D001|D002" gives the name to both ids. Ids follow
 * {@link Ids#parse}: "MESH:D003920" and bare "D003920" / "C538288" are MESH, "OMIM:…" is OMIM.
 * <p>Options: {@code type} (default disease), {@code vocabulary} for bare non-MeSH ids (default DICT),
 * {@code altids=<file>} as for the medic format.
 */
public final class DictLoader implements KbLoader {
    static final String SEPARATOR = "||";

    @Override
    public String format() {
        return "dict";
    }

    @Override
    public Set<String> options() {
        return Set.of("type", "vocabulary", AltIds.OPTION);
    }

    @Override
    public KnowledgeBase load(String location, LoadOptions options) {
        SemanticType type = options.type("type", SemanticType.DISEASE);
        String vocabulary = options.get("vocabulary", "DICT");
        Map<String, ConceptBuilder> byId = new LinkedHashMap<>();
        String hash;
        KbInput in = KbInput.open(location);
        try {
            Lines.read(in, (line, lineNo) -> {
                if (line.isBlank()) {
                    return;
                }
                int sep = line.indexOf(SEPARATOR);
                if (sep <= 0) {
                    throw Lines.error(location, lineNo, "expected ID||name");
                }
                String name = line.substring(sep + SEPARATOR.length()).strip();
                if (name.isEmpty()) {
                    throw Lines.error(location, lineNo, "empty name");
                }
                for (String rawId : line.substring(0, sep).split("\\|")) {
                    if (!rawId.isBlank()) {
                        Ids.Id id = Ids.parse(rawId, vocabulary);
                        byId.computeIfAbsent(id.id(), k -> new ConceptBuilder(k, id.vocabulary(), type)).name(name);
                    }
                }
            });
            hash = in.sha256Prefix();
        } finally {
            Lines.close(in);
        }
        if (byId.isEmpty()) {
            throw new KnowledgeBaseException(location + ": no concepts found");
        }
        String version = format() + ":" + KbInput.fileName(location) + "@" + hash
                + AltIds.mergeOption(options, location, byId);
        return KnowledgeBase.of(version, byId.values().stream().map(ConceptBuilder::build).toList());
    }
}
