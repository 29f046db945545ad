package io.linkrx.teacher.bridge.simulated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.eval.linking.GoldResolver;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.text.Normalizer;

/**
 * A gold-annotated corpus indexed the ways the simulated teacher asks it: the annotation at a document's offsets,
 * the gold concepts of a normalised mention text with their counts, and the annotated mentions of a concept.
 * Gold ids are resolved to knowledge-base ids like the evaluation does ({@link GoldResolver}); without a knowledge
 * base they are only stripped of a "MESH:" prefix.
 */
final class GoldCorpus {
    /** The gold concepts of a mention text; {@code nil} counts annotations without a concept. */
    record TextStats(Map<String, Integer> conceptCounts, int nil) {
        int annotations() {
            return nil + conceptCounts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One gold mention with the resolved ids and the document it is in. */
    record Occurrence(PubTatorDocument document, GoldMention mention, Set<String> ids) {
    }

    private final Map<String, PubTatorDocument> documents = new HashMap<>();
    private final Map<String, Map<Long, Occurrence>> byOffsets = new HashMap<>();
    private final Map<String, Map<String, Integer>> conceptsByText = new HashMap<>();
    private final Map<String, Integer> nilByText = new HashMap<>();
    private final Map<String, List<Occurrence>> byConcept = new HashMap<>();
    private final GoldResolver resolver;

    GoldCorpus(List<PubTatorDocument> docs, KnowledgeBase kb) {
        this.resolver = kb == null ? null : new GoldResolver(kb);
        for (PubTatorDocument doc : docs) {
            documents.putIfAbsent(doc.id(), doc);
            for (GoldMention m : doc.mentions()) {
                Occurrence o = new Occurrence(doc, m, resolve(m.ids()));
                byOffsets.computeIfAbsent(doc.id(), k -> new HashMap<>()).putIfAbsent(span(m.begin(), m.end()), o);
                String text = Normalizer.normalize(m.text());
                if (o.ids().isEmpty()) {
                    nilByText.merge(text, 1, Integer::sum);
                }
                for (String id : o.ids()) {
                    conceptsByText.computeIfAbsent(text, k -> new LinkedHashMap<>()).merge(id, 1, Integer::sum);
                    if (!m.composite()) { // a composite span does not name one concept by itself
                        byConcept.computeIfAbsent(id, k -> new ArrayList<>()).add(o);
                    }
                }
            }
        }
    }

    /** The knowledge-base ids of these gold (or candidate) ids, in order. */
    Set<String> resolve(List<String> ids) {
        if (resolver != null) {
            return resolver.resolve(ids);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            String s = id.strip();
            out.add(s.toUpperCase(Locale.ROOT).startsWith("MESH:") ? s.substring(5) : s);
        }
        return out;
    }

    /** The gold mention annotated at exactly these offsets of the document. */
    Optional<Occurrence> at(String documentId, int begin, int end) {
        if (documentId == null || begin < 0 || end < begin) {
            return Optional.empty();
        }
        return Optional.ofNullable(byOffsets.getOrDefault(documentId, Map.of()).get(span(begin, end)));
    }

    /** The gold concepts annotated for this mention text anywhere in the corpus. */
    TextStats text(String mentionText) {
        String text = Normalizer.normalize(mentionText);
        return new TextStats(conceptsByText.getOrDefault(text, Map.of()), nilByText.getOrDefault(text, 0));
    }

    /** The non-composite gold mentions of a (resolved) concept id, in corpus order. */
    List<Occurrence> mentionsOf(String conceptId) {
        return byConcept.getOrDefault(conceptId, List.of());
    }

    int documents() {
        return documents.size();
    }

    private static long span(int begin, int end) {
        return ((long) begin << 32) | (end & 0xffffffffL);
    }
}
