package io.linkrx.eval.linking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.linkrx.corpus.GoldMention;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.link.LinkedMention;
import io.linkrx.link.ScoredConcept;

/**
 * Optional TSV of wrong top-1 links for error analysis ({@code --errors}): document, mention, gold ids and
 * names, prediction, its probability and the gold's rank among the candidates. It holds corpus text, so it
 * is only written where the user asks for it, never logged.
 */
final class ErrorLog implements AutoCloseable {
    private final Writer out;
    private final KnowledgeBase kb;

    private ErrorLog(Writer out, KnowledgeBase kb) {
        this.out = out;
        this.kb = kb;
    }

    static ErrorLog open(Path file, KnowledgeBase kb) {
        if (file == null) {
            return new ErrorLog(null, kb);
        }
        try {
            Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            w.write("document\tmention\tgold\tgold_names\tpredicted\tpredicted_name\tprobability\tgold_rank\n");
            return new ErrorLog(w, kb);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the error log: " + e.getMessage(), e);
        }
    }

    void add(String doc, GoldMention mention, Set<String> gold, LinkedMention linked) {
        if (out == null || linked.ranked().isEmpty() || gold.contains(linked.ranked().get(0).conceptId())) {
            return;
        }
        ScoredConcept top = linked.ranked().get(0);
        int rank = -1;
        for (int i = 0; i < linked.ranked().size() && rank < 0; i++) {
            rank = gold.contains(linked.ranked().get(i).conceptId()) ? i : -1;
        }
        try {
            out.write(String.join("\t", doc, mention.text(), String.join("|", gold),
                    String.join("|", gold.stream().map(this::name).toList()), top.conceptId(), name(top.conceptId()),
                    String.format("%.3f", top.probability()), Integer.toString(rank)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error log: " + e.getMessage(), e);
        }
    }

    private String name(String id) {
        return kb.concept(id).map(Concept::preferredName).orElse("?");
    }

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
