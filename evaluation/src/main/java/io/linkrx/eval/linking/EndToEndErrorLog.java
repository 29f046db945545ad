package io.linkrx.eval.linking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;

/**
 * Optional TSV of the document-level errors of an end-to-end run ({@code --errors} with {@code --end-to-end}): each
 * concept a document's gold mentions name but no prediction does (missed: none of its gold spans was found, or found
 * but linked elsewhere) and each predicted concept the gold does not name (spurious: from spans the gold does not
 * have, or from gold spans linked wrongly), with the mention texts involved. Corpus text: written only where the
 * user asks for it, never logged.
 */
final class EndToEndErrorLog implements AutoCloseable {
    private final Writer out;
    private final KnowledgeBase kb;

    private EndToEndErrorLog(Writer out, KnowledgeBase kb) {
        this.out = out;
        this.kb = kb;
    }

    static EndToEndErrorLog open(Path file, KnowledgeBase kb) {
        if (file == null) {
            return new EndToEndErrorLog(null, kb);
        }
        try {
            Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            w.write("document\ttype\terror\tcause\tconcept\tconcept_name\tmentions\tother_concepts_of_those_spans\n");
            return new EndToEndErrorLog(w, kb);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the error log: " + e.getMessage(), e);
        }
    }

    void add(String text, Map<EndToEndMetrics.Span, Set<String>> gold,
             Map<EndToEndMetrics.Span, List<String>> predicted) {
        if (out == null) {
            return;
        }
        Set<EndToEndMetrics.Link> goldLinks = EndToEndMetrics.links(gold, new TreeSet<>(ORDER));
        Set<EndToEndMetrics.Link> predictedLinks = EndToEndMetrics.links(predicted, new TreeSet<>(ORDER));
        for (EndToEndMetrics.Link l : goldLinks) {
            if (!predictedLinks.contains(l)) {
                List<EndToEndMetrics.Span> spans = spansOf(gold.keySet(), s -> gold.get(s).contains(l.concept()), l);
                List<String> linkedTo = new ArrayList<>();
                spans.stream().filter(predicted::containsKey).forEach(s -> linkedTo.add(predicted.get(s).isEmpty() ? "NIL"
                        : String.join("|", predicted.get(s))));
                write(l, "missed", linkedTo.isEmpty() ? "span not found" : "span linked elsewhere", text, spans, linkedTo);
            }
        }
        for (EndToEndMetrics.Link l : predictedLinks) {
            if (!goldLinks.contains(l)) {
                List<EndToEndMetrics.Span> spans = spansOf(predicted.keySet(), s -> predicted.get(s).contains(l.concept()), l);
                List<String> goldOf = new ArrayList<>();
                spans.stream().filter(gold::containsKey).forEach(s -> goldOf.add(String.join("|", gold.get(s))));
                write(l, "spurious", goldOf.isEmpty() ? "span not in gold" : "gold span linked wrongly", text, spans,
                        goldOf);
            }
        }
    }

    private static List<EndToEndMetrics.Span> spansOf(Set<EndToEndMetrics.Span> spans,
                                                      java.util.function.Predicate<EndToEndMetrics.Span> names,
                                                      EndToEndMetrics.Link l) {
        return spans.stream().filter(s -> s.type().equals(l.type()) && names.test(s))
                .sorted(java.util.Comparator.comparingInt(EndToEndMetrics.Span::begin)).toList();
    }

    private void write(EndToEndMetrics.Link l, String error, String cause, String text,
                       List<EndToEndMetrics.Span> spans, List<String> others) {
        try {
            out.write(String.join("\t", l.doc(), l.type(), error, cause, l.concept(),
                    kb.concept(l.concept()).map(Concept::preferredName).orElse("?"),
                    String.join(" | ", spans.stream().map(s -> text.substring(s.begin(), s.end())).toList()),
                    String.join(" ", others)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error log: " + e.getMessage(), e);
        }
    }

    private static final java.util.Comparator<EndToEndMetrics.Link> ORDER = java.util.Comparator
            .comparing(EndToEndMetrics.Link::doc).thenComparing(EndToEndMetrics.Link::type)
            .thenComparing(EndToEndMetrics.Link::concept);

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the error log: " + e.getMessage(), e);
            }
        }
    }
}
