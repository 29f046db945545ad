package io.linkrx.eval.linking;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * End-to-end metrics per semantic type: mention level (exact span and type, and exact span + type + concept)
 * and document level (the set of concepts a document mentions, BC5CDR's official measure), each as
 * precision / recall / F1.
 */
final class EndToEndMetrics {
    record Span(String doc, int begin, int end, String type) {
    }

    record Link(String doc, String type, String concept) {
    }

    private static final class Prf {
        int tp;
        int predicted;
        int gold;

        Map<String, Object> json() {
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = gold == 0 ? 0 : (double) tp / gold;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", LinkingMetrics.round(p));
            m.put("recall", LinkingMetrics.round(r));
            m.put("f1", LinkingMetrics.round(f));
            m.put("tp", tp);
            m.put("predicted", predicted);
            m.put("gold", gold);
            return m;
        }
    }

    private final Map<String, Prf> spans = new TreeMap<>();
    private final Map<String, Prf> linkedSpans = new TreeMap<>();
    private final Map<String, Prf> documents = new TreeMap<>();

    /**
     * Adds one document.
     *
     * @param goldSpans    gold mention spans with their resolved gold concept ids
     * @param predictions  predicted spans with the predicted concepts (several for a composite link, none for NIL)
     */
    void add(Map<Span, Set<String>> goldSpans, Map<Span, List<String>> predictions) {
        for (Map.Entry<Span, Set<String>> g : goldSpans.entrySet()) {
            count(spans, g.getKey().type()).gold++;
            count(linkedSpans, g.getKey().type()).gold++;
        }
        for (Map.Entry<Span, List<String>> p : predictions.entrySet()) {
            String type = p.getKey().type();
            count(spans, type).predicted++;
            count(linkedSpans, type).predicted++;
            Set<String> gold = goldSpans.get(p.getKey());
            if (gold != null) {
                count(spans, type).tp++;
                if (!p.getValue().isEmpty() && gold.containsAll(p.getValue())) {
                    count(linkedSpans, type).tp++;
                }
            }
        }
        // a composite mention contributes each of its concepts, as in BC5CDR's document-level scoring
        Set<Link> goldLinks = links(goldSpans, new HashSet<>());
        Set<Link> predictedLinks = links(predictions, new HashSet<>());
        for (Link l : goldLinks) {
            count(documents, l.type()).gold++;
        }
        for (Link l : predictedLinks) {
            count(documents, l.type()).predicted++;
            if (goldLinks.contains(l)) {
                count(documents, l.type()).tp++;
            }
        }
    }

    /** The document-level links of these spans' concepts, added to {@code into}. */
    static Set<Link> links(Map<Span, ? extends Collection<String>> conceptsBySpan, Set<Link> into) {
        conceptsBySpan.forEach((s, ids) -> ids.forEach(id -> into.add(new Link(s.doc(), s.type(), id))));
        return into;
    }

    private static Prf count(Map<String, Prf> by, String type) {
        return by.computeIfAbsent(type, k -> new Prf());
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String type : new java.util.TreeSet<>(spans.keySet())) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("mention_span", spans.get(type).json());
            t.put("mention_span_and_concept", linkedSpans.get(type).json());
            t.put("document_concepts", documents.getOrDefault(type, new Prf()).json());
            m.put(type, t);
        }
        return m;
    }

    static List<String> types(Map<String, Object> json) {
        return List.copyOf(json.keySet());
    }
}
