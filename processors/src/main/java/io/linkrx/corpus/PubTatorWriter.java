package io.linkrx.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Writes documents in the PubTator format {@link PubTatorReader} reads: a subset of a corpus (a seed split, a
 * stream split) stays a corpus every linkrx command accepts. Composite ids are joined by {@code +}, alternatives
 * by {@code |}, NIL as {@code -1}.
 */
public final class PubTatorWriter {
    private PubTatorWriter() {
    }

    public static String format(Collection<PubTatorDocument> documents) {
        StringBuilder out = new StringBuilder();
        for (PubTatorDocument d : documents) {
            out.append(d.id()).append("|t|").append(d.title()).append('\n');
            out.append(d.id()).append("|a|").append(d.abstractText()).append('\n');
            for (GoldMention m : d.mentions()) {
                String ids = m.nil() ? "-1" : String.join(m.composite() ? "+" : "|", m.ids());
                out.append(d.id()).append('\t').append(m.begin()).append('\t').append(m.end()).append('\t')
                        .append(m.text()).append('\t').append(m.corpusType()).append('\t').append(ids).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static Path write(Collection<PubTatorDocument> documents, Path file) {
        try {
            return Files.writeString(file, format(documents), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write PubTator corpus: " + e.getMessage(), e);
        }
    }
}
